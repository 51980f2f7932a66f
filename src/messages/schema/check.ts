/**
 * The schema-level check: walks an element tree against its declaration and reports what the
 * official XSD rejects, where the reference validator (libxml2) reports it. Attributes first,
 * then content: a child the model does not allow is reported at that child and the rest of its
 * parent's children are not looked at (as libxml2 does); a model left incomplete is reported at
 * its parent; every text value is checked against its simple type.
 */
import { messageIssue, type MessageIssue } from '../issues.js';
import { isElement, XMLNS_NAMESPACE, type XmlElement } from '../xml/read-xml.js';
import { ContentWalk, type Automaton } from './content-model.js';
import type { ElementDecl, Slot } from './particles.js';
import { collapseWhitespace, simpleTypeProblem } from './simple-types.js';
import type { SimpleType } from '../spec.js';

/** The XML Schema instance namespace (`xsi:`). */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

type Path = readonly (string | number)[];

interface Walk {
  readonly issues: MessageIssue[];
  readonly ids: Set<string>;
}

const issue = (walk: Walk, path: Path, reason: string, value: unknown, line: number) => walk.issues.push(messageIssue('schema', path, reason, value, line));

/** The text of an element: its text and CDATA pieces joined. */
export function textOf(element: XmlElement): string {
  let text = '';
  for (const item of element.content) if (!isElement(item)) text += item.text;
  return text;
}

/** A QName value (`xs:int`, `TransInfoType`) as `{namespace}name`, its prefix resolved where it is written. */
function resolveQName(value: string, element: XmlElement): string | undefined {
  const qname = collapseWhitespace(value);
  const colon = qname.indexOf(':');
  const namespace = element.scope[colon < 0 ? '' : qname.slice(0, colon)];
  return namespace === undefined && colon >= 0 ? undefined : `{${namespace ?? ''}}${qname.slice(colon + 1)}`;
}

const shortName = (typeName: string) => typeName.replace(/^\{[^}]*\}/, '');

function xsiTypeProblem(value: string, element: XmlElement, decl: ElementDecl): string | undefined {
  if (decl.typeName === undefined) return `may not be used: the schema gives ${element.name} a type of its own, which has no name`;
  if (resolveQName(value, element) === decl.typeName) return undefined;
  return `may only name the type the schema declares ${element.name} with, ${shortName(decl.typeName)} in ${/^\{([^}]*)\}/.exec(decl.typeName)![1]}`;
}

function checkXsiAttribute(walk: Walk, element: XmlElement, decl: ElementDecl, attribute: { name: string; value: string }, path: Path): void {
  const { name, value } = attribute;
  if (name === 'schemaLocation' || name === 'noNamespaceSchemaLocation') return;
  const reason =
    name === 'nil'
      ? `may not be used: ${element.name} is not nillable; leave the element out or give it a value`
      : name === 'type'
        ? xsiTypeProblem(value, element, decl)
        : `is not an attribute of the schema-instance namespace; remove it`;
  if (reason) issue(walk, [...path, `@xsi:${name}`], reason, value, element.line);
}

function checkAttributes(walk: Walk, element: XmlElement, decl: ElementDecl, path: Path): void {
  const given = new Set<string>();
  for (const a of element.attributes) {
    if (a.namespace === XMLNS_NAMESPACE) continue;
    if (a.namespace === XSI_NAMESPACE) {
      checkXsiAttribute(walk, element, decl, a, path);
      continue;
    }
    const spec = a.namespace === '' ? decl.attributes.find((s) => s.name === a.name) : undefined;
    if (!spec) {
      if (!decl.anyAttribute) issue(walk, [...path, `@${a.qname}`], `is not an attribute of ${element.name}; remove it`, a.value, element.line);
      continue;
    }
    given.add(a.name);
    const problem = spec.fixed !== undefined ? (a.value === spec.fixed ? undefined : `must be "${spec.fixed}"`) : simpleTypeProblem(a.value, spec.type);
    if (problem) issue(walk, [...path, `@${a.name}`], problem, a.value, element.line);
    if (spec.type.base === 'ID' && !problem) {
      const id = collapseWhitespace(a.value);
      if (walk.ids.has(id)) issue(walk, [...path, `@${a.name}`], `repeats the ID "${id}" given to another element; IDs must be unique`, a.value, element.line);
      walk.ids.add(id);
    }
  }
  for (const spec of decl.attributes) {
    if (spec.required && !given.has(spec.name)) issue(walk, [...path, `@${spec.name}`], `is required on ${element.name}; add it`, undefined, element.line);
  }
}

function checkText(walk: Walk, element: XmlElement, decl: ElementDecl, path: Path): void {
  if (decl.mixed) return;
  const stray = element.content.find((item) => !isElement(item) && (item.cdata || /[^ \t\r\n]/.test(item.text)));
  if (stray) issue(walk, path, `holds text between its elements; ${element.name} holds only elements`, undefined, element.line);
}

function labelsInOrder(walk: ContentWalk<Slot>, all: readonly string[]): string[] {
  return walk.expected().filter((label) => all.includes(label));
}

function contentProblem(child: XmlElement, childAt: Path, expected: readonly string[], known: readonly string[], declared: boolean, parentPath: Path): { path: Path; reason: string } {
  const list = expected.length === 0 ? 'nothing more' : expected.join(' or ');
  const at = known.indexOf(child.name);
  if (!declared) return { path: childAt, reason: `is not an element here (expected ${list}); remove it or fix its name or namespace` };
  // In a sequence the labels expected run from optional ones to the first required one: the last before the child is missing.
  const missing = expected.filter((label) => known.indexOf(label) < at).pop();
  if (missing !== undefined) return { path: [...parentPath, missing], reason: `is required before ${child.name} but missing; add it (expected ${list})` };
  return { path: childAt, reason: `is out of order or repeated too often (expected ${list} here)` };
}

function childPath(path: Path, child: XmlElement, slot: Slot | undefined, counts: Map<string, number>): Path {
  const index = counts.get(child.name) ?? 0;
  counts.set(child.name, index + 1);
  return slot?.repeated || index > 0 ? [...path, child.name, index] : [...path, child.name];
}

/** The labels of every term of each model, in model order (worked out once per model). */
const labelsOfModel = new WeakMap<Automaton<Slot>, readonly string[]>();

function labelsOf(model: Automaton<Slot>): readonly string[] {
  let labels = labelsOfModel.get(model);
  if (labels === undefined) {
    labels = [...new Set(model.states.flatMap((s) => s.edges.map((e) => e.term.label)))];
    labelsOfModel.set(model, labels);
  }
  return labels;
}

function checkContent(walk: Walk, element: XmlElement, decl: ElementDecl, path: Path): void {
  const model = decl.model!;
  const contentWalk = new ContentWalk(model);
  const known = labelsOf(model);
  const counts = new Map<string, number>();
  for (const child of element.children) {
    const term = contentWalk.step(child.namespace, child.name);
    if (!term) {
      // a refused step leaves the walk where it was: what it expects is what it expected before this child
      const expected = labelsInOrder(contentWalk, known);
      const declared = model.states.some((s) => s.edges.some((e) => e.term.matches(child.namespace, child.name)));
      const problem = contentProblem(child, childPath(path, child, undefined, counts), expected, known, declared, path);
      issue(walk, problem.path, problem.reason, undefined, child.line);
      return;
    }
    const slot = term.target;
    const at = childPath(path, child, slot, counts);
    if (typeof slot.decl !== 'string') checkElement(walk, child, slot.decl, at);
  }
  if (!contentWalk.complete()) {
    // The labels still expected run from optional ones to the first required one, which is missing.
    const missing = labelsInOrder(contentWalk, known).at(-1) ?? '?';
    issue(walk, [...path, missing], `is required in ${element.name} but missing; add it`, undefined, element.line);
  }
}

/**
 * What the schema rejects in the text `given` of a simple element of `type` (with its `fixed` or
 * `default` value, which an empty element stands for), or undefined when it takes it.
 */
export function textValueProblem(given: string, type: SimpleType, fixed?: string, fallback?: string): string | undefined {
  const value = given === '' ? (fixed ?? fallback ?? given) : given;
  return fixed !== undefined && value !== fixed ? `must be "${fixed}", the only value the schema allows` : simpleTypeProblem(value, type);
}

/** Checks `element` against `decl`, adding issues to `walk`. */
function checkElement(walk: Walk, element: XmlElement, decl: ElementDecl, path: Path): void {
  checkAttributes(walk, element, decl, path);
  if (decl.simple) {
    if (element.children.length > 0) {
      issue(walk, path, `must hold text, not elements; remove the elements inside ${element.name}`, undefined, element.line);
      return;
    }
    const given = textOf(element);
    const problem = textValueProblem(given, decl.simple, decl.fixed, decl.default);
    if (problem) issue(walk, path, problem, given, element.line);
    return;
  }
  checkText(walk, element, decl, path);
  checkContent(walk, element, decl, path);
}

/**
 * The schema issues of a document whose root is `root`, declared by `decl`.
 *
 * @example
 * ```ts
 * schemaIssues(read.root, rootDeclaration(messageSpec('CEB311'), 'CEB311Message'));
 * ```
 */
export function schemaIssues(root: XmlElement, decl: ElementDecl): MessageIssue[] {
  const walk: Walk = { issues: [], ids: new Set() };
  if (root.namespace !== decl.namespace || root.name !== decl.name) {
    issue(walk, [], `is <${root.qname}> in namespace "${root.namespace}", not <${decl.name}> in "${decl.namespace}"`, root.qname, root.line);
    return walk.issues;
  }
  checkElement(walk, root, decl, []);
  return walk.issues;
}
