import { describe, expect, it } from 'vitest';
import { measureSchema, ownRatesSchema, tariffRowSchema } from '../../src/rules/tariff-schema.js';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import { RULES_POSTAL } from '../../src/rules/rule-sets.js';
import type { z } from 'zod';
import { ruleIssuesOf } from './rule-issues.js';

const problems = (schema: z.ZodType, value: unknown): [string, string][] => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};
const row = (fields: Record<string, unknown>) => problems(tariffRowSchema, { prefix: '61', source: 'x', ...fields });

describe('the tariff format checks every field (docs/tariff.md)', () => {
  it('takes rates from 0 up to but excluding 1, as decimal text', () => {
    expect(row({ duty: '0', consumption: '0.9999', exportRebate: '0.13' })).toEqual([]);
    // a row gives a VAT band, never a rate: the rate follows from the day
    expect(row({ vat: '0.13' })).toEqual([['', 'Unrecognized key: "vat"']]);
    const rate = "must be a fraction from 0 up to but excluding 1 written as decimal text, e.g. '0.13'";
    expect(row({ duty: '1' })).toEqual([['duty', rate]]);
    expect(row({ duty: '-0.01' })).toEqual([['duty', rate]]);
    expect(row({ duty: '0.13.1' })).toEqual([['duty', rate]]);
    expect(row({ exportRebate: 0.1 })).toEqual([['exportRebate', 'Invalid input: expected string, received number']]);
  });

  it('takes specific taxes as an amount of zero or more per a quantity above zero of a known unit', () => {
    expect(row({ consumption: '0', specific: { amount: '0', per: '0.001', unit: 'stick' } })).toEqual([]);
    expect(row({ consumption: '0', specific: { amount: '-1', per: '0', unit: 'cup' } })).toEqual([
      ['specific.amount', "must be an amount of zero or more written as decimal text, e.g. '0.13'"],
      ['specific.per', "must be an amount above zero written as decimal text, e.g. '0.13'"],
      ['specific.unit', 'Invalid option: expected one of "l"|"ml"|"kg"|"g"|"stick"|"piece"'],
    ]);
  });

  it('takes a high-end tier of at least one price test, with its rate and postal category', () => {
    expect(row({ consumption: '0', highEnd: { from: [{ price: '0', per: '1', unit: 'piece' }], consumption: '0.2', specific: { amount: '1', per: '1', unit: 'l' }, postalCategory: 3 } })).toEqual([]);
    expect(row({ consumption: '0', highEnd: { from: [], consumption: '1' } })).toEqual([
      ['highEnd.from', 'must list at least one price test'],
      ['highEnd.consumption', "must be a fraction from 0 up to but excluding 1 written as decimal text, e.g. '0.13'"],
    ]);
    expect(row({ consumption: '0', highEnd: { from: [{ price: '-1', per: 'x', unit: 'l', more: 1 }], consumption: '0.1', postalCategory: 9 } })).toEqual([
      ['highEnd.from.0.price', "must be an amount of zero or more written as decimal text, e.g. '0.13'"],
      ['highEnd.from.0.per', "must be an amount above zero written as decimal text, e.g. '0.13'"],
      ['highEnd.from.0', 'Unrecognized key: "more"'],
      ['highEnd.postalCategory', 'Invalid input'],
    ]);
  });

  it('takes a VAT band of standard or reduced, a postal category of 1 to 4, days as YYYY-MM-DD, and no other fields', () => {
    expect(row({ vatBand: 'reduced', postalCategory: 4, from: '2020-01-01', until: '2020-01-02' })).toEqual([]);
    expect(row({ vatBand: 'mid', postalCategory: 5, from: '2020-1-1', until: '2020-02-30x', extra: 1 })).toEqual([
      ['vatBand', 'Invalid option: expected one of "standard"|"reduced"'],
      ['postalCategory', 'Invalid input'],
      ['from', "must be a day written 'YYYY-MM-DD'"],
      ['until', "must be a day written 'YYYY-MM-DD'"],
      ['', 'Unrecognized key: "extra"'],
    ]);
  });

  it("takes a measure as a quantity above zero in a unit, and a product's own VAT as a rate", () => {
    expect(problems(measureSchema, { quantity: '0.75', unit: 'l' })).toEqual([]);
    expect(problems(measureSchema, { quantity: '0', unit: 'l', x: 1 })).toEqual([
      ['quantity', "must be an amount above zero written as decimal text, e.g. '0.13'"],
      ['', 'Unrecognized key: "x"'],
    ]);
    expect(problems(ownRatesSchema, { vat: '0.09', duty: '0' })).toEqual([]);
    expect(problems(ownRatesSchema, { vat: '1' })).toEqual([['vat', "must be a fraction from 0 up to but excluding 1 written as decimal text, e.g. '0.13'"]]);
  });
});

describe('reading a tax question', () => {
  const ok = { hsCode: '9503000000', quantity: 1, unitPrice: '100.00' };

  it('needs a postal category under the postal regime, and says where to give one', () => {
    expect(ruleIssuesOf(() => retailImportTax({ date: '2013-06-01', lines: [{ ...ok, hsCode: '0101210010', rates: { duty: '0' } }] }))).toEqual([
      ['lines.0.hsCode', '0101210010', 'has no rate source that gives a postal-articles category on 2013-06-01: give the line `rates.postalCategory`, or a `tariff` with a row that covers it.'],
    ]);
  });

  it('refuses a postal rule set without postal terms, and an origin that is not a country code', () => {
    expect(ruleIssuesOf(() => retailImportTax({ date: '2019-06-01', rules: { ...RULES_POSTAL, postal: undefined } as never, lines: [ok] }))[0]).toEqual([
      'rules.postal',
      undefined,
      'is missing from rule set RULES_POSTAL; build postal rule sets with defineRuleSet({ base: RULES_POSTAL, ... }).',
    ]);
    expect(ruleIssuesOf(() => retailImportTax({ date: '2019-06-01', fromCountry: 'ZZ', lines: [ok] }))).toEqual([['fromCountry', 'ZZ', 'is not a known country code; use ISO (HK, HKG) or the customs code (110).']]);
  });

  it('spreads freight over every line, one fen to the first of two equal lines', () => {
    expect(retailImportTax({ date: '2019-06-01', fromCountry: 'HKG', lines: [ok, ok], freight: '0.01' }).lines.map((l) => l.dutiableValue.toFixed(2))).toEqual(['100.01', '100.00']);
  });
});
