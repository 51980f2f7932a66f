/**
 * Writes XML: message data in the order of its field table, and elements read from outside
 * (a signature, extension content) back as text that reads the same. Escaping keeps every
 * value exactly: a carriage return or a tab in an attribute survives a round trip.
 */
import { isRepeated, type ElementSpec, type MessageData } from '../spec.js';
import { isElement, XMLNS_NAMESPACE, type XmlElement } from './read-xml.js';

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes text for an element body (`&`, `<`, `>`, and a carriage return, which XML would turn into a line feed). */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Escapes text for a double-quoted attribute, keeping tabs and line breaks as character references. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/** Writes `<name attr="...">`, with attributes in the given order. */
export function openTag(name: string, attributes: readonly (readonly [string, string])[] = []): string {
  return `<${name}${attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}>`;
}

function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
}

function collectPrefixes(element: XmlElement, used: Map<string, string>, declared: Set<string>): void {
  const own = new Set(element.attributes.filter((a) => a.namespace === XMLNS_NAMESPACE).map((a) => (a.qname === 'xmlns' ? '' : a.name)));
  const note = (prefix: string) => {
    if (prefix !== 'xml' && !own.has(prefix) && !declared.has(prefix) && !used.has(prefix)) used.set(prefix, element.scope[prefix] ?? '');
  };
  note(prefixOf(element.qname));
  for (const a of element.attributes) if (a.namespace !== XMLNS_NAMESPACE && a.qname.includes(':')) note(prefixOf(a.qname));
  const inner = new Set([...declared, ...own]);
  for (const child of element.children) collectPrefixes(child, used, inner);
}

function writeElement(element: XmlElement, extra: readonly (readonly [string, string])[]): string {
  const attributes: [string, string][] = element.attributes.map((a) => [a.qname, a.value]);
  const open = openTag(element.qname, [...attributes, ...extra]);
  if (element.content.length === 0) return `${open.slice(0, -1)}/>`;
  const body = element.content.map((item) => (isElement(item) ? writeElement(item, []) : escapeText(item.text))).join('');
  return `${open}${body}</${element.qname}>`;
}

/**
 * An element read from outside, as XML text on its own: the namespace prefixes it uses but
 * inherits are declared on it, so it reads the same wherever it is placed.
 */
export function serializeElement(element: XmlElement): string {
  const used = new Map<string, string>();
  collectPrefixes(element, used, new Set());
  const extra = [...used].map(([prefix, uri]) => [prefix === '' ? 'xmlns' : `xmlns:${prefix}`, uri] as const);
  return writeElement(element, extra);
}

/** The child elements of `element`, each serialized on its own, joined (text between them dropped). */
export function serializeChildren(element: XmlElement): string {
  return element.children.map(serializeElement).join('');
}

/** The content of `element` as XML text (text and elements), for open content kept as it came. */
export function serializeContent(element: XmlElement): string {
  return element.content.map((item) => (isElement(item) ? serializeElement(item) : escapeText(item.text))).join('');
}

function attributePairs(value: MessageData): [string, string][] {
  return Object.entries(value)
    .filter(([k]) => k.startsWith('@'))
    .map(([k, v]) => [k.slice(1), v as string]);
}

function writeOne(child: ElementSpec, entry: string | MessageData, tag: string, prefix: string, pad: string, depth: number): string[] {
  if (child.kind === 'xml') {
    const xml = entry as string;
    if (child.content === 'signature') return [`${pad}${xml}`];
    return [`${pad}<${tag}>${xml}</${tag}>`];
  }
  if (child.kind === 'field') {
    if (typeof entry === 'string') return [`${pad}<${tag}>${escapeText(entry)}</${tag}>`];
    return [`${pad}${openTag(tag, attributePairs(entry))}${escapeText((entry['#text'] as string | undefined) ?? '')}</${tag}>`];
  }
  const node = entry as MessageData;
  const open = openTag(tag, attributePairs(node));
  const inner = writeElements(child.children, node, prefix, depth + 1);
  return inner.length === 0 ? [`${pad}${open.slice(0, -1)}/>`] : [`${pad}${open}`, ...inner, `${pad}</${tag}>`];
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
    const entries = isRepeated(child) ? (value as readonly (string | MessageData)[]) : [value as string | MessageData];
    for (const entry of entries) lines.push(...writeOne(child, entry, `${prefix}${child.name}`, prefix, pad, depth));
  }
  return lines;
}
