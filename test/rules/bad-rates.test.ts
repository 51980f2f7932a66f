import { describe, expect, it } from 'vitest';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import { RuleIssues } from '../../src/rules/issues.js';
import { CbecError } from '../../src/domain/errors.js';
import type { TaxInput, TaxLineInput } from '../../src/rules/types.js';
import { ruleIssuesOf } from './rule-issues.js';

const ok = { hsCode: '9503000000', quantity: 1, unitPrice: '100.00' };

const tax = (line: Partial<TaxLineInput> | null, more: Partial<TaxInput> = {}) => () => retailImportTax({ date: '2019-06-01', lines: [line === null ? (null as never) : { ...ok, ...line }], ...more });

describe("a line's own rates and measure, checked field by field", () => {
  it('refuses rates that are not an object', () => {
    expect(ruleIssuesOf(tax({ rates: 'x' as never }))).toEqual([['lines.0.rates', 'x', 'must be an object of rates, e.g. { "duty": "0.05" }.']]);
  });

  it('refuses a postal category outside 1 to 4 and a VAT band other than standard or reduced', () => {
    expect(ruleIssuesOf(tax({ rates: { postalCategory: 5 as never, vatBand: 'low' as never } }))).toEqual([
      ['lines.0.rates.postalCategory', 5, 'must be a postal-articles category: 1, 2, 3 or 4.'],
      ['lines.0.rates.vatBand', 'low', "must be 'standard' or 'reduced'."],
    ]);
  });

  it('refuses a specific tax with a negative amount, a zero quantity or an unknown unit', () => {
    expect(ruleIssuesOf(tax({ rates: { duty: '0', specific: { amount: '-1', per: '0', unit: 'cup' as never } } }))).toEqual([
      ['lines.0.rates.specific.amount', '-1', 'is negative; give zero or more.'],
      ['lines.0.rates.specific.per', '0', 'must be more than zero.'],
      ['lines.0.rates.specific.unit', 'cup', 'must be one of l, ml, kg, g, stick, piece.'],
    ]);
  });

  it('refuses a measure that is not { quantity, unit }, a zero quantity and an unknown unit', () => {
    expect(ruleIssuesOf(tax({ measure: 'big' as never }))).toEqual([['lines.0.measure', 'big', "must be { quantity, unit }, e.g. { quantity: '0.75', unit: 'l' }."]]);
    expect(ruleIssuesOf(tax({ measure: { quantity: '0', unit: 'cup' as never } }))).toEqual([
      ['lines.0.measure.quantity', '0', 'must be more than zero.'],
      ['lines.0.measure.unit', 'cup', 'must be one of l, ml, kg, g, stick, piece.'],
    ]);
  });

  it('refuses a line that is not an object, lines that are not a list, and a quantity that is not decimal text', () => {
    expect(ruleIssuesOf(tax(null))).toEqual([['lines.0', null, 'must be a line, an object with hsCode, quantity and unitPrice; got null.']]);
    expect(ruleIssuesOf(() => retailImportTax({ date: '2019-06-01', lines: 'x' as never }))).toEqual([['lines', 'x', 'is empty; give at least one line.']]);
    expect(ruleIssuesOf(tax({ quantity: 'abc' as never }))).toEqual([['lines.0.quantity', 'abc', "is not decimal text; write it like '12.30' (digits, one optional point, no separators or exponent)."]]);
  });

  it('takes a line with a good specific tax and measure', () => {
    const t = retailImportTax({ date: '2019-06-01', lines: [{ ...ok, rates: { duty: '0', vat: '0', consumption: '0', specific: { amount: '1', per: '1', unit: 'l' } }, measure: { quantity: '2', unit: 'l' } }] });
    // base (100 + 2) / 1; consumption (0 + 2) x 70% = 1.40
    expect(t.consumptionTax.toFixed(2)).toBe('1.40');
  });
});

describe('rule input readers', () => {
  it("read a day only as an existing 'YYYY-MM-DD', an instant as a zoned date-time, a positive amount and a rate below 1", () => {
    const issues = new RuleIssues();
    expect([issues.day('2019-1-1', ['d']), issues.day('2019-02-30', ['e']), issues.day('2019-02-28', ['f']), issues.instant('nope', ['g']), issues.positive('-1', ['h']), issues.rate('1', ['r'])]).toEqual([
      undefined,
      undefined,
      '2019-02-28',
      undefined,
      undefined,
      undefined,
    ]);
    expect(ruleIssuesOf(() => issues.throwIfAny())).toEqual([
      ['d', '2019-1-1', "must be a calendar date written 'YYYY-MM-DD'."],
      ['e', '2019-02-30', 'is not a real calendar date: 2019-02 has 28 days.'],
      ['g', 'nope', "must be 'YYYY-MM-DD' (Shanghai) or an ISO date-time with its zone, such as '2019-03-15T10:00:00+08:00'."],
      ['h', '-1', 'must be more than zero.'],
      ['r', '1', "must be a fraction from 0 up to but excluding 1 (13% is '0.13'); got 1."],
    ]);
  });

  it('accept good values without recording anything', () => {
    const issues = new RuleIssues();
    expect([issues.positive('0.01', ['a'])?.toString(), issues.rate('0', ['b'])?.toString(), issues.rate('0.99', ['c'])?.toString(), issues.fen('1.20', ['d'])?.toString(), issues.instant('2019-06-01', ['e'])]).toEqual(['0.01', '0', '0.99', '1.2', 1559318400000]);
    expect(() => issues.throwIfAny()).not.toThrow();
    expect(issues.checked([1, 'a'] as const)).toEqual([1, 'a']);
  });

  it('never lets a value through unchecked: a reader that refused without saying why is an internal error', () => {
    expect(() => new RuleIssues().checked([undefined])).toThrow(CbecError);
    expect(() => new RuleIssues().checked([undefined])).toThrow(/A rule input was refused without saying why/);
  });
});
