import fc from 'fast-check';
import { residentIdCheckChar } from '../domain/resident-id.js';
import { money, type Money } from '../money/money.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Valid 18-character PRC resident ID numbers: a 6-digit area code, a real birth date between
 * 1930 and 2007, a 3-digit sequence and the correct check character.
 */
export function residentId(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 110000, max: 659999 }),
      fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2007-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([area, birth, seq]) => {
      const first17 = `${area}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(seq, 3)}`;
      return first17 + residentIdCheckChar(first17);
    });
}

/** Amounts in whole fen from `min` to `max` (CNY, as decimal text bounds). */
export function amount(min = '0.00', max = '100000.00'): fc.Arbitrary<Money> {
  const lo = BigInt(money(min).times(100).toFixed(0));
  const hi = BigInt(money(max).times(100).toFixed(0));
  return fc.bigInt({ min: lo, max: hi }).map((fen) => money(fen).dividedBy(100));
}

/** fast-check arbitraries for cbec-sim's domain values. */
export const arbitraries = { residentId, amount } as const;
