/**
 * The edges of the simple types, where libxml2 draws them: the 24 significant digits a decimal
 * may have before it is unreadable, the 32-bit range of xs:int, the padding bits of base64, the
 * limits of time zones and of the 24:00:00 midnight, and surrogate pairs counted once.
 */
import { describe, expect, it } from 'vitest';
import { charLength, simpleTypeProblem } from '../../src/messages/schema/simple-types.js';
import type { SimpleType } from '../../src/messages/spec.js';

const N19_5: SimpleType = { base: 'decimal', totalDigits: 19, fractionDigits: 5 };
const N30_12: SimpleType = { base: 'decimal', totalDigits: 30, fractionDigits: 12 };
const DT: SimpleType = { base: 'dateTime' };

describe('decimals are read up to 24 significant digits', () => {
  it('24 integer digits are read (and then too many for N19,5); with a point they are not', () => {
    expect(simpleTypeProblem('1'.repeat(24), N19_5)).toBe('has 24 digits; at most 19 are allowed');
    expect(simpleTypeProblem(`${'1'.repeat(24)}.`, N19_5)).toBe('is not a decimal number such as 120.50');
    expect(simpleTypeProblem(`${'1'.repeat(23)}.`, N19_5)).toBe('has 23 digits; at most 19 are allowed');
  });

  it('integer and fraction digits count together: 12 + 12 are read, 12 + 13 are not', () => {
    expect(simpleTypeProblem(`${'1'.repeat(12)}.${'1'.repeat(12)}`, N30_12)).toBeUndefined();
    expect(simpleTypeProblem(`${'1'.repeat(12)}.${'1'.repeat(13)}`, N30_12)).toBe('is not a decimal number such as 120.50');
  });

  it('fraction digits are counted without trailing zeros, total digits without leading zeros', () => {
    expect(simpleTypeProblem('0.123450', N19_5)).toBeUndefined();
    expect(simpleTypeProblem('000012345678901234.5', N19_5)).toBeUndefined();
    expect(simpleTypeProblem('12345678901234.123456', N19_5)).toBe('has 6 digits after the point; at most 5 are allowed');
    expect(simpleTypeProblem('123456789012345.1234', N19_5)).toBeUndefined();
    expect(simpleTypeProblem('1234567890123456.1234', N19_5)).toBe('has 20 digits; at most 19 are allowed');
  });

  it('white space around a decimal is fine, inside it is not', () => {
    expect(simpleTypeProblem('\t5.5\n', N19_5)).toBeUndefined();
    expect(simpleTypeProblem('5 .5', N19_5)).toBe('is not a decimal number such as 120.50');
  });
});

describe('xs:int is 32 bits', () => {
  const INT: SimpleType = { base: 'int' };
  it('ten digits may still be out of range; eleven always are, leading zeros aside', () => {
    expect(simpleTypeProblem('9999999999', INT)).toBe('is outside the range of a 32-bit integer (-2147483648 to 2147483647)');
    expect(simpleTypeProblem('-00002147483648', INT)).toBeUndefined();
    expect(simpleTypeProblem('+2147483647', INT)).toBeUndefined();
  });

  it('zero counts as one digit', () => {
    expect(simpleTypeProblem('0', { base: 'int', totalDigits: 1 })).toBeUndefined();
    expect(simpleTypeProblem('000', { base: 'int', totalDigits: 1 })).toBeUndefined();
    expect(simpleTypeProblem('10', { base: 'int', totalDigits: 1 })).toBe('has 2 digits; at most 1 are allowed');
  });
});

describe('base64 padding', () => {
  const B64: SimpleType = { base: 'base64Binary' };
  it('one = leaves two bits the last character must zero; two = leave four', () => {
    expect(simpleTypeProblem('PGE=', B64)).toBeUndefined();
    expect(simpleTypeProblem('PGF=', B64)).toMatch(/^is not base64/);
    expect(simpleTypeProblem('PGG=', B64)).toMatch(/^is not base64/);
    expect(simpleTypeProblem('PGI=', B64)).toBeUndefined();
    expect(simpleTypeProblem('PA==', B64)).toBeUndefined();
    expect(simpleTypeProblem('PQ==', B64)).toBeUndefined();
    expect(simpleTypeProblem('PB==', B64)).toMatch(/^is not base64/);
    expect(simpleTypeProblem('PI==', B64)).toMatch(/^is not base64/);
    expect(simpleTypeProblem('====', B64)).toMatch(/^is not base64/);
    expect(simpleTypeProblem('PGE/', B64)).toBeUndefined();
    expect(simpleTypeProblem('PE==', B64)).toMatch(/^is not base64/);
  });

  it('= only at the end, and only the base64 alphabet before it', () => {
    expect(simpleTypeProblem('A=AA', B64)).toMatch(/^is not base64/);
    expect(simpleTypeProblem('!AAA', B64)).toMatch(/^is not base64/);
    expect(simpleTypeProblem('AAA!', B64)).toMatch(/^is not base64/);
  });
});

describe('dateTime and date edges', () => {
  it('time zones from -14:00 to +14:00, minutes below 60', () => {
    expect(simpleTypeProblem('2019-03-15T10:00:00+14:00', DT)).toBeUndefined();
    expect(simpleTypeProblem('2019-03-15T10:00:00+13:59', DT)).toBeUndefined();
    expect(simpleTypeProblem('2019-03-15T10:00:00+15:00', DT)).toMatch(/^is not a date and time/);
    expect(simpleTypeProblem('2019-03-15T10:00:00+08:60', DT)).toMatch(/^is not a date and time/);
    expect(simpleTypeProblem('2019-03-15+14:00', { base: 'date' })).toBeUndefined();
    expect(simpleTypeProblem('2019-03-15-14:30', { base: 'date' })).toBe('is not a date such as 2019-03-15');
  });

  it('24:00:00 is midnight only with no minutes, seconds or fraction past it', () => {
    expect(simpleTypeProblem('2019-03-15T24:00:00.000', DT)).toBeUndefined();
    expect(simpleTypeProblem('2019-03-15T24:00:00.001', DT)).toMatch(/^is not a date and time/);
    expect(simpleTypeProblem('2019-03-15T24:00:01', DT)).toMatch(/^is not a date and time/);
    expect(simpleTypeProblem('2019-03-15T25:00:00', DT)).toMatch(/^is not a date and time/);
    expect(simpleTypeProblem('2019-03-15T23:59:59.999', DT)).toBeUndefined();
    expect(simpleTypeProblem('2019-03-15T10:60:00', DT)).toMatch(/^is not a date and time/);
  });

  it('calendar days: February 29 in 2000 and 2024, not in 1900 or 2023; month 0 and 13, day 0 and 32', () => {
    for (const ok of ['2000-02-29', '2024-02-29', '2019-12-31', '2019-01-01', '-0004-02-29']) expect([ok, simpleTypeProblem(ok, { base: 'date' })]).toEqual([ok, undefined]);
    for (const bad of ['1900-02-29', '2023-02-29', '2019-00-10', '2019-13-10', '2019-01-00', '2019-01-32', '2019-06-31', '2019-09-31', '2019-11-31', '0000-01-01']) {
      expect([bad, simpleTypeProblem(bad, { base: 'date' })]).toEqual([bad, 'is not a date such as 2019-03-15']);
    }
  });
});

describe('characters and names', () => {
  it('a surrogate pair is one character, at both ends of the surrogate range', () => {
    expect(charLength('\ud800\udc00\udbff\udfffa')).toBe(3);
  });

  it('an XML name may hold letters of any script, digits, combining marks, dots, hyphens and the middle dot', () => {
    expect(simpleTypeProblem('签名_1.a-b·\u0301', { base: 'ID' })).toBeUndefined();
    expect(simpleTypeProblem('-a', { base: 'ID' })).toMatch(/^is not an XML name/);
    expect(simpleTypeProblem('', { base: 'ID' })).toMatch(/^is not an XML name/);
  });
});
