/**
 * Random instances of a schema element: the content model walked as the schema gives it
 * (sequences, choices, occurrence ranges, wildcards, mixed content, attributes, fixed and default
 * values), every choice seeded. Optional parts are present or absent as the instance's style
 * says, repetitions run from their minimum to their maximum (one repetition per instance may go
 * to a large maximum, such as 100 business nodes), and open content (`xs:any`) gets elements of
 * several namespaces, with attributes and mixed text.
 */
import { type AttributeDecl, type ComplexType, type ElementDecl, type Particle, type SimpleType, type Wildcard } from '../xsd/model.js';
import type { Random } from './random.js';
import { valueOf } from './values.js';

/** How the library's data holds an element (what ./expected.ts expects of it). */
export type Shape = 'text' | 'text-with-attributes' | 'node' | 'xml-content' | 'xml-element' | 'open';

export interface GenAttribute {
  readonly namespace: string;
  readonly name: string;
  /** The value; for a QName value (`xsi:type`), its local part, the writer adding a prefix bound to `qnameNamespace`. */
  readonly value: string;
  readonly qnameNamespace?: string;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** At times, `xsi:type` naming the type the element is declared with (the only name the schema accepts there). */
function xsiType(ctx: Context, decl: ElementDecl): GenAttribute[] {
  const named = decl.typeName === undefined ? undefined : /^\{([^}]*)\}(.*)$/.exec(decl.typeName);
  return named && ctx.rng.chance(0.03) ? [{ namespace: XSI, name: 'type', value: named[2]!, qnameNamespace: named[1]! }] : [];
}

/** A generated element: text content is the value as the element holds it, before escaping. */
export interface GenElement {
  readonly namespace: string;
  readonly name: string;
  readonly attributes: GenAttribute[];
  readonly content: (GenElement | string)[];
  /** `'elements'`: white space, comments and PIs may go between the children; `'text'` and `'mixed'`: the text is exact. */
  readonly layout: 'elements' | 'text' | 'mixed';
  readonly shape: Shape;
  /** True when the element's particle may repeat (the data then holds a list). */
  readonly repeated: boolean;
}

/** Values to use for some elements instead of random ones (a DXP envelope's Data and MsgType). */
export type Overrides = (decl: ElementDecl) => string | undefined;

interface Context {
  readonly rng: Random;
  /** Probability that an optional part is present. */
  readonly optionalRate: number;
  /** One repetition per instance may go to a large maximum. */
  bigLeft: boolean;
  /** Elements still allowed, so that instances stay of a readable size. */
  budget: number;
  readonly overrides: Overrides;
}

const OPEN_NAMESPACES = ['urn:x-gen:open', '', 'http://www.chinaport.gov.cn/ceb', 'http://www.chinaport.gov.cn/dxp', 'http://www.w3.org/2000/09/xmldsig#', 'urn:x-gen:二'];

function count(ctx: Context, min: number, max: number): number {
  const { rng } = ctx;
  if (ctx.budget <= 0) return min;
  if (max === 1) return min === 1 || rng.chance(ctx.optionalRate) ? 1 : 0;
  if (ctx.bigLeft && max >= 10 && rng.chance(0.5)) {
    ctx.bigLeft = false;
    return Number.isFinite(max) ? max : min + 25;
  }
  const cap = Math.min(Number.isFinite(max) ? max : min + 4, min + 4);
  const small = min === 0 ? (rng.chance(ctx.optionalRate) ? 1 : 0) : min;
  return rng.weighted([[4, small], [3, rng.int(min, cap)], [max <= 10 ? 2 : 0, Math.min(max, 10)]]);
}

function attributeValue(ctx: Context, a: AttributeDecl): string {
  if (a.fixed !== undefined) return a.fixed;
  return valueOf(ctx.rng, a.type);
}

function attributes(ctx: Context, type: ComplexType): GenAttribute[] {
  const out = type.attributes.filter((a) => a.required || ctx.rng.chance(ctx.optionalRate)).map((a) => ({ namespace: a.namespace, name: a.name, value: attributeValue(ctx, a) }));
  if (type.anyAttribute) out.push(...openAttributes(ctx));
  return out;
}

/** A name for an open element: made up, or at times one the message schemas use for something else. */
function openName(rng: Random): string {
  if (rng.chance(0.1)) return rng.pick(['Order', 'guid', 'Message', 'Signature', 'Data']);
  return `${rng.pick(['gen', 'x', 'ext', '扩展', 'k_'])}${rng.pick(['', 'A', 'b1', '项', '.v', '-2'])}`;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

function openAttributes(ctx: Context): GenAttribute[] {
  const out: GenAttribute[] = [];
  const n = ctx.rng.int(0, 2);
  for (let i = 0; i < n; i++) {
    const namespace = ctx.rng.pick(['', 'urn:x-gen:attr', XML_NAMESPACE]);
    const name = namespace === XML_NAMESPACE ? ['lang', 'space'][i]! : `${openName(ctx.rng)}${i}`;
    const value = name === 'space' ? ctx.rng.pick(['preserve', 'default']) : valueOf(ctx.rng, { kind: 'simple', base: 'string', facets: { maxLength: 12 } });
    out.push({ namespace, name, value });
  }
  return out;
}

function mixedText(ctx: Context): string {
  return ctx.rng.chance(0.5) ? valueOf(ctx.rng, { kind: 'simple', base: 'string', facets: { maxLength: 8 } }) : '';
}

/** An element for a wildcard: a name nobody declares, in one of the namespaces it allows, with open content. */
function openElement(ctx: Context, wildcard: Wildcard, depth: number): GenElement {
  ctx.budget--;
  const allowed = wildcard.namespaces;
  const choices = allowed === '##any' ? OPEN_NAMESPACES : 'other' in allowed ? OPEN_NAMESPACES.filter((n) => n !== allowed.other && n !== '') : allowed;
  const content: (GenElement | string)[] = [];
  const children = depth > 2 ? 0 : ctx.rng.int(0, 3);
  for (let i = 0; i < children; i++) {
    content.push(mixedText(ctx));
    content.push(openElement(ctx, { kind: 'any', namespaces: '##any', process: 'skip', min: 1, max: 1 }, depth + 1));
  }
  content.push(mixedText(ctx));
  return { namespace: ctx.rng.pick(choices), name: openName(ctx.rng), attributes: openAttributes(ctx), content: content.filter((c) => c !== ''), layout: 'mixed', shape: 'open', repeated: false };
}

function particle(ctx: Context, p: Particle, out: GenElement[], depth: number): void {
  const n = count(ctx, p.min, p.max);
  for (let i = 0; i < n; i++) {
    switch (p.kind) {
      case 'element':
        out.push(element(ctx, p.decl, p.max > 1, depth + 1));
        break;
      case 'any':
        out.push(openElement(ctx, p, depth + 1));
        break;
      case 'sequence':
        for (const item of p.items) particle(ctx, item, out, depth);
        break;
      case 'choice':
        particle(ctx, ctx.rng.pick(p.items), out, depth);
        break;
    }
  }
}

function textValue(ctx: Context, decl: ElementDecl, type: SimpleType): string {
  const given = ctx.overrides(decl);
  if (given !== undefined) return given;
  if (decl.fixed !== undefined) return ctx.rng.chance(0.3) ? '' : decl.fixed;
  if (decl.default !== undefined && ctx.rng.chance(0.25)) return '';
  return valueOf(ctx.rng, type);
}

/** True when a particle holds only wildcards: the content is open, and the library keeps it as XML. */
function openOnly(p: Particle): boolean {
  return p.kind === 'any' || (p.kind !== 'element' && p.items.length > 0 && p.items.every(openOnly));
}

function complexElement(ctx: Context, decl: ElementDecl, type: ComplexType, repeated: boolean, depth: number): GenElement {
  const base = { namespace: decl.namespace, name: decl.name, attributes: [...attributes(ctx, type), ...xsiType(ctx, decl)], repeated };
  if (type.content.kind === 'simple') {
    const shape = type.attributes.length > 0 ? 'text-with-attributes' : 'text';
    return { ...base, content: [textValue(ctx, decl, type.content.type)], layout: 'text', shape };
  }
  const children: GenElement[] = [];
  if (type.content.particle) particle(ctx, type.content.particle, children, depth);
  const open = type.content.particle !== undefined && openOnly(type.content.particle);
  // Open content is kept as XML: the whole element when its attributes are open too (anyType), else its content.
  const shape = open ? (type.anyAttribute ? 'xml-element' : 'xml-content') : 'node';
  if (!type.content.mixed) return { ...base, content: children, layout: 'elements', shape };
  const content: (GenElement | string)[] = [mixedText(ctx)];
  for (const child of children) content.push(child, mixedText(ctx));
  return { ...base, content: content.filter((c) => c !== ''), layout: 'mixed', shape };
}

function element(ctx: Context, decl: ElementDecl, repeated: boolean, depth: number): GenElement {
  ctx.budget--;
  const type = decl.type();
  if (type.kind === 'complex') return complexElement(ctx, decl, type, repeated, depth);
  return { namespace: decl.namespace, name: decl.name, attributes: xsiType(ctx, decl), content: [textValue(ctx, decl, type)], layout: 'text', shape: 'text', repeated };
}

/**
 * A random instance of the global element `root`.
 *
 * @param overrides - values for some elements, by declaration
 */
export function generateInstance(rng: Random, root: ElementDecl, overrides: Overrides = () => undefined): GenElement {
  const ctx: Context = {
    rng,
    optionalRate: rng.weighted([[1, 0], [1, 1], [3, 0.5]]),
    bigLeft: rng.chance(0.12),
    budget: 8_000,
    overrides,
  };
  return element(ctx, root, false, 0);
}
