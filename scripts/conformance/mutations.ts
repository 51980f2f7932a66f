/**
 * Mutations of a valid message built by the library (one element per line): an element dropped,
 * duplicated or swapped with its next sibling, a value made one character too long (or one digit
 * too many), a value replaced by a code outside its code table, emptied, or padded with spaces.
 * Each mutation is new XML text; whether it is still valid is for xmllint to say.
 */
import { messageSpec, type FieldSpec, type MessageType, type SpecVersion } from '../../src/messages/index.js';
import { isElement, readXml, type XmlElement } from '../../src/messages/xml/read-xml.js';

/** One mutation: what was done, and the resulting XML. */
export interface Mutant {
  readonly kind: string;
  readonly description: string;
  readonly xml: string;
}

/** A seeded generator of numbers in [0, 1): mulberry32. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Placed {
  readonly element: XmlElement;
  readonly first: number;
  readonly last: number;
  readonly parent: Placed | undefined;
  readonly field: FieldSpec | undefined;
}

function lastLine(element: XmlElement): number {
  const last = element.children.at(-1);
  return last === undefined ? element.line + (textOf(element).match(/\n/g)?.length ?? 0) : lastLine(last) + 1;
}

/** The elements of a built message with their line ranges and field specs (leaves of open content left out). */
function place(root: XmlElement, type: MessageType, spec: SpecVersion): Placed[] {
  const out: Placed[] = [];
  const table = messageSpec(type, spec);
  const visit = (element: XmlElement, parent: Placed | undefined, children: readonly { name: string; kind: string }[]) => {
    for (const child of element.children) {
      const childSpec = children.find((c) => c.name === child.name) as (FieldSpec | { kind: 'node'; name: string; children: [] } | { kind: 'xml'; name: string }) | undefined;
      const placed: Placed = { element: child, first: child.line, last: childSpec?.kind === 'xml' ? child.line : lastLine(child), parent, field: childSpec?.kind === 'field' ? childSpec : undefined };
      out.push(placed);
      if (childSpec?.kind === 'node') visit(child, placed, (childSpec as unknown as { children: { name: string; kind: string }[] }).children);
    }
  };
  visit(root, undefined, table.children);
  return out;
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function textOf(element: XmlElement): string {
  return element.content.map((c) => (isElement(c) ? '' : c.text)).join('');
}

function tooLong(field: FieldSpec, value: string, rng: () => number): string {
  const type = field.type;
  if (type.base === 'decimal') return pick(rng, ['12345678901234567890', '1.123456', '1234567890123456789.000000', '99999999999999.123456']);
  if (type.base === 'int') return pick(rng, ['2147483648', '1234567890', '-99999999999']);
  if (type.base !== 'string' || type.maxLength === Number.POSITIVE_INFINITY) return `${value}X`;
  return value.padEnd(type.maxLength + 1, '号');
}

const CODES: Readonly<Record<string, string>> = { appType: '9', appStatus: '7', ieFlag: 'X', orderType: 'Z', buyerIdType: '9', payerIdType: '9', tradeMode: '8888', currency: '999', country: '999', fFlag: '9', iFlag: '9', statisticsFlag: 'Z' };

function withText(lines: readonly string[], target: Placed, text: string): string[] {
  const out = [...lines];
  const line = out[target.first - 1]!;
  out[target.first - 1] = line.replace(/>[^<]*</, `>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}<`);
  return out;
}

/**
 * `count` mutants of `xml`, a valid message of `type` built for `spec` (one element per line).
 *
 * @param rng - the seeded generator that chooses each mutation
 */
export function mutants(xml: string, type: MessageType, spec: SpecVersion, count: number, rng: () => number): Mutant[] {
  const read = readXml(xml, { maxDepth: 64, maxRepeat: 100_000 });
  if ('problem' in read) throw new Error(`base message unreadable: ${read.problem}`);
  const placed = place(read.root, type, spec);
  const leaves = placed.filter((p) => p.field && p.first === p.last);
  const lines = xml.split('\n');
  const out: Mutant[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(rng, ['drop', 'duplicate', 'reorder', 'too-long', 'bad-code', 'empty', 'padded'] as const);
    const target = pick(rng, kind === 'too-long' || kind === 'empty' || kind === 'padded' ? leaves : kind === 'bad-code' ? leaves.filter((l) => CODES[l.element.name] !== undefined) : placed);
    if (!target) continue;
    const block = lines.slice(target.first - 1, target.last);
    const name = target.element.name;
    let mutated: string[];
    let description: string;
    switch (kind) {
      case 'drop':
        mutated = [...lines.slice(0, target.first - 1), ...lines.slice(target.last)];
        description = `dropped ${name} (line ${target.first})`;
        break;
      case 'duplicate':
        mutated = [...lines.slice(0, target.last), ...block, ...lines.slice(target.last)];
        description = `duplicated ${name} (line ${target.first})`;
        break;
      case 'reorder': {
        const next = placed.find((p) => p.parent === target.parent && p.first === target.last + 1);
        if (!next) continue;
        mutated = [...lines.slice(0, target.first - 1), ...lines.slice(next.first - 1, next.last), ...block, ...lines.slice(next.last)];
        description = `swapped ${name} (line ${target.first}) with ${next.element.name}`;
        break;
      }
      case 'too-long':
        mutated = withText(lines, target, tooLong(target.field!, textOf(target.element), rng));
        description = `made ${name} (line ${target.first}) too long`;
        break;
      case 'bad-code':
        mutated = withText(lines, target, CODES[name]!);
        description = `gave ${name} (line ${target.first}) the code ${CODES[name]}`;
        break;
      case 'empty':
        mutated = withText(lines, target, '');
        description = `emptied ${name} (line ${target.first})`;
        break;
      case 'padded':
        mutated = withText(lines, target, ` ${textOf(target.element)} `);
        description = `padded ${name} (line ${target.first}) with spaces`;
        break;
    }
    out.push({ kind, description, xml: mutated.join('\n') });
  }
  return out;
}
