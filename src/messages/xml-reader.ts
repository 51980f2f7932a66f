/**
 * Reads XML from outside into a plain element tree, refusing what could hurt: DOCTYPE and entity
 * declarations, oversized input, deep nesting, floods of repeated elements. Every refusal is a
 * {@link ValidationIssue}; nothing else leaves this module.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ValidationIssue } from '../domain/errors.js';
import type { ParseLimits } from './limits.js';

/** One element: qualified name, raw attributes, child elements, and its text pieces. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Text and CDATA pieces in document order; text is still entity-encoded. */
  readonly text: readonly { readonly raw: string; readonly cdata: boolean }[];
}

/** The root element, or the issues that stopped the reading. */
export type ReadResult = { readonly root: XmlElement } | { readonly issues: ValidationIssue[] };

type FxpNode = Record<string, unknown>;

const refuse = (reason: string, value?: unknown): ReadResult => ({ issues: [{ path: [], value, reason }] });

/** The part of a qualified name after its prefix: `ceb:OrderHead` -> `OrderHead`. */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Reads `xml` into an element tree within `limits`. */
export function readXml(xml: unknown, limits: ParseLimits): ReadResult {
  if (typeof xml !== 'string') return refuse(`must be XML text (a string), not ${xml === null ? 'null' : typeof xml}.`);
  if (xml.length > limits.maxBytes || new TextEncoder().encode(xml).length > limits.maxBytes) {
    return refuse(`is larger than the ${limits.maxBytes}-byte limit; split the message or raise limits.maxBytes.`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return refuse('contains a DOCTYPE or ENTITY declaration, which CEB messages never have; remove it (refused to prevent entity expansion and external entity attacks).');
  }
  const checked = XMLValidator.validate(xml);
  if (checked !== true) {
    return refuse(`is not well-formed XML: ${checked.err.msg} (line ${checked.err.line}, column ${checked.err.col}).`);
  }
  let parsed: unknown;
  try {
    parsed = new XMLParser(PARSER_OPTIONS(limits.maxDepth + 1)).parse(xml);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return /nested/i.test(message) ? refuse(tooDeep(limits.maxDepth)) : refuse(`could not be read as XML: ${message}.`);
  }
  const top = (parsed as FxpNode[]).filter((n) => elementName(n) !== undefined);
  if (top.length !== 1) return refuse(`must have exactly one root element, found ${top.length}.`);
  try {
    return { root: toElement(top[0]!, limits, 1) };
  } catch (e) {
    if (e instanceof LimitExceeded) return refuse(e.message);
    throw e;
  }
}

const PARSER_OPTIONS = (maxDepth: number) =>
  ({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    cdataPropName: '#cdata',
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: maxDepth,
    jPath: false,
  }) as const;

class LimitExceeded extends Error {}

const tooDeep = (maxDepth: number) => `nests elements deeper than the limit of ${maxDepth}; CEB messages are a few levels deep.`;

function elementName(node: FxpNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata');
}

function toElement(node: FxpNode, limits: ParseLimits, depth: number): XmlElement {
  const name = elementName(node)!;
  if (depth > limits.maxDepth) throw new LimitExceeded(tooDeep(limits.maxDepth));
  const children: XmlElement[] = [];
  const text: { raw: string; cdata: boolean }[] = [];
  const seen = new Map<string, number>();
  for (const child of node[name] as FxpNode[]) {
    if ('#text' in child) text.push({ raw: String(child['#text']), cdata: false });
    else if ('#cdata' in child) text.push({ raw: (child['#cdata'] as FxpNode[]).map((t) => String(t['#text'] ?? '')).join(''), cdata: true });
    else if (elementName(child) !== undefined) {
      const childName = elementName(child)!;
      const count = (seen.get(childName) ?? 0) + 1;
      if (count > limits.maxRepeat) {
        throw new LimitExceeded(`repeats <${childName}> inside <${name}> more than the limit of ${limits.maxRepeat} times; split the message or raise limits.maxRepeat.`);
      }
      seen.set(childName, count);
      children.push(toElement(child, limits, depth + 1));
    }
  }
  const attributes = (node[':@'] ?? {}) as Record<string, string>;
  return { name, attributes, children, text };
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five XML entities and character references in raw text.
 *
 * @returns the text, or a reason when it holds an unknown entity or a character XML forbids
 */
export function decodeEntities(raw: string): { value: string } | { problem: string } {
  let problem: string | undefined;
  const value = raw.replace(/&([^;&\s]{0,12});?/g, (whole, body: string) => {
    const named = NAMED[body];
    if (named !== undefined && whole.endsWith(';')) return named;
    const ref = /^#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}))$/.exec(body);
    const code = ref && whole.endsWith(';') ? parseInt(ref[1] ?? ref[2]!, ref[1] ? 16 : 10) : NaN;
    if (Number.isNaN(code) || code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) {
      problem ??= `holds '${whole}', which is not an XML entity; write & as &amp; and use only &amp; &lt; &gt; &quot; &apos; or character references`;
      return whole;
    }
    return String.fromCodePoint(code);
  });
  return problem === undefined ? { value } : { problem };
}
