/**
 * HS codes (商品编码) as customs declarations carry them.
 *
 * Inventory lists carry the 10-digit Chinese tariff code (`gcode`). docs/domain.md §1.1: B2B lists filed
 * at a pilot-zone customs may use 6 digits, and 9610 lists there 4 digits; rules look goods up by
 * heading (the first 4 digits) or subheading.
 */

/** How many digits a context requires of an HS code. */
export type HsDigits = 4 | 6 | 8 | 10;

/**
 * Why `code` is not an HS code of one of the allowed lengths, or `undefined` when it is.
 *
 * @param allowed - accepted lengths; lists need `[10]`, the default
 */
export function hsCodeProblem(code: unknown, allowed: readonly HsDigits[] = [10]): string | undefined {
  if (typeof code !== 'string') return `must be a string of ${allowed.join(' or ')} digits.`;
  if (!/^\d+$/.test(code)) return `must contain digits only (no dots or spaces), e.g. '3304990000'.`;
  if (!allowed.includes(code.length as HsDigits)) return `has ${code.length} digits; this field needs ${allowed.join(' or ')}.`;
  if (code.startsWith('00') || Number(code.slice(0, 2)) > 97) return `starts with chapter ${code.slice(0, 2)}; HS chapters run from 01 to 97.`;
  return undefined;
}

/** The 4-digit heading of an HS code (`'3304990000'` -> `'3304'`). */
export function hsHeading(code: string): string {
  return code.slice(0, 4);
}
