/**
 * Reads XML Schema documents (with their imports and includes) into the generator's model:
 * global elements, named and anonymous types, sequences, choices, wildcards, occurrence
 * ranges, attributes, simple types with their facets, simple content by extension. Anything
 * else a schema uses is refused by name, so the generator never silently makes up a rule.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ANY_TYPE, key, type AttributeDecl, type Builtin, type ComplexType, type ElementDecl, type Facets, type Particle, type Schema, type SimpleType } from './model.js';
import { attr, elements, readTree, type Node } from './tree.js';

const XS = 'http://www.w3.org/2001/XMLSchema';

const BUILTINS: ReadonlySet<string> = new Set<Builtin>([
  'string', 'normalizedString', 'token', 'decimal', 'integer', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger',
  'boolean', 'date', 'dateTime', 'time', 'base64Binary', 'hexBinary', 'anyURI', 'ID', 'NCName', 'Name', 'anySimpleType',
]);

/** Built-in types whose white space is collapsed whatever the facets say. */
const COLLAPSED: ReadonlySet<Builtin> = new Set(['token', 'decimal', 'integer', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'boolean', 'date', 'dateTime', 'time', 'base64Binary', 'hexBinary', 'anyURI', 'ID', 'NCName', 'Name']);

interface Document {
  readonly root: Node;
  readonly targetNamespace: string;
  readonly qualified: boolean;
}

class Unsupported extends Error {}

const xs = (node: Node, name: string): Node[] => elements(node).filter((c) => c.namespace === XS && c.name === name);
const firstXs = (node: Node, ...names: string[]): Node | undefined => elements(node).find((c) => c.namespace === XS && names.includes(c.name));

function qname(node: Node, value: string): { namespace: string; name: string } {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const namespace = node.scope[prefix];
  if (namespace === undefined && prefix !== '') throw new Unsupported(`undeclared prefix in ${value}`);
  return { namespace: namespace ?? '', name: colon < 0 ? value : value.slice(colon + 1) };
}

function occurs(node: Node): { min: number; max: number } {
  const max = attr(node, 'maxOccurs');
  return { min: Number(attr(node, 'minOccurs') ?? '1'), max: max === 'unbounded' ? Number.POSITIVE_INFINITY : Number(max ?? '1') };
}

function mergeFacets(base: Facets, node: Node): Facets {
  const out: { -readonly [K in keyof Facets]: Facets[K] } = { ...base };
  const enumeration: string[] = [];
  const patterns: string[] = [];
  for (const facet of elements(node)) {
    if (facet.namespace !== XS || facet.name === 'annotation' || facet.name === 'simpleType') continue;
    const value = attr(facet, 'value') ?? '';
    switch (facet.name) {
      case 'length':
      case 'minLength':
      case 'maxLength':
      case 'totalDigits':
      case 'fractionDigits':
        out[facet.name] = Number(value);
        break;
      case 'enumeration':
        enumeration.push(value);
        break;
      case 'pattern':
        patterns.push(value);
        break;
      case 'whiteSpace':
        out.whiteSpace = value as 'preserve' | 'replace' | 'collapse';
        break;
      default:
        throw new Unsupported(`facet xs:${facet.name}`);
    }
  }
  if (enumeration.length > 0) out.enumeration = enumeration;
  if (patterns.length > 0) out.patterns = [...(base.patterns ?? []), patterns];
  return out;
}

/** The schema documents reachable from some files, and the declarations in them. */
class SchemaReader {
  private readonly documents: Document[] = [];
  private readonly seen = new Set<string>();
  private readonly elements = new Map<string, ElementDecl>();
  private readonly types = new Map<string, { doc: Document; node: Node }>();
  private readonly resolved = new Map<Node, SimpleType | ComplexType>();

  load(file: string): void {
    const path = resolve(file);
    if (this.seen.has(path)) return;
    this.seen.add(path);
    const root = readTree(readFileSync(path, 'utf8'));
    const doc: Document = { root, targetNamespace: attr(root, 'targetNamespace') ?? '', qualified: attr(root, 'elementFormDefault') === 'qualified' };
    this.documents.push(doc);
    for (const child of elements(root)) {
      if (child.namespace !== XS) continue;
      const name = attr(child, 'name');
      if ((child.name === 'import' || child.name === 'include') && attr(child, 'schemaLocation')) this.load(resolve(dirname(path), attr(child, 'schemaLocation')!));
      else if ((child.name === 'complexType' || child.name === 'simpleType') && name) this.types.set(key(doc.targetNamespace, name), { doc, node: child });
      else if (!['element', 'annotation', 'import', 'include'].includes(child.name)) throw new Unsupported(`top-level xs:${child.name}`);
    }
  }

  schema(): Schema {
    for (const doc of this.documents) for (const el of xs(doc.root, 'element')) this.elements.set(key(doc.targetNamespace, attr(el, 'name')!), this.element(doc, el, true));
    return { elements: this.elements };
  }

  private element(doc: Document, node: Node, global: boolean): ElementDecl {
    const ref = attr(node, 'ref');
    if (ref) {
      const { namespace, name } = qname(node, ref);
      const target = () => this.global(namespace, name);
      return {
        namespace,
        name,
        type: () => target().type(),
        get nillable() {
          return target().nillable;
        },
        get fixed() {
          return target().fixed;
        },
        get default() {
          return target().default;
        },
        get typeName() {
          return target().typeName;
        },
      };
    }
    const typeName = attr(node, 'type');
    const inline = firstXs(node, 'simpleType', 'complexType');
    const type = (): SimpleType | ComplexType => (typeName ? this.named(node, typeName) : inline ? this.typeOf(doc, inline) : ANY_TYPE);
    let cached: SimpleType | ComplexType | undefined;
    const named = typeName ? qname(node, typeName) : undefined;
    return {
      namespace: global || doc.qualified ? doc.targetNamespace : '',
      name: attr(node, 'name')!,
      type: () => (cached ??= type()),
      nillable: attr(node, 'nillable') === 'true',
      fixed: attr(node, 'fixed'),
      default: attr(node, 'default'),
      typeName: named ? key(named.namespace, named.name) : inline ? undefined : key(XS, 'anyType'),
    };
  }

  private global(namespace: string, name: string): ElementDecl {
    const decl = this.elements.get(key(namespace, name));
    if (!decl) throw new Unsupported(`no global element ${key(namespace, name)}`);
    return decl;
  }

  private named(node: Node, value: string): SimpleType | ComplexType {
    const { namespace, name } = qname(node, value);
    if (namespace === XS) {
      if (name === 'anyType') return ANY_TYPE;
      if (!BUILTINS.has(name)) throw new Unsupported(`built-in type xs:${name}`);
      const base = name as Builtin;
      return { kind: 'simple', base, facets: COLLAPSED.has(base) ? { whiteSpace: 'collapse' } : name === 'normalizedString' ? { whiteSpace: 'replace' } : {} };
    }
    const found = this.types.get(key(namespace, name));
    if (!found) throw new Unsupported(`type ${key(namespace, name)}`);
    return this.typeOf(found.doc, found.node);
  }

  private typeOf(doc: Document, node: Node): SimpleType | ComplexType {
    let type = this.resolved.get(node);
    if (!type) {
      type = node.name === 'simpleType' ? this.simple(node) : this.complex(doc, node);
      this.resolved.set(node, type);
    }
    return type;
  }

  private simple(node: Node): SimpleType {
    const restriction = firstXs(node, 'restriction', 'list', 'union');
    if (!restriction || restriction.name !== 'restriction') throw new Unsupported(`simple type by xs:${restriction?.name ?? 'nothing'}`);
    const baseName = attr(restriction, 'base');
    const inner = firstXs(restriction, 'simpleType');
    const base = baseName ? this.named(restriction, baseName) : inner ? this.simple(inner) : undefined;
    if (!base || base.kind !== 'simple') throw new Unsupported('a simple type restricting a complex type');
    return { kind: 'simple', base: base.base, facets: mergeFacets(base.facets, restriction) };
  }

  private attributes(doc: Document, node: Node): AttributeDecl[] {
    if (firstXs(node, 'attributeGroup', 'anyAttribute')) throw new Unsupported('attribute groups and wildcards');
    return xs(node, 'attribute').map((a) => {
      if (attr(a, 'ref')) throw new Unsupported('attribute references');
      const typeName = attr(a, 'type');
      const inline = firstXs(a, 'simpleType');
      const type = typeName ? this.named(a, typeName) : inline ? this.simple(inline) : { kind: 'simple' as const, base: 'anySimpleType' as const, facets: {} };
      if (type.kind !== 'simple') throw new Unsupported('an attribute of complex type');
      const fixed = attr(a, 'fixed');
      const dflt = attr(a, 'default');
      return {
        namespace: attr(a, 'form') === 'qualified' ? doc.targetNamespace : '',
        name: attr(a, 'name')!,
        required: attr(a, 'use') === 'required',
        type,
        ...(fixed === undefined ? {} : { fixed }),
        ...(dflt === undefined ? {} : { default: dflt }),
      };
    });
  }

  private complex(doc: Document, node: Node): ComplexType {
    const mixed = attr(node, 'mixed') === 'true';
    const simpleContent = firstXs(node, 'simpleContent');
    if (simpleContent) {
      const extension = firstXs(simpleContent, 'extension');
      if (!extension) throw new Unsupported('simple content by restriction');
      const base = this.named(extension, attr(extension, 'base')!);
      if (base.kind !== 'simple') throw new Unsupported('simple content extending a complex type');
      return { kind: 'complex', attributes: this.attributes(doc, extension), anyAttribute: false, content: { kind: 'simple', type: base } };
    }
    if (firstXs(node, 'complexContent', 'all', 'group')) throw new Unsupported('complex content derivation, xs:all and groups');
    const model = firstXs(node, 'sequence', 'choice');
    const particle = model ? this.particle(doc, model) : undefined;
    return { kind: 'complex', attributes: this.attributes(doc, node), anyAttribute: false, content: { kind: 'elements', mixed, ...(particle ? { particle } : {}) } };
  }

  private particle(doc: Document, node: Node): Particle {
    const { min, max } = occurs(node);
    switch (node.name) {
      case 'element':
        return { kind: 'element', decl: this.element(doc, node, false), min, max };
      case 'sequence':
      case 'choice':
        return { kind: node.name, items: elements(node).filter((c) => c.namespace === XS && c.name !== 'annotation').map((c) => this.particle(doc, c)), min, max };
      case 'any': {
        const ns = attr(node, 'namespace') ?? '##any';
        const namespaces = ns === '##any' ? ('##any' as const) : ns === '##other' ? { other: doc.targetNamespace } : ns.split(/\s+/).map((n) => (n === '##targetNamespace' ? doc.targetNamespace : n === '##local' ? '' : n));
        return { kind: 'any', namespaces, process: (attr(node, 'processContents') ?? 'strict') as 'skip' | 'lax' | 'strict', min, max };
      }
      default:
        throw new Unsupported(`particle xs:${node.name}`);
    }
  }
}

/**
 * The global elements declared in `files` and the documents they import or include.
 *
 * @throws when a schema uses a construct the generator does not model (named in the message)
 */
export function readSchemas(files: readonly string[]): Schema {
  const reader = new SchemaReader();
  try {
    for (const file of files) reader.load(file);
    return reader.schema();
  } catch (e) {
    if (e instanceof Unsupported) throw new Error(`the instance generator does not model ${e.message}`, { cause: e });
    throw e;
  }
}
