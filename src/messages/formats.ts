/**
 * Text formats of CEB fields. Each is a pattern plus a hint that completes the sentence
 * "must be ..."; the schema builder reports the hint, and test arbitraries generate from the
 * pattern, so a format is written once.
 */
import { GUID_PATTERN, INVT_NO_PATTERN } from '../domain/identifiers.js';

/** A text format: what a field's value must look like. */
export interface Format {
  readonly pattern: RegExp;
  /** Completes "must be ...", e.g. `'14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000'`. */
  readonly hint: string;
}

function format(pattern: RegExp, hint: string): Format {
  return { pattern, hint };
}

/** A format that accepts exactly the listed codes. */
export function oneOf(...codes: readonly string[]): Format {
  return format(new RegExp(`^(?:${codes.join('|')})$`), `one of ${codes.map((c) => `'${c}'`).join(', ')}`);
}

const DATE = '\\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const CLOCK = '(?:[01]\\d|2[0-3])[0-5]\\d[0-5]\\d';

/** Free text on one line: no control characters, no leading or trailing spaces. */
export const TEXT = format(
  /^[^\s\p{Cc}\p{Cs}\ufffe\uffff](?:[^\p{Cc}\p{Cs}\ufffe\uffff]*[^\s\p{Cc}\p{Cs}\ufffe\uffff])?$/u,
  'text on one line, without control characters or leading and trailing spaces',
);

/** Message and record guid: 36 characters, upper-case hex, 8-4-4-4-12. */
export const GUID = format(
  GUID_PATTERN,
  '36 characters of upper-case hex in the layout 8-4-4-4-12, e.g. 4CDE1CFD-EDED-46B1-946C-B8022E42FC94',
);

/** appTime and other instants: `YYYYMMDDhhmmss`, Beijing time. */
export const TIME14 = format(new RegExp(`^${DATE}${CLOCK}$`), '14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000');

/** returnTime: `YYYYMMDDhhmmss`, often with 3 digits of milliseconds. */
export const RETURN_TIME = format(
  new RegExp(`^${DATE}${CLOCK}(?:\\d{3})?$`),
  '14 or 17 digits YYYYMMDDhhmmss[SSS] (Beijing time), e.g. 20190315100000123',
);

/** A calendar date `YYYYMMDD`. */
export const DATE8 = format(new RegExp(`^${DATE}$`), '8 digits YYYYMMDD, e.g. 20190315');

/** Money and quantities (N19,5): digits, at most 5 decimals, never negative. */
export const DECIMAL = format(/^\d{1,14}(?:\.\d{1,5})?$/, "a decimal such as '120.00' (no sign, at most 14 digits before the point and 5 after)");

/** A count: a whole number without sign. */
export const COUNT = format(/^\d{1,9}$/, 'a whole number such as 1 or 12');

/** Line number gnum: 1 to 9999 without leading zeros. */
export const GNUM = format(/^[1-9]\d{0,3}$/, 'a line number from 1 to 9999');

/** Company code: 10-character customs registration code or 18-character unified social credit code. */
export const COMPANY = format(
  /^[0-9A-Z]{10}(?:[0-9A-Z]{8})?$/,
  'a 10-character customs registration code (e.g. 4401960XXA) or an 18-character unified social credit code, upper case',
);

/** Customs district or port code (JGS/T 18): 4 characters. */
export const CUSTOMS = format(/^[0-9A-Z]{4}$/, 'a 4-character customs code, e.g. 5141');

/** Currency, country and unit codes: 3 digits (JGS-20). */
export const CODE3 = format(/^\d{3}$/, 'a 3-digit customs code, e.g. 142 (CNY / China) or 035 (kg)');

/** A 10-digit HS code. */
export const HS10 = format(/^\d{10}$/, 'a 10-digit HS code, e.g. 3304990099');

/** Pre-entry number: `B` + YYYYMMDD + 9-digit serial. */
export const PRE_NO = format(new RegExp(`^B${DATE}\\d{9}$`), 'B + YYYYMMDD + 9 digits, e.g. B20190315000000042');

/** Inventory-list number: district + year + I/E + 9-digit serial. */
export const INVT_NO = format(INVT_NO_PATTERN, 'district (4) + year (4) + I or E + 9 digits, e.g. 51412019I000000007');

/** Receipt status: a whole number, negative for processing exceptions (docs/domain.md §3). */
export const RETURN_STATUS = format(/^-?\d{1,9}$/, 'a status code such as 2, 120 or 800 (negative for processing exceptions)');

/** appType: 1 new, 2 change, 3 delete. */
export const APP_TYPE = oneOf('1', '2', '3');

/** appStatus: 1 saved, 2 declared (a Signature is then required). */
export const APP_STATUS = oneOf('1', '2');

/** Import or export. */
export const IE_FLAG = oneOf('I', 'E');

/** Buyer / payer ID type: 1 resident ID card, 2 other. */
export const ID_TYPE = oneOf('1', '2');

/** Administrative-division code of an address: 6 digits. */
export const DISTRICT = format(/^\d{6}$/, 'a 6-digit administrative-division code, e.g. 440106');
