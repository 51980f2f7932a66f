import { describe, expect, it } from 'vitest';
import { createFxTable } from '../../src/money/fx.js';
import { money } from '../../src/money/money.js';
import type { ValidationError } from '../../src/domain/errors.js';

describe('exchange-rate table (one customs rate per month)', () => {
  const fx = createFxTable({ USD: { '2019-01': '6.8482', '2019-02': '6.7135' }, '116': { '2019-01': '0.061986' } });

  it('converts at the rate of the month, to the fen', () => {
    expect(fx.toCny(money('10'), 'USD', '2019-01').toFixed(2)).toBe('68.48');
    expect(fx.toCny(money('10'), '502', '2019-02').toFixed(2)).toBe('67.14');
    expect(fx.toCny(money('1000'), 'JPY', '2019-01').toFixed(2)).toBe('61.99');
  });

  it('converts CNY at 1 without an entry', () => {
    expect(fx.rate('142', '2030-12').toString()).toBe('1');
  });

  it('names the currency and month when a rate is missing', () => {
    expect(() => fx.rate('USD', '2019-03')).toThrow(/no rate for USD in 2019-03/);
    expect(() => fx.rate('XYZ', '2019-01')).toThrow(/not a known currency/);
  });

  it('refuses a table with bad entries, listing each', () => {
    try {
      createFxTable({ XYZ: { '2019-01': '1' }, USD: { '2019-13': '6.8', '2019-01': 6.8, '2019-02': '0' } });
      expect.unreachable();
    } catch (error) {
      const issues = (error as ValidationError).issues.map((i) => i.path.join('.'));
      expect(issues).toEqual(['XYZ', 'USD.2019-13', 'USD.2019-01', 'USD.2019-02']);
    }
  });
});
