/**
 * Checks that message data has the shape of its field table before it is written: only known
 * elements, text where a field is, an object where a node is, a list where an element repeats,
 * characters XML can carry, and well-formed XML where the data holds XML (the signature,
 * extension content). Lengths, formats and what is missing are left to the schema check of the
 * written message.
 */
import { messageIssue, type MessageIssue } from './issues.js';
import { isRepeated, type ElementSpec, type MessageData } from './spec.js';
import { readXml } from './xml/read-xml.js';
import { DSIG_NAMESPACE } from './schema/dsig.js';

type Path = readonly (string | number)[];

/** True when `text` holds a character XML 1.0 cannot carry: a C0 control but tab, LF and CR; a lone surrogate; U+FFFE or U+FFFF. */
export function notXml(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}
const FRAGMENT_LIMITS = { maxDepth: 64, maxRepeat: 100_000 };

const describe = (value: unknown): string => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

function textIssues(value: unknown, path: Path, out: MessageIssue[]): void {
  if (typeof value !== 'string') out.push(messageIssue('schema', path, `must be text (a string), not ${describe(value)}`, value));
  else if (notXml(value)) out.push(messageIssue('schema', path, 'holds a character XML cannot carry (a control character, a lone surrogate, U+FFFE or U+FFFF); remove it', value));
}

function xmlIssues(spec: ElementSpec & { kind: 'xml' }, value: unknown, path: Path, out: MessageIssue[]): void {
  if (typeof value !== 'string') {
    out.push(messageIssue('schema', path, `must be XML text (a string), not ${describe(value)}`, value));
    return;
  }
  const read = readXml(spec.content === 'element' ? `<wrapper>${value}</wrapper>` : value, FRAGMENT_LIMITS);
  if ('problem' in read) out.push(messageIssue('schema', path, `must be well-formed XML: it ${read.problem}`, value));
  else if (spec.content === 'signature' && (read.root.name !== 'Signature' || read.root.namespace !== DSIG_NAMESPACE)) {
    out.push(messageIssue('schema', path, `must be one ds:Signature element in the namespace ${DSIG_NAMESPACE} (with its xmlns declaration)`, value));
  } else if (spec.content === 'any' && read.root.name !== spec.name) {
    out.push(messageIssue('schema', path, `must be one ${spec.name} element, written whole (with its namespace declaration)`, value));
  }
}

function recordIssues(value: unknown, spec: ElementSpec, path: Path, out: MessageIssue[]): void {
  if (spec.kind === 'xml') return xmlIssues(spec, value, path, out);
  if (spec.kind === 'field' && !spec.attributes) return textIssues(value, path, out);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(messageIssue('schema', path, `must be an object of ${spec.kind === 'node' ? 'elements' : 'text and attributes'}, not ${describe(value)}`, value));
    return;
  }
  const record = value as MessageData;
  for (const attribute of spec.attributes ?? []) {
    if (record[`@${attribute.name}`] !== undefined) textIssues(record[`@${attribute.name}`], [...path, `@${attribute.name}`], out);
  }
  if (spec.kind === 'field') {
    textIssues(record['#text'] ?? '', [...path, '#text'], out);
    unknownKeys(record, new Set(['#text', ...(spec.attributes ?? []).map((a) => `@${a.name}`)]), spec.name, path, out);
    return;
  }
  out.push(...shapeIssues(spec.children, record, path, new Set((spec.attributes ?? []).map((a) => `@${a.name}`))));
}

function unknownKeys(record: MessageData, known: ReadonlySet<string>, owner: string, path: Path, out: MessageIssue[]): void {
  for (const key of Object.keys(record)) {
    if (!known.has(key)) out.push(messageIssue('schema', [...path, key], `is not an element of ${owner}; remove it or fix its spelling (known: ${[...known].join(', ')})`));
  }
}

/**
 * The shape issues of `data` against `children`.
 *
 * @param attributes - attribute keys (`@name`) the owner of `data` takes
 */
export function shapeIssues(children: readonly ElementSpec[], data: unknown, path: Path = [], attributes: ReadonlySet<string> = new Set()): MessageIssue[] {
  const out: MessageIssue[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [messageIssue('schema', path, `must be an object of elements, not ${describe(data)}`, data)];
  const record = data as MessageData;
  unknownKeys(record, new Set([...children.map((c) => c.name), ...attributes]), path.length === 0 ? 'the message' : String(path.filter((p) => typeof p === 'string').at(-1)), path, out);
  for (const child of children) {
    const value = record[child.name];
    if (value === undefined) continue;
    if (!isRepeated(child)) {
      recordIssues(value, child, [...path, child.name], out);
      continue;
    }
    if (!Array.isArray(value)) {
      out.push(messageIssue('schema', [...path, child.name], `must be a list of ${child.name} entries (up to ${child.maxOccurs}), not ${describe(value)}`, value));
      continue;
    }
    (value as readonly unknown[]).forEach((entry, i) => recordIssues(entry, child, [...path, child.name, i], out));
  }
  return out;
}
