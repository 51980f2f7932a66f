/**
 * JSON for what the sandbox stores: orders, channel events and ledger movements carry exact
 * amounts ({@link Money}), which plain JSON would turn into strings. Amounts are written as
 * `{"$money":"12.30"}` and read back as Money, so a stored event replays exactly.
 */
import { Decimal } from 'decimal.js';
import { money } from '../money/money.js';

const TAG = '$money';

/** Writes `value` as JSON, amounts tagged. */
export function encode(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, raw: unknown) {
    // JSON.stringify has already called Decimal#toJSON on `raw`; the holder still has the Decimal.
    const original = key === '' ? raw : this[key];
    return Decimal.isDecimal(original) ? { [TAG]: original.toString() } : raw;
  });
}

/** Reads JSON written by {@link encode}, amounts back as Money. */
export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, raw: unknown) => {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const tagged = (raw as Record<string, unknown>)[TAG];
      if (typeof tagged === 'string' && Object.keys(raw).length === 1) return money(tagged);
    }
    return raw;
  }) as T;
}
