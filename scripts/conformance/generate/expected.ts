/**
 * The data the library should give for a generated instance, worked out from the instance and
 * the schema alone (not from the library's tables), and a comparison that names each difference.
 * The documented data shape: a node is an object of its children by name with its attributes as
 * `'@name'`; a text element is its text exactly; text with attributes is `{ '#text', '@name' }`;
 * an element whose particle repeats is a list; an element of another namespace (the Signature) is
 * kept whole as XML text, and so is an element of open attributes and content (`RecMapId`); the
 * open content of an element without attributes (`ExtendMessage/Message`) is kept as XML text.
 */
import { elements, readTree, type Node } from '../xsd/tree.js';
import type { GenElement } from './instance.js';

/** XML the library keeps as text: the whole element, or its content. */
class KeptXml {
  constructor(
    readonly kept: 'element' | 'content',
    readonly element: GenElement,
  ) {}
}

type Expected = string | KeptXml | ExpectedNode | Expected[];
interface ExpectedNode {
  [name: string]: Expected;
}

function textOf(el: GenElement): string {
  return el.content.filter((c): c is string => typeof c === 'string').join('');
}

function attributeEntries(el: GenElement): ExpectedNode {
  const out: ExpectedNode = {};
  for (const a of el.attributes) if (a.namespace === '') out[`@${a.name}`] = a.value;
  return out;
}

function valueOf(child: GenElement, messageNamespace: string): Expected {
  if (child.namespace !== messageNamespace || child.shape === 'xml-element') return new KeptXml('element', child);
  switch (child.shape) {
    case 'xml-content':
      return new KeptXml('content', child);
    case 'text':
      return textOf(child);
    case 'text-with-attributes':
      return { ...attributeEntries(child), '#text': textOf(child) };
    default:
      return nodeData(child, messageNamespace);
  }
}

function nodeData(el: GenElement, messageNamespace: string): ExpectedNode {
  const out = attributeEntries(el);
  for (const child of el.content) {
    if (typeof child === 'string') continue;
    const value = valueOf(child, messageNamespace);
    if (child.repeated) ((out[child.name] ??= []) as Expected[]).push(value);
    else out[child.name] = value;
  }
  return out;
}

/**
 * The data of a generated message: its root's children (and, for a transport envelope, its
 * attributes; a CEB root's `guid` and `version` are reported apart).
 */
export function expectedData(root: GenElement, rootAttributesInData: boolean): ExpectedNode {
  const data = nodeData(root, root.namespace);
  if (!rootAttributesInData) for (const a of root.attributes) delete data[`@${a.name}`];
  return data;
}

const XSI_TYPE = '{http://www.w3.org/2001/XMLSchema-instance}type';

/** A QName value as `{namespace}name`, its prefix resolved where it is written. */
function resolved(value: string, node: Node): string {
  const [prefix, local] = value.includes(':') ? value.split(':') : ['', value];
  return `{${node.scope[prefix!] ?? ''}}${local}`;
}

const isBlank = (c: Node | string) => typeof c === 'string' && /^[ \t\r\n]*$/.test(c);

function mergedText(content: readonly (GenElement | string)[]): (GenElement | string)[] {
  const out: (GenElement | string)[] = [];
  for (const c of content) {
    if (c === '') continue;
    const last = out.at(-1);
    if (typeof c === 'string' && typeof last === 'string') out[out.length - 1] = last + c;
    else out.push(c);
  }
  return out;
}

/** Differences between XML read back and the generated element (names, attributes, content). */
function compareElement(node: Node, gen: GenElement, path: string, out: string[]): void {
  if (node.namespace !== gen.namespace || node.name !== gen.name) {
    out.push(`${path}: holds {${node.namespace}}${node.name}, expected {${gen.namespace}}${gen.name}`);
    return;
  }
  const attributes = new Map(gen.attributes.map((a) => [`{${a.namespace}}${a.name}`, a.qnameNamespace === undefined ? a.value : `{${a.qnameNamespace}}${a.value}`]));
  const read = new Map([...node.attributes].map(([k, v]) => [k, k === XSI_TYPE ? resolved(v, node) : v]));
  if (JSON.stringify([...read].sort()) !== JSON.stringify([...attributes].sort())) {
    out.push(`${path}/${gen.name}: attributes ${JSON.stringify([...read])}, expected ${JSON.stringify([...attributes])}`);
  }
  compareContent(node.content, gen.content, gen.layout === 'elements', `${path}/${gen.name}`, out);
}

function compareContent(actual: readonly (Node | string)[], generated: readonly (GenElement | string)[], elementOnly: boolean, path: string, out: string[]): void {
  const got = elementOnly ? actual.filter((c) => !isBlank(c)) : actual;
  const want = mergedText(generated);
  if (got.length !== want.length) {
    out.push(`${path}: ${got.length} items of content, expected ${want.length} (${JSON.stringify(got.map((g) => (typeof g === 'string' ? g : g.name)))})`);
    return;
  }
  got.forEach((g, i) => {
    const w = want[i]!;
    if (typeof g === 'string' || typeof w === 'string') {
      if (g !== w) out.push(`${path}: text ${JSON.stringify(typeof g === 'string' ? g : `<${g.name}>`)}, expected ${JSON.stringify(typeof w === 'string' ? w : `<${w.name}>`)}`);
    } else compareElement(g, w, path, out);
  });
}

function compareKept(actual: unknown, expected: KeptXml, path: string, out: string[]): void {
  if (typeof actual !== 'string') {
    out.push(`${path}: is ${JSON.stringify(actual)}, expected XML text`);
    return;
  }
  let read: Node;
  try {
    read = readTree(expected.kept === 'element' ? actual : `<kept-content>${actual}</kept-content>`);
  } catch (e) {
    out.push(`${path}: is not XML that stands on its own (${(e as Error).message}): ${actual.slice(0, 200)}`);
    return;
  }
  if (expected.kept === 'element') return compareElement(read, expected.element, path, out);
  const gen = expected.element;
  const lostAttributes = gen.attributes.filter((a) => a.namespace === '' || !a.namespace.startsWith('http://www.w3.org/'));
  if (lostAttributes.length > 0) out.push(`${path}: the attributes of ${gen.name} (${lostAttributes.map((a) => a.name).join(', ')}) are not in the data`);
  compareContent(gen.layout === 'elements' ? elements(read) : read.content, gen.content, gen.layout === 'elements', path, out);
}

/** Each difference between the library's data and the expected data, with its path. */
export function compareData(actual: unknown, expected: Expected, path = 'data', out: string[] = []): string[] {
  if (typeof expected === 'string') {
    if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) out.push(`${path}: ${Array.isArray(actual) ? `a list of ${actual.length}` : JSON.stringify(actual)?.slice(0, 80)}, expected a list of ${expected.length}`);
    else expected.forEach((e, i) => compareData(actual[i], e, `${path}.${i}`, out));
  } else if (expected instanceof KeptXml) {
    compareKept(actual, expected, path, out);
  } else if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
    out.push(`${path}: ${JSON.stringify(actual)?.slice(0, 80)}, expected an object`);
  } else {
    const node = expected as ExpectedNode;
    const record = actual as Record<string, unknown>;
    for (const name of new Set([...Object.keys(node), ...Object.keys(record)])) {
      if (!(name in node)) out.push(`${path}.${name}: is in the data but not in the message`);
      else if (!(name in record)) out.push(`${path}.${name}: is missing from the data`);
      else compareData(record[name], node[name]!, `${path}.${name}`, out);
    }
  }
  return out;
}
