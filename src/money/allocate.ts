import { ValidationError } from '../domain/errors.js';
import { type Money, ZERO, MoneyDecimal, toFen } from './money.js';

/**
 * Splits `total` across lines in proportion to `weights`, in whole fen, so that the parts add up
 * to `total` exactly: each line gets the floor of its exact share, and the fen left over go one
 * each to the lines with the largest remainders (ties to the earlier line).
 *
 * This is how freight and insurance are spread over the lines of an order before per-line tax.
 *
 * @param total - the amount to split; must be a whole number of fen, zero or more
 * @param weights - one weight per line (usually line value); not negative
 * @returns one amount per weight, in the same order, summing to `total`
 * @throws {@link ValidationError} for a negative or sub-fen total, negative weights, or no lines
 * @example
 * ```ts
 * allocate(money('10.00'), [money(1), money(1), money(1)]).map(String); // ['3.34', '3.33', '3.33']
 * ```
 */
export function allocate(total: Money, weights: readonly Money[]): Money[] {
  if (weights.length === 0) {
    throw new ValidationError([{ path: ['weights'], value: weights, reason: 'is empty; give at least one line to allocate to.' }]);
  }
  if (total.isNegative()) throw new ValidationError([{ path: ['total'], value: total.toString(), reason: 'is negative; allocate zero or more.' }]);
  if (!toFen(total).eq(total)) {
    throw new ValidationError([{ path: ['total'], value: total.toString(), reason: 'has fractions of a fen; round it with toFen() first.' }]);
  }
  weights.forEach((w, i) => {
    if (w.isNegative()) throw new ValidationError([{ path: ['weights', i], value: w.toString(), reason: 'is negative; weights must be zero or more.' }]);
  });

  const weightSum = weights.reduce<Money>((s, w) => s.plus(w), ZERO);
  // With no weight at all, split evenly: every line counts the same.
  const effective = weightSum.isZero() ? weights.map(() => new MoneyDecimal(1)) : weights;
  const effectiveSum = weightSum.isZero() ? new MoneyDecimal(weights.length) : weightSum;

  const totalFen = total.times(100);
  const shares = effective.map((w, index) => {
    const exact = totalFen.times(w).dividedBy(effectiveSum);
    const floor = exact.floor();
    return { index, floor, remainder: exact.minus(floor) };
  });
  let leftover = totalFen.minus(shares.reduce<Money>((s, x) => s.plus(x.floor), ZERO)).toNumber();
  const byRemainder = [...shares].sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const extra = new Array<number>(weights.length).fill(0);
  for (const share of byRemainder) {
    if (leftover <= 0) break;
    extra[share.index] = 1;
    leftover -= 1;
  }
  return shares.map((s) => s.floor.plus(extra[s.index] ?? 0).dividedBy(100));
}
