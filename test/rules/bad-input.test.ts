import { describe, expect, it } from 'vitest';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import { compositeRate } from '../../src/rules/composite-rate.js';
import { RuleError } from '../../src/domain/errors.js';
import type { TaxInput } from '../../src/rules/types.js';

const ok = { hsCode: '9503000000', quantity: 1, unitPrice: '100.00' };

function issuesOf(run: () => unknown): { path: string; reason: string }[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleError);
    return (e as RuleError).issues.map((i) => ({ path: i.path.join('.'), reason: i.reason }));
  }
  throw new Error('expected a RuleError');
}

describe('retailImportTax refuses bad input with a RuleError naming the field', () => {
  it('refuses a negative unit price', () => {
    expect(issuesOf(() => retailImportTax({ date: '2019-06-01', lines: [{ ...ok, unitPrice: '-1.00' }] }))).toEqual([
      { path: 'lines.0.unitPrice', reason: 'is negative; give zero or more.' },
    ]);
  });

  it('refuses a zero quantity', () => {
    expect(issuesOf(() => retailImportTax({ date: '2019-06-01', lines: [ok, { ...ok, quantity: 0 }] }))).toEqual([
      { path: 'lines.1.quantity', reason: 'must be more than zero.' },
    ]);
  });

  it('refuses an HS code the tariff table lacks instead of taxing it at zero', () => {
    const [issue] = issuesOf(() => retailImportTax({ date: '2019-06-01', lines: [ok, ok, { ...ok, hsCode: '0101210010' }] }));
    expect(issue?.path).toBe('lines.2.hsCode');
    expect(issue?.reason).toMatch(/has no rate source that gives an MFN duty on .*: give the line `rates.duty`, or a `tariff`/);
  });

  it('accepts an HS code the table lacks when the line brings its own rates (CBEC regime)', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ ...ok, hsCode: '0101210010', rates: { duty: '0', vat: '0.09', consumption: '0' } }] });
    expect(tax.vat.toFixed(2)).toBe('6.30');
  });

  it('still needs the table row under the postal regime, which taxes by the row category', () => {
    const input = { date: '2013-10-01', lines: [{ ...ok, hsCode: '0101210010', rates: { duty: '0', vat: '0.09', consumption: '0' } }] };
    expect(issuesOf(() => retailImportTax(input)).map((i) => i.path)).toEqual(['lines.0.hsCode']);
  });

  it('refuses a malformed HS code', () => {
    expect(issuesOf(() => retailImportTax({ date: '2019-06-01', lines: [{ ...ok, hsCode: '3304.99' }] })).map((i) => i.path)).toEqual(['lines.0.hsCode']);
  });

  it('refuses rates outside [0, 1), naming each', () => {
    const rates = { duty: '-0.01', vat: '1', consumption: '0.15' };
    expect(issuesOf(() => retailImportTax({ date: '2019-06-01', lines: [{ ...ok, rates }] })).map((i) => i.path)).toEqual([
      'lines.0.rates.duty',
      'lines.0.rates.vat',
    ]);
    expect(issuesOf(() => compositeRate({ vat: '0.13', consumption: '1.5' })).map((i) => i.path)).toEqual(['consumption']);
  });

  it('refuses an impossible date', () => {
    expect(issuesOf(() => retailImportTax({ date: '2019-02-30', lines: [ok] }))).toEqual([{ path: 'date', reason: 'is not a real calendar date: 2019-02 has 28 days.' }]);
  });

  it('refuses a date before the first rule set', () => {
    expect(issuesOf(() => retailImportTax({ date: '2009-01-01', lines: [ok] })).map((i) => i.path)).toEqual(['date']);
  });

  it('refuses floats, sub-fen freight, no lines and an unknown origin, all at once', () => {
    const input = { date: '2019-06-01', lines: [], freight: '1.005', insurance: 0.1, fromCountry: 'XX' } as unknown as TaxInput;
    expect(issuesOf(() => retailImportTax(input)).map((i) => i.path)).toEqual(['lines', 'freight', 'insurance', 'fromCountry']);
  });

  it('says what to change in the message', () => {
    expect(() => retailImportTax({ date: '2019-06-01', lines: [{ ...ok, quantity: 0 }] })).toThrow(/lines\[0\]\.quantity: must be more than zero/);
  });
});
