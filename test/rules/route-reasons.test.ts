import { describe, expect, it } from 'vitest';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import type { TaxInput } from '../../src/rules/types.js';

const toys = (unitPrice: string, quantity = 1) => ({ hsCode: '9503000000', quantity, unitPrice });
const why = (input: TaxInput) => {
  const tax = retailImportTax(input);
  return [tax.route, tax.overLimit, tax.reason];
};

describe('each route says why, naming the rule set, the amounts and the limit', () => {
  it('annual limit: what the buyer used, what this order adds, the year total and the limit', () => {
    expect(why({ date: '2019-06-01', lines: [toys('1000.00')], buyerAnnualUsed: '25500.00' })).toEqual([
      'general-trade',
      'annual',
      "RULES_2019: the buyer's 25,500.00 CNY used this year plus this order's 1,000.00 CNY makes 26,500.00 CNY, over the annual limit of 26,000.00 CNY; the order is general trade, taxed in full.",
    ]);
  });

  it('single limit, several items: split the order', () => {
    expect(why({ date: '2019-06-01', lines: [toys('3000.00'), toys('3000.00')] })).toEqual([
      'general-trade',
      'single',
      'RULES_2019: the dutiable value 6,000.00 CNY is over the single-transaction limit of 5,000.00 CNY and the order is not one indivisible item; it is general trade (split the order to stay within the limit).',
    ]);
  });

  it('single limit, one indivisible item under the 2019 rules: taxed in full and counted toward the annual total', () => {
    expect(why({ date: '2019-06-01', lines: [toys('6000.00')] })).toEqual([
      'cbec-full',
      'single',
      'RULES_2019: the dutiable value 6,000.00 CNY is over the single-transaction limit of 5,000.00 CNY; as one indivisible item within the annual limit it stays CBEC with duty, VAT and consumption tax in full, counted toward the annual total.',
    ]);
  });

  it('single limit, one indivisible item under the 2016 rules: general trade all the same', () => {
    expect(why({ date: '2017-06-01', lines: [toys('6000.00')] })).toEqual([
      'general-trade',
      'single',
      'RULES_2016: the dutiable value 6,000.00 CNY is over the single-transaction limit of 2,000.00 CNY; this rule set taxes even a single indivisible item above it as general trade.',
    ]);
  });

  it('postal parcel limit: 1,000.00, or 800.00 for parcels from Hong Kong, Macao or Taiwan', () => {
    expect(why({ date: '2013-06-01', lines: [toys('600.00', 2)] })).toEqual([
      'general-trade',
      'parcel',
      "RULES_POSTAL: the parcel's value 1,200.00 CNY is over the postal-articles limit of 1,000.00 CNY and is not one indivisible item; it must be declared as goods (general trade).",
    ]);
    expect(why({ date: '2013-06-01', lines: [toys('450.00', 2)], fromCountry: 'TW' })).toEqual([
      'general-trade',
      'parcel',
      "RULES_POSTAL: the parcel's value 900.00 CNY is over the postal-articles limit of 800.00 CNY for parcels from Hong Kong, Macao or Taiwan and is not one indivisible item; it must be declared as goods (general trade).",
    ]);
  });

  it('postal waiver: a tax of at most 50.00 is waived, one of 50.01 is not', () => {
    expect(why({ date: '2013-06-01', lines: [toys('500.00')] })).toEqual(['postal', undefined, 'RULES_POSTAL: the postal-articles tax of 50.00 CNY is at most 50.00 CNY, so it is waived.']);
    const paid = retailImportTax({ date: '2013-06-01', lines: [toys('500.10')] });
    expect([paid.route, paid.reason, paid.customsDuty.toFixed(2)]).toEqual(['postal', undefined, '50.01']);
  });
});
