/**
 * Identifier formats of the CEB specification (docs/domain.md §2.3), with checks and makers.
 *
 * - guid: 36 characters, upper case, UUID layout
 * - preNo: `B` + 8-digit date + 9-digit serial
 * - invtNo: 4-character customs district + 4-digit year + `I`/`E` + 9-digit serial
 * - orderNo: at most 60 characters
 * - logisticsNo: must not repeat within 6 months for the same carrier (enforced by the simulator)
 */
import type { IeFlag } from './model.js';

/** A CEB guid: 36 characters, upper-case hex, 8-4-4-4-12. */
export const GUID_PATTERN = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
/** An inventory-list number: district (4) + year (4) + `I`/`E` + 9-digit serial. */
export const INVT_NO_PATTERN = /^[0-9A-Z]{4}\d{4}[IE]\d{9}$/;
const PRE_NO = /^B\d{8}\d{9}$/;
const ORDER_NO = /^[\x21-\x7e]{1,60}$/;

/** True for a CEB message guid: 36 characters, upper-case hex in the UUID layout. */
export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}

/** True for a pre-entry number: `B` + YYYYMMDD + 9-digit serial. */
export function isPreNo(value: string): boolean {
  return PRE_NO.test(value);
}

/** True for an inventory-list number: district (4) + year (4) + `I`/`E` + 9-digit serial. */
export function isInvtNo(value: string): boolean {
  return INVT_NO_PATTERN.test(value);
}

/** True for an order number: 1 to 60 printable ASCII characters without spaces. */
export function isOrderNo(value: string): boolean {
  return ORDER_NO.test(value);
}

/**
 * Formats a guid from 128 random bits given as four 32-bit integers (from the seeded generator),
 * in the UUID version-4 layout, upper case.
 */
export function formatGuid(words: readonly [number, number, number, number]): string {
  const hex = words.map((w) => (w >>> 0).toString(16).padStart(8, '0').toUpperCase()).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function serial9(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > 999_999_999) {
    throw new RangeError(`serial ${serial} must be an integer from 0 to 999999999`);
  }
  return String(serial).padStart(9, '0');
}

/**
 * A pre-entry number for a declaration on `yyyymmdd` (Asia/Shanghai date).
 *
 * @example
 * ```ts
 * formatPreNo('20190315', 42); // 'B20190315000000042'
 * ```
 */
export function formatPreNo(yyyymmdd: string, serial: number): string {
  return `B${yyyymmdd}${serial9(serial)}`;
}

/**
 * An inventory-list number.
 *
 * @example
 * ```ts
 * formatInvtNo('5141', 2019, 'I', 7); // '51412019I000000007'
 * ```
 */
export function formatInvtNo(customsCode: string, year: number, ieFlag: IeFlag, serial: number): string {
  return `${customsCode}${year}${ieFlag}${serial9(serial)}`;
}
