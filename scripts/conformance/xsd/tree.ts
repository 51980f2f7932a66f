/**
 * A small namespace-aware XML tree (through saxes), for reading schema documents and for
 * comparing the XML text the library keeps (a Signature, extension content) with what the
 * generator wrote. Comments and processing instructions are dropped; text is kept as read.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface Node {
  readonly namespace: string;
  readonly name: string;
  /** Attributes other than namespace declarations, by `{namespace}name`. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly content: readonly (Node | string)[];
  /** Prefix to namespace bindings in scope. */
  readonly scope: Readonly<Record<string, string>>;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Reads `xml`; throws on anything that is not well-formed namespace-aware XML. */
export function readTree(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: { node: Node; content: (Node | string)[] }[] = [];
  let root: Node | undefined;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) if (a.uri !== XMLNS) attributes.set(`{${a.uri}}${a.local}`, a.value);
    const content: (Node | string)[] = [];
    const node: Node = { namespace: tag.uri, name: tag.local, attributes, content, scope: { ...inherited(stack), ...tag.ns } };
    stack.at(-1)?.content.push(node);
    stack.push({ node, content });
  });
  parser.on('closetag', () => {
    const done = stack.pop()!;
    if (stack.length === 0) root = done.node;
  });
  const text = (t: string) => {
    const top = stack.at(-1);
    if (!top) return;
    const last = top.content.at(-1);
    if (typeof last === 'string') top.content[top.content.length - 1] = last + t;
    else top.content.push(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

function inherited(stack: readonly { node: Node }[]): Record<string, string> {
  return stack.at(-1)?.node.scope ?? {};
}

/** The child elements of `node`. */
export function elements(node: Node): Node[] {
  return node.content.filter((c): c is Node => typeof c !== 'string');
}

/** The text of `node`, its text pieces joined. */
export function textOf(node: Node): string {
  return node.content.filter((c): c is string => typeof c === 'string').join('');
}

/** An unqualified attribute's value. */
export function attr(node: Node, name: string): string | undefined {
  return node.attributes.get(`{}${name}`);
}
