/**
 * Turns an element tree into message data by walking the field table: known elements in
 * specification order, each field once (or a list when it repeats), text decoded. Problems are
 * collected as issues with the path of the element; field values are checked later by the schema.
 */
import type { ValidationIssue } from '../domain/errors.js';
import type { ElementSpec, MessageData } from './spec.js';
import { decodeEntities, localName, type XmlElement } from './xml-reader.js';

type Path = readonly (string | number)[];
type Entries = Record<string, string | string[] | MessageData | MessageData[]>;

/** Where decoding reports its issues, and which root-level elements it steps over. */
export interface DecodeContext {
  readonly issues: ValidationIssue[];
  /** Local names skipped without a word (the root's `Signature` and `ExtendMessage`). */
  readonly skip: ReadonlySet<string>;
}

/** The text of an element, decoded, or an issue at `path`. */
function textOf(element: XmlElement, path: Path, context: DecodeContext): string | undefined {
  if (element.children.length > 0) {
    context.issues.push({ path, value: undefined, reason: 'must be text, not elements; remove the nested elements.' });
    return undefined;
  }
  let value = '';
  for (const piece of element.text) {
    if (piece.cdata) {
      value += piece.raw;
      continue;
    }
    const decoded = decodeEntities(piece.raw);
    if ('problem' in decoded) {
      context.issues.push({ path, value: piece.raw, reason: `${decoded.problem}.` });
      return undefined;
    }
    value += decoded.value;
  }
  return value;
}

/**
 * Decodes the content of `element` against `children` (its field table).
 */
export function decodeContent(element: XmlElement, children: readonly ElementSpec[], path: Path, context: DecodeContext): MessageData {
  const out: Entries = {};
  const order = children.map((c) => c.name);
  let last = -1;
  if (element.text.some((t) => t.cdata || t.raw.trim() !== '')) {
    context.issues.push({ path, value: undefined, reason: `has text between its elements; ${localName(element.name)} holds only the elements ${order.join(', ')}.` });
  }
  for (const child of element.children) {
    const name = localName(child.name);
    if (context.skip.has(name)) continue;
    const index = order.indexOf(name);
    const spec = children[index];
    if (spec === undefined) {
      context.issues.push({ path: [...path, name], value: undefined, reason: `is not an element of ${localName(element.name)}; remove it or fix its spelling (known: ${order.join(', ')}).` });
      continue;
    }
    if (index < last) {
      context.issues.push({ path: [...path, name], value: undefined, reason: `is out of order; write it before ${order[last]} (specification order: ${order.join(', ')}).` });
    }
    last = Math.max(last, index);
    decodeChild(child, spec, name, path, out, context);
  }
  return out;
}

function decodeChild(child: XmlElement, spec: ElementSpec, name: string, path: Path, out: Entries, context: DecodeContext): void {
  const existing = out[name];
  if (spec.repeated) {
    const list = (existing ?? []) as (string | MessageData)[];
    const value = decodeOne(child, spec, [...path, name, list.length], context);
    if (value !== undefined) list.push(value);
    out[name] = list as string[] | MessageData[];
    return;
  }
  if (existing !== undefined) {
    context.issues.push({ path: [...path, name], value: undefined, reason: `appears more than once; ${name} may be given only once here.` });
    return;
  }
  const value = decodeOne(child, spec, [...path, name], context);
  if (value !== undefined) out[name] = value;
}

function decodeOne(child: XmlElement, spec: ElementSpec, path: Path, context: DecodeContext): string | MessageData | undefined {
  return spec.kind === 'field' ? textOf(child, path, context) : decodeContent(child, spec.children, path, context);
}
