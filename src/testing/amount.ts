import fc from 'fast-check';
import { money, type Money } from '../money/money.js';

/**
 * Amounts in whole fen from `min` to `max` (CNY, as decimal text bounds).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(amount('0.01', '500.00'), (a) => a.decimalPlaces() <= 2));
 * ```
 */
export function amount(min = '0.00', max = '100000.00'): fc.Arbitrary<Money> {
  const lo = BigInt(money(min).times(100).toFixed(0));
  const hi = BigInt(money(max).times(100).toFixed(0));
  return fc.bigInt({ min: lo, max: hi }).map((fen) => money(fen).dividedBy(100));
}
