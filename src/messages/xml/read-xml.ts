/**
 * Reads XML text into an element tree with namespaces resolved, refusing what is not
 * well-formed XML (through the saxes parser: one root, matching tags, declared prefixes, no
 * repeated attribute, only XML characters) and what could hurt: a DOCTYPE (entity expansion,
 * external entities), nesting deeper than the limit, floods of repeated elements. Every refusal
 * is one issue naming the line and column; nothing else leaves this module.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { ParseLimits } from '../limits.js';
import { clip } from '../issues.js';

/** Text or a CDATA section inside an element. */
export interface XmlText {
  readonly text: string;
  readonly cdata: boolean;
}

/** An attribute, its name resolved. */
export interface XmlAttribute {
  /** Namespace URI; empty for an unprefixed attribute. */
  readonly namespace: string;
  readonly name: string;
  /** As written, e.g. `xsi:schemaLocation`. */
  readonly qname: string;
  readonly value: string;
}

/** An element: its resolved name, attributes, content in document order and source line. */
export interface XmlElement {
  readonly namespace: string;
  /** Local name, e.g. `OrderHead`. */
  readonly name: string;
  /** As written, e.g. `ceb:OrderHead`. */
  readonly qname: string;
  /** Attributes, namespace declarations (`xmlns`, `xmlns:p`) included, in document order. */
  readonly attributes: readonly XmlAttribute[];
  /** Child elements and text, in document order (comments and processing instructions are dropped). */
  readonly content: readonly (XmlElement | XmlText)[];
  /** The child elements alone. */
  readonly children: readonly XmlElement[];
  /** The namespace bindings in scope (prefix to URI, `''` for the default namespace). */
  readonly scope: Readonly<Record<string, string>>;
  /** Line of the start tag, from 1. */
  readonly line: number;
}

/** The root element, or why the text could not be read (with the line, when known). */
export type ReadResult = { readonly root: XmlElement } | { readonly problem: string; readonly line?: number };

/** The namespace of namespace declarations. */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

interface Open {
  readonly namespace: string;
  readonly name: string;
  readonly qname: string;
  readonly attributes: XmlAttribute[];
  readonly content: (XmlElement | XmlText)[];
  readonly children: XmlElement[];
  readonly scope: Record<string, string>;
  readonly line: number;
  /** How often each child name has occurred so far (made on the first child). */
  seen: Map<string, number> | undefined;
}

class Refusal extends Error {}

/** True for an element (not text) in an element's content. */
export function isElement(item: XmlElement | XmlText): item is XmlElement {
  return 'name' in item;
}

/** Reads `xml` into an element tree within `limits`. */
export function readXml(xml: string, limits: Pick<ParseLimits, 'maxDepth' | 'maxRepeat'>): ReadResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  const addText = (text: string, cdata: boolean) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.content.push({ text, cdata });
  };
  parser.on('doctype', () => {
    throw new Refusal('contains a DOCTYPE declaration, which CEB messages never have; remove it (refused to prevent entity expansion and external entity attacks)');
  });
  parser.on('opentagstart', () => {
    line = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    if (stack.length >= limits.maxDepth) throw new Refusal(`nests elements deeper than the limit of ${limits.maxDepth}; CEB messages are a few levels deep`);
    if (parent) {
      const seen = (parent.seen ??= new Map());
      const count = (seen.get(tag.name) ?? 0) + 1;
      if (count > limits.maxRepeat) throw new Refusal(`repeats <${tag.name}> inside <${parent.qname}> more than the limit of ${limits.maxRepeat} times; split the message or raise limits.maxRepeat`);
      seen.set(tag.name, count);
    }
    const attributes = Object.values(tag.attributes).map((a) => ({ namespace: a.uri, name: a.local, qname: a.name, value: a.value }));
    // an element that declares no namespace shares its parent's bindings (scopes are never changed once made)
    let scope: Record<string, string> = parent?.scope ?? {};
    let own = parent === undefined;
    for (const a of attributes) {
      if (a.namespace !== XMLNS_NAMESPACE) continue;
      if (!own) {
        scope = { ...scope };
        own = true;
      }
      scope[a.qname === 'xmlns' ? '' : a.name] = a.value;
    }
    stack.push({ namespace: tag.uri, name: tag.local, qname: tag.name, attributes, content: [], children: [], scope, line, seen: undefined });
  });
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const element: XmlElement = { namespace: open.namespace, name: open.name, qname: open.qname, attributes: open.attributes, content: open.content, children: open.children, scope: open.scope, line: open.line };
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.content.push(element);
      parent.children.push(element);
    } else root = element;
  });
  parser.on('text', (text) => addText(text, false));
  parser.on('cdata', (text) => addText(text, true));
  parser.on('error', (e) => {
    throw new Refusal(`is not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '')} (line ${parser.line}, column ${parser.column})`);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof Refusal) return { problem: clip(e.message), line: parser.line };
    throw e;
  }
  return root ? { root } : { problem: 'has no root element' };
}
