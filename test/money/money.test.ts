import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { cny, formatCny, money, MoneyDecimal, sum, toFen } from '../../src/money/money.js';
import { isCbecError, MoneyError } from '../../src/domain/errors.js';

describe('money', () => {
  it('reads decimal text exactly', () => {
    expect(money('12.30').toFixed(2)).toBe('12.30');
    expect(money('0.1').plus(money('0.2')).toString()).toBe('0.3');
    expect(money(' 7 ').toString()).toBe('7');
  });

  it('accepts integers, bigints and Decimals', () => {
    expect(money(42).toString()).toBe('42');
    expect(money(12345678901234567890n).toString()).toBe('12345678901234567890');
    expect(money(new Decimal('1.5')).toString()).toBe('1.5');
  });

  it('refuses a JS float with a MoneyError naming the field', () => {
    expect.assertions(5);
    try {
      money(0.1, 'unitPrice');
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyError);
      expect(isCbecError(error)).toBe(true);
      const e = error as MoneyError;
      expect(e.code).toBe('INVALID_MONEY');
      expect(e.issues[0]?.path).toEqual(['unitPrice']);
      expect(e.issues[0]?.reason).toMatch(/float.*string/);
    }
  });

  it.each([['1e5'], ['12,30'], ['abc'], [''], ['NaN'], ['Infinity']])('refuses the text %j', (text) => {
    expect(() => money(text)).toThrow(MoneyError);
  });

  it('refuses NaN, Infinity and unsafe integers', () => {
    expect(() => money(Number.NaN)).toThrow(MoneyError);
    expect(() => money(Number.POSITIVE_INFINITY)).toThrow(MoneyError);
    expect(() => money(2 ** 60)).toThrow(/too large/);
    expect(() => money(new Decimal(Number.NaN))).toThrow(MoneyError);
  });

  it('computes on a private Decimal, unaffected by the global Decimal settings', () => {
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding };
    Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN });
    try {
      expect(money('1').dividedBy(3).toString()).toBe('0.3333333333333333333333333333333333');
      expect(toFen(money('2.345')).toFixed(2)).toBe('2.35');
      expect(money(new Decimal('1.23456789')).constructor).toBe(MoneyDecimal);
    } finally {
      Decimal.set(saved);
    }
  });

  it('rounds half-up to the fen', () => {
    expect(toFen(money('45.505')).toFixed(2)).toBe('45.51');
    expect(toFen(money('45.504999')).toFixed(2)).toBe('45.50');
    expect(toFen(money('-0.005')).toFixed(2)).toBe('-0.01');
    expect(cny('199.995').toFixed(2)).toBe('200.00');
  });

  it('sums and formats for reports', () => {
    expect(sum([money('1.10'), money('2.20')]).toFixed(2)).toBe('3.30');
    expect(sum([]).toString()).toBe('0');
    expect(formatCny(money('1234567.5'))).toBe('1,234,567.50');
    expect(formatCny(money('-1000'))).toBe('-1,000.00');
    expect(formatCny(money('0.004'))).toBe('0.00');
  });
});
