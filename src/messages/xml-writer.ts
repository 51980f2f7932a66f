/**
 * Writes message data as XML in the order of its field table. The data is validated before it
 * gets here; this module only escapes and indents.
 */
import type { ElementSpec, MessageData } from './spec.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an element body or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** Writes `<prefix:name attr="...">`, with attributes in the given order. */
export function openTag(name: string, attributes: readonly (readonly [string, string])[] = []): string {
  return `<${name}${attributes.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('')}>`;
}

/**
 * Writes the elements of `data` that `children` lists, in that order, each on its own line.
 *
 * @param prefix - element-name prefix with its colon (`'ceb:'`), or `''` for a default namespace
 * @param depth - indentation level of these elements
 */
export function writeElements(children: readonly ElementSpec[], data: MessageData, prefix: string, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const lines: string[] = [];
  for (const child of children) {
    const value = data[child.name];
    if (value === undefined) continue;
    const tag = `${prefix}${child.name}`;
    const entries = Array.isArray(value) ? (value as readonly (string | MessageData)[]) : [value as string | MessageData];
    for (const entry of entries) {
      if (typeof entry === 'string') {
        lines.push(`${pad}<${tag}>${escapeXml(entry)}</${tag}>`);
      } else if (child.kind === 'node') {
        lines.push(`${pad}<${tag}>`, ...writeElements(child.children, entry, prefix, depth + 1), `${pad}</${tag}>`);
      }
    }
  }
  return lines;
}
