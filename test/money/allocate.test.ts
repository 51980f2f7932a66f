import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { allocate } from '../../src/money/allocate.js';
import { money, sum } from '../../src/money/money.js';
import { ValidationError } from '../../src/domain/errors.js';
import { amount } from '../../src/testing/amount.js';

describe('allocate (largest remainder)', () => {
  it('splits 10.00 over three equal lines as 3.34 / 3.33 / 3.33', () => {
    expect(allocate(money('10.00'), [money(1), money(1), money(1)]).map(String)).toEqual(['3.34', '3.33', '3.33']);
  });

  it('splits freight 20.00 over lines worth 760.00 and 239.70 in proportion', () => {
    // exact shares 1520.456 and 479.544 fen floor to 1520 / 479; the leftover fen goes to the larger remainder (.544)
    expect(allocate(money('20.00'), [money('760.00'), money('239.70')]).map((m) => m.toFixed(2))).toEqual(['15.20', '4.80']);
  });

  it('gives the leftover fen to the largest remainders, ties to the earlier line', () => {
    expect(allocate(money('0.05'), [money(1), money(1), money(1), money(1)]).map(String)).toEqual(['0.02', '0.01', '0.01', '0.01']);
    expect(allocate(money('1.00'), [money(1), money(2)]).map(String)).toEqual(['0.33', '0.67']);
  });

  it('splits evenly when every weight is zero', () => {
    expect(allocate(money('0.10'), [money(0), money(0), money(0)]).map(String)).toEqual(['0.04', '0.03', '0.03']);
  });

  it('refuses negative totals, sub-fen totals, negative weights and no lines', () => {
    expect(() => allocate(money('-1'), [money(1)])).toThrow(ValidationError);
    expect(() => allocate(money('0.001'), [money(1)])).toThrow(/fractions of a fen/);
    expect(() => allocate(money('1'), [money(-1)])).toThrow(/weights\[0\]/);
    expect(() => allocate(money('1'), [])).toThrow(/at least one line/);
  });

  test.prop([amount('0.00', '99999.99'), fc.array(amount('0.00', '5000.00'), { minLength: 1, maxLength: 12 })])(
    'never loses or invents a fen, and every part is whole fen within one fen of its exact share',
    (total, weights) => {
      const parts = allocate(total, weights);
      expect(parts).toHaveLength(weights.length);
      expect(sum(parts).eq(total)).toBe(true);
      const weightSum = sum(weights);
      parts.forEach((part, i) => {
        expect(part.times(100).isInteger()).toBe(true);
        expect(part.isNegative()).toBe(false);
        const exact = weightSum.isZero() ? total.dividedBy(weights.length) : total.times(weights[i]!).dividedBy(weightSum);
        expect(part.minus(exact).abs().lessThan(money('0.01'))).toBe(true);
      });
    },
  );
});
