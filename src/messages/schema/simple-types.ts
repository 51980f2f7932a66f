/**
 * Checks a text value against a simple type the way the reference schema validator (libxml2)
 * does: lengths counted in characters after the type's white-space handling, decimals and
 * integers by their lexical form and facets, base64 with its padding bits, dateTime with real
 * calendar days. Each check returns the end of a sentence ("is 61 characters long; ...") or
 * `undefined` when the value is valid.
 */
import type { SimpleType } from '../spec.js';

const WHITESPACE = /[ \t\n\r]+/g;

/** Characters in `value` (code points, so a character outside the BMP counts once). */
export function charLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** The value with white space collapsed: runs of space, tab, CR, LF become one space, ends trimmed. */
export function collapseWhitespace(value: string): string {
  return value.replace(WHITESPACE, ' ').trim();
}

function lengthProblem(value: string, type: { minLength: number; maxLength: number; collapse: boolean }): string | undefined {
  const length = charLength(type.collapse ? collapseWhitespace(value) : value);
  if (type.minLength === type.maxLength && length !== type.minLength) return `has ${length} characters; it must have exactly ${type.minLength}`;
  if (length < type.minLength) return `has ${length} characters; it needs at least ${type.minLength}`;
  if (length > type.maxLength) return `has ${length} characters; it takes at most ${type.maxLength}`;
  return undefined;
}

// Significant digits the validator reads after leading zeros; more make the value unreadable.
const DECIMAL_DIGITS_READ = 24;

function decimalProblem(value: string, totalDigits: number, fractionDigits: number): string | undefined {
  const match = /^[ \t\n\r]*[+-]?0*(\d*)(?:\.(\d*))?[ \t\n\r]*$/.exec(value);
  const bare = value.trim();
  const integer = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  const digits = /\d/.test(bare);
  if (!match || !digits || integer.length + fraction.length > DECIMAL_DIGITS_READ || (integer.length === DECIMAL_DIGITS_READ && bare.includes('.'))) {
    return 'is not a decimal number such as 120.50';
  }
  const significantFraction = fraction.replace(/0+$/, '').length;
  if (significantFraction > fractionDigits) return `has ${significantFraction} digits after the point; at most ${fractionDigits} are allowed`;
  if (integer.length + significantFraction > totalDigits) return `has ${integer.length + significantFraction} digits; at most ${totalDigits} are allowed`;
  return undefined;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function intProblem(value: string, totalDigits: number | undefined): string | undefined {
  const match = /^([+-]?)0*(\d*)$/.exec(value);
  if (!match || !/\d/.test(value)) return 'is not a whole number such as 1 (no spaces, no decimal point)';
  const digits = match[2] ?? '';
  const number = Number(`${match[1]}${digits === '' ? '0' : digits}`);
  if (digits.length > 10 || number < INT_MIN || number > INT_MAX) return `is outside the range of a 32-bit integer (${INT_MIN} to ${INT_MAX})`;
  const count = Math.max(digits.length, 1);
  if (totalDigits !== undefined && count > totalDigits) return `has ${count} digits; at most ${totalDigits} are allowed`;
  return undefined;
}

function integerProblem(value: string): string | undefined {
  return /^[+-]?\d+$/.test(value) ? undefined : 'is not a whole number';
}

const BASE64_CHAR = /^[A-Za-z0-9+/]*$/;

function base64Problem(value: string): string | undefined {
  const compact = value.replace(WHITESPACE, '');
  const body = compact.replace(/={1,2}$/, '');
  const padding = compact.length - body.length;
  const problem = 'is not base64 text (groups of 4 characters from A-Z, a-z, 0-9, + and /, padded with =)';
  if (compact.length % 4 !== 0 || !BASE64_CHAR.test(body)) return problem;
  const last = body[body.length - 1];
  if (padding === 0 || last === undefined) return undefined;
  const bits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(last);
  return (padding === 2 ? bits & 0b1111 : bits & 0b11) === 0 ? undefined : problem;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DATE = '(-?(?:[1-9]\\d{4,}|\\d{4}))-(\\d{2})-(\\d{2})';
const ZONE = '(Z|[+-](\\d{2}):(\\d{2}))?';
const DATE_TIME = new RegExp(`^${DATE}T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?${ZONE}$`);
const DATE_ONLY = new RegExp(`^${DATE}${ZONE}$`);

function calendarProblem(year: number, month: number, day: number, zoneHour: string | undefined, zoneMinute: string | undefined): boolean {
  const badZone = zoneHour !== undefined && (Number(zoneHour) > 14 || Number(zoneMinute) > 59 || (Number(zoneHour) === 14 && Number(zoneMinute) !== 0));
  return year === 0 || month < 1 || month > 12 || day < 1 || day > daysIn(Math.abs(year), month) || badZone;
}

function dateTimeProblem(value: string): string | undefined {
  const m = DATE_TIME.exec(value);
  const problem = 'is not a date and time such as 2019-03-15T10:00:00 (optionally with a fraction of a second and a zone)';
  if (!m) return problem;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  const midnight = hour === 24 && minute === 0 && second === 0 && !/[1-9]/.test(m[7] ?? '');
  if ((hour > 23 && !midnight) || minute > 59 || second > 59) return problem;
  return calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]), m[9], m[10]) ? problem : undefined;
}

function dateProblem(value: string): string | undefined {
  const m = DATE_ONLY.exec(value);
  const problem = 'is not a date such as 2019-03-15';
  return !m || calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]), m[5], m[6]) ? problem : undefined;
}

const NC_NAME = /^[\p{L}_][\p{L}\p{N}\p{M}._\-\u00b7\u203f\u2040]*$/u;

/**
 * What is wrong with `value` as an instance of `type`, or `undefined` when it is valid.
 *
 * @example
 * ```ts
 * simpleTypeProblem('12.345678', { base: 'decimal', totalDigits: 19, fractionDigits: 5 });
 * // 'has 6 digits after the point; at most 5 are allowed'
 * ```
 */
export function simpleTypeProblem(value: string, type: SimpleType): string | undefined {
  switch (type.base) {
    case 'string':
      return lengthProblem(value, type);
    case 'decimal':
      return decimalProblem(value, type.totalDigits, type.fractionDigits);
    case 'int':
      return intProblem(value, type.totalDigits);
    case 'integer':
      return integerProblem(value);
    case 'base64Binary':
      return base64Problem(value);
    case 'dateTime':
      return dateTimeProblem(value);
    case 'date':
      return dateProblem(value);
    case 'ID':
      return NC_NAME.test(value) ? undefined : 'is not an XML name (letters, digits, _ - . and no colon, starting with a letter or _)';
    case 'anyURI':
      return undefined;
  }
}
