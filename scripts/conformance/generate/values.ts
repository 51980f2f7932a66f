/**
 * Values of simple types, varied in everything the type allows: lengths at their limits,
 * characters from several scripts (astral ones included), XML's special characters, white space
 * where the type keeps it and padding where it collapses it, numbers with signs, leading and
 * trailing zeros and no digit before the point, dates with fractions and zones, base64 wrapped
 * over lines. A value is the text as the element holds it, before any escaping.
 */
import fc from 'fast-check';
import type { Facets, SimpleType } from '../xsd/model.js';
import type { Random } from './random.js';

const ASCII = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PUNCTUATION = [...'&<>"\'-_./:;()[]{}#%+=*!?@,~^`|\\$]'];
const OTHER = ['é', 'ß', 'Ω', 'Ж', '€', '·', '—', '①', '\u00a0', '\u2028', '\u0085', '\ufeff', '𠀀', '😀', '𝒳'];
const FULLWIDTH = [...'，。（）：；“”、'];
const WHITESPACE = [' ', '\t', '\n', '\r'];

function cjk(rng: Random): string {
  return String.fromCodePoint(rng.int(0x4e00, 0x9fa5));
}

/** One character that is not XML white space: ASCII letters and digits 6 times in 14, ideographs 4, punctuation 2, full-width 1, others 1. */
function visible(rng: Random): string {
  const at = rng.float() * 14;
  if (at < 6) return ASCII[Math.floor(rng.float() * ASCII.length)]!;
  if (at < 10) return cjk(rng);
  if (at < 12) return rng.pick(PUNCTUATION);
  return at < 13 ? rng.pick(FULLWIDTH) : rng.pick(OTHER);
}

function anyChar(rng: Random, spaceRate: number): string {
  return rng.chance(spaceRate) ? rng.pick(WHITESPACE) : visible(rng);
}

/** `length` characters (code points), white space included at `spaceRate`. */
function chars(rng: Random, length: number, spaceRate: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += anyChar(rng, spaceRate);
  return out;
}

/** A run of white space, `min` characters or more. */
function space(rng: Random, min: number): string {
  let out = '';
  const n = rng.int(min, min + 3);
  for (let i = 0; i < n; i++) out += rng.pick(WHITESPACE);
  return out;
}

/** A value whose collapsed form has `length` characters, padded and spread with white space. */
function collapsing(rng: Random, length: number, decorate: boolean): string {
  if (length === 0) return decorate && rng.chance(0.5) ? space(rng, 1) : '';
  let out = '';
  for (let i = 0; i < length; i++) {
    const between = i > 0 && i < length - 1 && rng.chance(0.15) ? ' ' : undefined;
    out += between ?? visible(rng);
  }
  if (!decorate) return out;
  out = out.replace(/ /g, () => space(rng, 1));
  return `${rng.chance(0.4) ? space(rng, 1) : ''}${out}${rng.chance(0.4) ? space(rng, 1) : ''}`;
}

function lengthRange(f: Facets): [number, number] {
  if (f.length !== undefined) return [f.length, f.length];
  const min = f.minLength ?? 0;
  const max = f.maxLength ?? min + 40;
  return [min, max];
}

/**
 * Padding a collapsing type allows around its value. libxml2 refuses it around xs:int and
 * date-time values (while the XML Schema recommendation allows it), so those get it rarely: the
 * few that xmllint rejects are left out of the check like any other instance it rejects.
 */
function padded(rng: Random, value: string, rate = 0.25): string {
  return rng.chance(rate) ? `${space(rng, 1)}${value}${space(rng, 0)}` : value;
}

const RARELY = 0.02;

/** A string matching every derivation step's patterns (XSD patterns are anchored), at a length the facets allow. */
function patterned(rng: Random, f: Facets, steps: readonly (readonly string[])[]): string {
  const regexes = steps.map((alternatives) => alternatives.map((p) => new RegExp(`^(?:${p})$`, 'u')));
  const [min, max] = lengthRange(f);
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = fc.sample(fc.stringMatching(rng.pick(regexes.at(-1)!)), { seed: rng.seed(), numRuns: 1 })[0]!;
    const length = [...candidate].length;
    if (length >= min && length <= (f.maxLength ?? Number.POSITIVE_INFINITY) && regexes.every((step) => step.some((r) => r.test(candidate)))) return candidate;
    if (max < min) break;
  }
  throw new Error(`the instance generator found no value for the patterns ${JSON.stringify(steps)} within the length facets`);
}

function stringValue(rng: Random, type: SimpleType): string {
  const f = type.facets;
  if (f.patterns) return patterned(rng, f, f.patterns);
  const [min, max] = lengthRange(f);
  const length = rng.length(min, max);
  if (f.whiteSpace === 'collapse') return collapsing(rng, length, true);
  return chars(rng, length, rng.pick([0, 0.05, 0.3]));
}

function digits(rng: Random, n: number, leadingNonZero: boolean): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(i === 0 && leadingNonZero ? rng.int(1, 9) : rng.int(0, 9));
  return out;
}

function decimalValue(rng: Random, f: Facets): string {
  const total = f.totalDigits ?? 18;
  const fractionMax = Math.min(f.fractionDigits ?? 6, total);
  const fraction = rng.length(0, fractionMax);
  const integer = rng.length(0, total - fraction);
  const sign = rng.weighted([[6, ''], [1, '+'], [2, '-']]);
  const zeros = rng.chance(0.2) ? '0'.repeat(rng.int(1, 4)) : '';
  let intPart = digits(rng, integer, true);
  let fracPart = fraction > 0 ? `${digits(rng, fraction - 1, false)}${rng.int(1, 9)}` : '';
  if (fraction > 0 && rng.chance(0.15)) fracPart += '0'.repeat(rng.int(1, 3));
  if (intPart === '' && (fracPart === '' || rng.chance(0.5))) intPart = '0';
  const point = fracPart !== '' ? '.' : rng.chance(0.1) ? '.' : '';
  if (intPart === '0' && point === '.' && fracPart !== '' && rng.chance(0.3)) intPart = '';
  return padded(rng, `${sign}${zeros}${intPart}${point}${fracPart}`);
}

const INT_RANGE: Readonly<Record<string, [bigint, bigint]>> = {
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  nonNegativeInteger: [0n, 10n ** 30n],
  positiveInteger: [1n, 10n ** 30n],
  integer: [-(10n ** 30n), 10n ** 30n],
};

function integerValue(rng: Random, base: string, f: Facets): string {
  const [low, high] = INT_RANGE[base]!;
  const most = BigInt(`1${'0'.repeat(f.totalDigits ?? 40)}`) - 1n;
  const [min, max] = [low < -most ? -most : low, high > most ? most : high];
  const n = rng.weighted<() => bigint>([
    [1, () => min],
    [1, () => max],
    [1, () => 0n],
    [6, () => {
      const span = max - min;
      const width = rng.int(1, span.toString().length);
      return min + (BigInt(digits(rng, width, false)) % (span + 1n));
    }],
  ])();
  const text = n < 0n ? `-${zerosBefore(rng)}${-n}` : `${rng.chance(0.15) ? '+' : ''}${zerosBefore(rng)}${n}`;
  return padded(rng, text, base === 'integer' ? 0.25 : RARELY);
}

function zerosBefore(rng: Random): string {
  return rng.chance(0.15) ? '0'.repeat(rng.int(1, 3)) : '';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dateText(rng: Random): string {
  const year = rng.weighted<() => number>([[8, () => rng.int(1990, 2035)], [1, () => rng.int(1, 9999)], [1, () => rng.pick([2000, 2020, 2024, 1900])]])();
  const month = rng.int(1, 12);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${pad(year, 4)}-${pad(month)}-${pad(rng.chance(0.2) ? days : rng.int(1, days))}`;
}

function zone(rng: Random): string {
  return rng.weighted([[4, ''], [2, 'Z'], [2, '+08:00'], [1, `-${pad(rng.int(0, 13))}:${rng.pick(['00', '30', '45'])}`], [1, '+14:00']]);
}

function timeText(rng: Random): string {
  if (rng.chance(0.05)) return '24:00:00';
  const fraction = rng.chance(0.25) ? `.${digits(rng, rng.int(1, 6), false)}` : '';
  return `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}${fraction}`;
}

function base64Value(rng: Random): string {
  const bytes = Buffer.alloc(rng.weighted([[1, 0], [6, rng.int(1, 48)], [1, rng.int(49, 300)]]));
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
  const text = bytes.toString('base64');
  if (rng.chance(0.3)) return (text.match(/.{1,76}/g) ?? ['']).join(rng.pick(['\n', '\r\n', ' ']));
  return padded(rng, text);
}

let idCounter = 0;

function nameValue(rng: Random, unique: boolean): string {
  const start = rng.pick(['_', 'a', 'Z', '中', 'id']);
  const rest = chars(rng, rng.int(0, 8), 0).replace(/[^\p{L}\p{N}._-]/gu, '');
  return unique ? `${start}${rest}.${++idCounter}` : `${start}${rest}`;
}

function uriValue(rng: Random): string {
  return padded(rng, rng.pick(['http://www.w3.org/2000/09/xmldsig#sm2-sm3', 'urn:x-gen:a', '', '#ref', 'a/b?c=d#e', 'http://例子.中国/路径', `http://example.com/${nameValue(rng, false)}`]));
}

/**
 * A value of `type`.
 *
 * @example
 * ```ts
 * valueOf(rng, { kind: 'simple', base: 'decimal', facets: { totalDigits: 19, fractionDigits: 5 } }); // '-0012.50'
 * ```
 */
export function valueOf(rng: Random, type: SimpleType): string {
  const f = type.facets;
  if (f.enumeration) return f.whiteSpace === 'collapse' ? padded(rng, rng.pick(f.enumeration)) : rng.pick(f.enumeration);
  switch (type.base) {
    case 'string':
    case 'normalizedString':
    case 'token':
    case 'anySimpleType':
      return stringValue(rng, type);
    case 'decimal':
      return decimalValue(rng, f);
    case 'integer':
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
    case 'nonNegativeInteger':
    case 'positiveInteger':
      return integerValue(rng, type.base, f);
    case 'boolean':
      return padded(rng, rng.pick(['true', 'false', '1', '0']));
    case 'date':
      return padded(rng, `${dateText(rng)}${zone(rng)}`, RARELY);
    case 'dateTime':
      return padded(rng, `${dateText(rng)}T${timeText(rng)}${zone(rng)}`, RARELY);
    case 'time':
      return padded(rng, `${timeText(rng)}${zone(rng)}`, RARELY);
    case 'base64Binary':
      return base64Value(rng);
    case 'hexBinary':
      return padded(rng, Buffer.from(chars(rng, rng.int(0, 20), 0)).toString('hex'));
    case 'anyURI':
      return uriValue(rng);
    case 'ID':
      return padded(rng, nameValue(rng, true));
    case 'NCName':
    case 'Name':
      return padded(rng, nameValue(rng, false));
  }
}
