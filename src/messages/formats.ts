/**
 * Business formats of CEB fields: what a value must look like beyond its schema type (code
 * tables, identifiers, real calendar dates). Each is a pattern, an optional extra check and a
 * hint that completes the sentence "must be ..."; the business check reports the hint, and the
 * test arbitraries generate from the pattern, so a format is written once.
 */
import { countryByCode, currencyByCode } from '../domain/codes/index.js';
import { GUID_PATTERN } from '../domain/identifiers.js';

/** A text format: what a field's value must look like at the business level. */
export interface Format {
  readonly pattern: RegExp;
  /** A check beyond the pattern (a real date, a known code); the value passed the pattern. */
  readonly check?: (value: string) => boolean;
  /** Completes "must be ...", e.g. `'14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000'`. */
  readonly hint: string;
}

function format(pattern: RegExp, hint: string, check?: (value: string) => boolean): Format {
  return check ? { pattern, hint, check } : { pattern, hint };
}

/** A format that accepts exactly the listed codes. */
export function oneOf(...codes: readonly string[]): Format {
  return format(new RegExp(`^(?:${codes.join('|')})$`), `one of ${codes.map((c) => `'${c}'`).join(', ')}`);
}

/** True when `yyyymmdd…` starts with a real calendar date and, when longer, a real time of day. */
export function isRealInstant(value: string): boolean {
  const [year, month, day] = [Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8))];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate = year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!realDate || value.length === 8) return realDate;
  const [hour, minute, second] = [Number(value.slice(8, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14))];
  return hour < 24 && minute < 60 && second < 60;
}

/** Message and record guid as the real system issues it: upper-case hex UUID, 8-4-4-4-12. */
export const GUID = format(GUID_PATTERN, '36 characters of upper-case hex in the layout 8-4-4-4-12, e.g. 4CDE1CFD-EDED-46B1-946C-B8022E42FC94');

/** appTime and other instants: `YYYYMMDDhhmmss`, Beijing time, a real date and time. */
export const TIME14 = format(/^\d{14}$/, 'a real date and time as 14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000', isRealInstant);

/** returnTime: `YYYYMMDDhhmmssSSS`, a real date and time with milliseconds. */
export const TIME17 = format(/^\d{17}$/, 'a real date and time as 17 digits YYYYMMDDhhmmssSSS (Beijing time), e.g. 20190315100000123', isRealInstant);

/** A real calendar date `YYYYMMDD`. */
export const DATE8 = format(/^\d{8}$/, 'a real date as 8 digits YYYYMMDD, e.g. 20190315', isRealInstant);

/** Company code: 10-character customs registration code or 18-character unified social credit code. */
export const COMPANY = format(
  /^[0-9A-Z]{10}(?:[0-9A-Z]{8})?$/,
  'a 10-character customs registration code (e.g. 4401960XXA) or an 18-character unified social credit code, upper case',
);

/** A manufacturer (ownerCode): a company code, or `NO` when it is not registered. */
export const OWNER = format(/^(?:NO|[0-9A-Z]{10}(?:[0-9A-Z]{8})?)$/, `${COMPANY.hint}, or NO when the manufacturer is not registered`);

/** Customs district or port code (JGS/T 18): 4 characters. */
export const CUSTOMS = format(/^[0-9A-Z]{4}$/, 'a 4-character customs code, e.g. 5141');

/** Currency: a 3-digit customs code of a known currency. */
export const CURRENCY = format(/^\d{3}$/, 'a known 3-digit customs currency code, e.g. 142 (CNY) or 502 (USD)', (v) => currencyByCode(v) !== undefined);

/** Country or region: a 3-digit customs code of a known country. */
export const COUNTRY = format(/^\d{3}$/, 'a known 3-digit customs country code, e.g. 142 (China) or 116 (Japan)', (v) => countryByCode(v) !== undefined);

/** Unit of measure: a 3-digit customs code (JGS-20), e.g. 035 kg. */
export const UNIT = format(/^\d{3}$/, 'a 3-digit customs unit code, e.g. 035 (kg) or 142 (piece)');

/** A 10-digit HS code. */
export const HS10 = format(/^\d{10}$/, 'a 10-digit HS code, e.g. 3304990099');

/** Pre-entry number: a letter (B, P, R, T …) and 17 digits. */
export const PRE_NO = format(/^[A-Z]\d{17}$/, 'a letter and 17 digits, e.g. B20190315000000042');

/** Inventory-list number: district (4) + year (4) + I or E + serial. */
export const INVT_NO = format(/^[0-9A-Z]{4}\d{4}[IE]\d{9,11}$/, 'district (4) + year (4) + I or E + 9 to 11 digits, e.g. 51412019I000000007');

/** Receipt status: a whole number, negative for processing exceptions. */
export const RETURN_STATUS = format(/^-?\d{1,9}$/, 'a status code such as 2, 120 or 800 (negative for processing exceptions)');

/** A positive count or line number. */
export const POSITIVE = format(/^[1-9]\d*$/, 'a whole number from 1, without sign or leading zeros');

/** Administrative-division code of an address: 6 digits. */
export const DISTRICT = format(/^\d{6}$/, 'a 6-digit administrative-division code, e.g. 440106');

/** appType: 1 new, 2 change, 3 delete. */
export const APP_TYPE = oneOf('1', '2', '3');
/** appStatus: 1 saved, 2 declared (a Signature is then required). */
export const APP_STATUS = oneOf('1', '2');
/** Import or export. */
export const IE_FLAG = oneOf('I', 'E');
/** Buyer or payer ID type: 1 resident ID card, 2 other. */
export const ID_TYPE = oneOf('1', '2');
/** Supervision modes of cross-border e-commerce (and 0110 general trade). */
export const TRADE_MODE = oneOf('9610', '1210', '1239', '9710', '9810', '0110');
/** Freight and insurance basis: 1 rate, 2 unit price, 3 total. */
export const CHARGE_BASIS = oneOf('1', '2', '3');
/** Tax-bill status: 1 generated, 2 summarised, 3 void. */
export const TAX_STATUS = oneOf('1', '2', '3');

const BY_NAME: Readonly<Record<string, Format>> = {
  guid: GUID,
  appType: APP_TYPE,
  appStatus: APP_STATUS,
  appTime: TIME14,
  payTime: TIME14,
  logisticsTime: TIME14,
  leaveTime: TIME14,
  accountingDate: TIME14,
  startTime: TIME14,
  endTime: TIME14,
  declTime: DATE8,
  ieDate: DATE8,
  returnTime: TIME17,
  opDate: TIME17,
  ieFlag: IE_FLAG,
  buyerIdType: ID_TYPE,
  payerIdType: ID_TYPE,
  currency: CURRENCY,
  fCurrency: CURRENCY,
  iCurrency: CURRENCY,
  country: COUNTRY,
  tradeCountry: COUNTRY,
  unit: UNIT,
  unit1: UNIT,
  unit2: UNIT,
  customsCode: CUSTOMS,
  portCode: CUSTOMS,
  gcode: HS10,
  ebpCode: COMPANY,
  ebcCode: COMPANY,
  agentCode: COMPANY,
  logisticsCode: COMPANY,
  payCode: COMPANY,
  operatorCode: COMPANY,
  declAgentCode: COMPANY,
  areaCode: COMPANY,
  iacCode: COMPANY,
  ownerCode: OWNER,
  consigneeDistrict: DISTRICT,
  tradeMode: TRADE_MODE,
  statisticsFlag: oneOf('A', 'B'),
  fFlag: CHARGE_BASIS,
  iFlag: CHARGE_BASIS,
  preNo: PRE_NO,
  invtNo: INVT_NO,
  returnStatus: RETURN_STATUS,
  gnum: POSITIVE,
  packNo: POSITIVE,
  msgCount: POSITIVE,
  msgSeqNo: POSITIVE,
};

const BY_PLACE: Readonly<Record<string, Format>> = {
  'CEB311.orderType': oneOf('I'),
  'CEB303.orderType': oneOf('E', 'B', 'W'),
  'TaxHeadRd.status': TAX_STATUS,
  'TaxHeadStatus.status': TAX_STATUS,
};

/**
 * The business format of field `name` in node `parent` of message `type`, or `undefined` for
 * free text.
 *
 * @example
 * ```ts
 * formatOf('CEB311', 'OrderHead', 'appTime')?.hint; // 'a real date and time as 14 digits ...'
 * ```
 */
export function formatOf(type: string, parent: string, name: string): Format | undefined {
  return BY_PLACE[`${type}.${name}`] ?? BY_PLACE[`${parent}.${name}`] ?? (parent === 'BaseSubscribe' ? undefined : BY_NAME[name]);
}
