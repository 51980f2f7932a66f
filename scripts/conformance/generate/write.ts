/**
 * Writes a generated element tree as a file, in one of many styles that mean the same XML: the
 * message namespace under `ceb:`, another prefix, the default namespace or several of them, with
 * declarations on the root or on the way; attributes in any order and quote; white space,
 * comments and processing instructions between elements; text split into plain runs, CDATA
 * sections and character references with comments between; empty elements in both forms;
 * `xsi:` attributes; an XML declaration or none; any of the encodings of ./encode.ts.
 */
import { encodable, encode, type Encoding } from './encode.js';
import type { GenAttribute, GenElement } from './instance.js';
import type { Random } from './random.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XML = 'http://www.w3.org/XML/1998/namespace';

interface Style {
  readonly rng: Random;
  readonly encoding: Encoding;
  /** The prefix each namespace is declared with when it needs a declaration (`''`: the default namespace). */
  readonly prefixes: Map<string, string>;
  /** Chance that an element declares its namespace again instead of using a binding in scope. */
  readonly redeclare: number;
  readonly indent: string;
  readonly newline: string;
  readonly commentRate: number;
  readonly splitRate: number;
  readonly quote: '"' | "'";
}

/** How a file was written, for reports. */
export interface Written {
  readonly bytes: Uint8Array;
  readonly encoding: Encoding;
  readonly description: string;
}

const PREFIX_CHOICES = ['ceb', 'n0', 'x', 'ns2', 'CEB', 'a.b', 'p-1', '中'];

function chooseStyle(rng: Random, mainNamespace: string): Style {
  const encoding = rng.weighted<Encoding>([[5, 'UTF-8'], [1, 'utf-8'], [2, 'GBK'], [1, 'gb2312'], [1, 'GB18030'], [1, 'UTF-16LE'], [1, 'UTF-16BE']]);
  const unicode = !/^gb/i.test(encoding);
  const main = rng.weighted([[4, 'ceb'], [3, ''], [3, rng.pick(PREFIX_CHOICES.filter((p) => unicode || /^[\x20-\x7e]+$/.test(p)))]]);
  return {
    rng,
    encoding,
    prefixes: new Map([
      [mainNamespace, main],
      ['http://www.w3.org/2001/XMLSchema', rng.pick(['xs', 'xsd'])],
      ['http://www.w3.org/2000/09/xmldsig#', rng.pick(['ds', '', 'sig'])],
      [XSI, rng.pick(['xsi', 'i'])],
    ]),
    redeclare: rng.pick([0, 0, 0.05, 0.3]),
    indent: rng.pick(['', '  ', '\t']),
    newline: rng.pick(['\n', '\n', '\r\n', '']),
    commentRate: rng.pick([0, 0, 0.05, 0.2]),
    splitRate: rng.pick([0, 0.1, 0.4]),
    quote: rng.pick(['"', '"', "'"]),
  };
}

function charRef(char: string, rng: Random): string {
  const cp = char.codePointAt(0)!;
  return rng.chance(0.5) ? `&#x${cp.toString(16).toUpperCase()};` : `&#${cp};`;
}

/** One character of text or an attribute value, escaped as it must be (or, at random, as it may be). */
function escapeChar(char: string, style: Style, inAttribute: boolean): string {
  const { rng } = style;
  if (char === '&') return rng.pick(['&amp;', '&#38;']);
  if (char === '<') return rng.pick(['&lt;', '&#60;']);
  if (char === '>') return rng.pick(['&gt;', '>', '&#x3E;']);
  // The parser reads a line break written CR LF as LF, and a literal white space character in an
  // attribute as a space. (A CR alone is a line break too, but one before a literal LF would join it.)
  if (!inAttribute && char === '\n' && rng.chance(0.2)) return '\r\n';
  if (inAttribute && char === ' ' && rng.chance(0.1)) return rng.pick(['\t', '\n', '\r\n']);
  if (char === '\r' || (inAttribute && (char === '\t' || char === '\n'))) return charRef(char, rng);
  if (inAttribute && char === style.quote) return char === '"' ? '&quot;' : '&apos;';
  if (!inAttribute && (char === "'" || char === '"') && rng.chance(0.1)) return char === '"' ? '&quot;' : '&apos;';
  if (!encodable(char, style.encoding) || rng.chance(0.02)) return charRef(char, rng);
  return char;
}

function escaped(text: string, style: Style, inAttribute: boolean): string {
  let out = '';
  for (const char of text) out += escapeChar(char, style, inAttribute);
  // '>' may stay as it is, except after ']]'.
  return out.replace(/\]\]>/g, ']]&gt;');
}

function cdataAllowed(text: string, style: Style): boolean {
  return !text.includes(']]>') && !text.includes('\r') && [...text].every((c) => encodable(c, style.encoding));
}

function comment(style: Style): string {
  return style.rng.weighted([
    [3, `<!--${style.rng.pick([' note ', '', '注释', ' <ceb:orderNo>not an element</ceb:orderNo> ', ' a-b '])}-->`],
    [1, `<?gen-pi ${style.rng.pick(['data', '', 'a="1"', '中文'])}?>`],
  ]);
}

/** Text split into runs, each plain, CDATA or referenced, with comments between at times. */
function writeText(text: string, style: Style): string {
  const chars = [...text];
  const cuts = chars.length === 0 ? [] : [...new Set(Array.from({ length: style.rng.chance(style.splitRate) ? style.rng.int(1, 3) : 0 }, () => style.rng.int(0, chars.length)))].sort((a, b) => a - b);
  const runs: string[] = [];
  let from = 0;
  for (const cut of [...cuts, chars.length]) {
    runs.push(chars.slice(from, cut).join(''));
    from = cut;
  }
  return runs
    .map((run, i) => {
      const between = i > 0 && style.rng.chance(0.5) ? comment(style) : '';
      const cdata = run !== '' && style.rng.chance(style.splitRate) && cdataAllowed(run, style);
      return `${between}${cdata ? `<![CDATA[${run}]]>` : escaped(run, style, false)}`;
    })
    .join('');
}

type Scope = ReadonlyMap<string, string>;

class Writer {
  private generated = 0;

  constructor(private readonly style: Style) {}

  private declare(namespace: string, wanted: string | undefined, scope: Map<string, string>, decls: [string, string][], forAttribute: boolean): string {
    let prefix = wanted ?? this.style.prefixes.get(namespace) ?? `g${++this.generated}`;
    if (forAttribute && prefix === '') prefix = `g${++this.generated}`;
    scope.set(prefix, namespace);
    decls.push([prefix === '' ? 'xmlns' : `xmlns:${prefix}`, namespace]);
    return prefix;
  }

  /** A prefix bound to `namespace` (declared here when none is in scope, or at random). */
  private prefixFor(namespace: string, scope: Map<string, string>, decls: [string, string][], forAttribute: boolean): string {
    const bound = [...scope].filter(([p, ns]) => ns === namespace && !(forAttribute && p === '')).map(([p]) => p);
    // The XML namespace is bound to xml: and to no other prefix.
    if (namespace === XML) return 'xml';
    // A prefix may only be used when no nearer declaration hides it: the scope map holds the nearest.
    const preferred = this.style.prefixes.get(namespace);
    if (bound.length > 0 && !this.style.rng.chance(this.style.redeclare)) return bound.includes(preferred ?? '\u0000') ? preferred! : this.style.rng.pick(bound);
    return this.declare(namespace, bound.length > 0 ? this.style.rng.pick([...PREFIX_CHOICES.filter((p) => !scope.has(p) && /^[a-z]/.test(p)), '']) : undefined, scope, decls, forAttribute);
  }

  private elementName(el: GenElement, scope: Map<string, string>, decls: [string, string][]): string {
    if (el.namespace === '') {
      if ((scope.get('') ?? '') !== '') {
        scope.set('', '');
        decls.push(['xmlns', '']);
      }
      return el.name;
    }
    const prefix = this.prefixFor(el.namespace, scope, decls, false);
    return prefix === '' ? el.name : `${prefix}:${el.name}`;
  }

  /** The value, a QName value given a prefix bound to its namespace (or none when it is the default one). */
  private attributeValue(a: GenAttribute, scope: Map<string, string>, decls: [string, string][]): string {
    if (a.qnameNamespace === undefined) return a.value;
    // Declaring a default namespace here could move the element itself: a prefix it is.
    return `${this.prefixFor(a.qnameNamespace, scope, decls, true)}:${a.value}`;
  }

  private attributeName(a: GenAttribute, scope: Map<string, string>, decls: [string, string][]): string {
    return a.namespace === '' ? a.name : `${this.prefixFor(a.namespace, scope, decls, true)}:${a.name}`;
  }

  /** What goes between elements: white space (at times as character references), comments, PIs. */
  private between(depth: number): string {
    const { rng, newline, indent, commentRate } = this.style;
    const pad = rng.chance(0.02) ? rng.pick(['&#32;', '&#x9;', '&#10;']) : `${newline}${indent.repeat(depth)}`;
    return rng.chance(commentRate) ? `${pad}${comment(this.style)}${pad}` : pad;
  }

  write(el: GenElement, parentScope: Scope, depth: number, extra: readonly GenAttribute[] = []): string {
    const scope = new Map(parentScope);
    const decls: [string, string][] = [];
    const qname = this.elementName(el, scope, decls);
    const attributes = [...el.attributes, ...extra].map((a) => [this.attributeName(a, scope, decls), this.attributeValue(a, scope, decls)] as const);
    const { rng, quote } = this.style;
    if (rng.chance(0.02)) decls.push([`xmlns:unused${++this.generated}`, 'urn:x-gen:unused']);
    const all = [...decls.map(([k, v]) => [k, v] as const), ...attributes];
    if (rng.chance(0.3)) all.reverse();
    const open = `<${qname}${all.map(([k, v]) => ` ${k}${rng.chance(0.1) ? ' = ' : '='}${quote}${escaped(v, this.style, true)}${quote}`).join('')}`;
    const body = this.body(el, scope, depth);
    if (body === '') return rng.chance(0.5) ? `${open}/>` : `${open}></${qname}>`;
    return `${open}>${body}</${qname}>`;
  }

  private body(el: GenElement, scope: Scope, depth: number): string {
    if (el.layout !== 'elements') {
      const text = el.content.map((c) => (typeof c === 'string' ? writeText(c, this.style) : this.write(c, scope, depth + 1))).join('');
      return text === '' && this.style.rng.chance(this.style.commentRate) ? comment(this.style) : text;
    }
    if (el.content.length === 0) return '';
    const children = el.content.map((c) => `${this.between(depth + 1)}${this.write(c as GenElement, scope, depth + 1)}`).join('');
    return `${children}${this.between(depth)}`;
  }
}

function declaration(style: Style): string {
  const { rng, encoding } = style;
  const q = rng.pick(['"', "'"]);
  const label = encoding.startsWith('UTF-16') ? rng.pick(['UTF-16', 'utf-16']) : encoding;
  const named = encoding.startsWith('UTF-8') || encoding === 'utf-8' ? rng.chance(0.7) : true;
  const standalone = rng.chance(0.15) ? ` standalone=${q}${rng.pick(['yes', 'no'])}${q}` : '';
  return `<?xml version=${q}1.0${q}${named ? ` encoding=${q}${label}${q}` : ''}${standalone}?>`;
}

/**
 * `root` written as a file in a random style.
 *
 * @param rootNamespace - the namespace of the root (the CEB or DXP namespace), whose prefix the style chooses
 */
export function writeInstance(rng: Random, root: GenElement, rootNamespace: string): Written {
  const style = chooseStyle(rng, rootNamespace);
  const writer = new Writer(style);
  const extra: GenAttribute[] = [];
  if (rng.chance(0.2)) extra.push({ namespace: XSI, name: 'schemaLocation', value: `${rootNamespace} ${root.name}.xsd` });
  if (rng.chance(0.05)) extra.push({ namespace: XSI, name: 'noNamespaceSchemaLocation', value: 'message.xsd' });
  const body = writer.write(root, new Map([['xml', XML]]), 0, extra);
  const utf8Plain = style.encoding.toUpperCase() === 'UTF-8';
  // Without a declaration a file is UTF-8, or UTF-16 by its byte-order mark.
  const head = (utf8Plain || style.encoding.startsWith('UTF-16')) && rng.chance(0.15) ? '' : `${declaration(style)}${style.newline || '\n'}`;
  const prolog = rng.chance(style.commentRate) ? `${comment(style)}\n` : '';
  const epilog = rng.pick(['', '\n', `\n${comment(style)}\n`]);
  const text = `${head}${prolog}${body}${epilog}`;
  const bom = style.encoding.startsWith('UTF-16') || (utf8Plain && rng.chance(0.1));
  return {
    bytes: encode(text, style.encoding, bom),
    encoding: style.encoding,
    description: `${style.encoding}${bom ? ' with BOM' : ''}, root prefix '${style.prefixes.get(rootNamespace)}'${style.redeclare > 0 ? ', redeclared prefixes' : ''}${style.splitRate > 0 ? ', split text and CDATA' : ''}${style.commentRate > 0 ? ', comments and PIs' : ''}`,
  };
}
