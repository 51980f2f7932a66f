import { describe, expect, it } from 'vitest';
import { consumptionText, describeProductRates, describeRow, percent } from '../../src/rules/describe-rates.js';
import { productRates } from '../../src/rules/product-rates.js';
import { tariffRow, type TariffRow } from '../../src/rules/tariff.js';
import { money } from '../../src/money/money.js';

const row = (hsCode: string, day: string): TariffRow => {
  const found = tariffRow(hsCode, day);
  if (!found) throw new Error(`no built-in row for ${hsCode} on ${day}`);
  return found;
};

describe('rates in words', () => {
  it('writes a rate as a percentage of its exact value: 0.13 is 13%, 0.065 is 6.5%, 0 is 0%', () => {
    expect(['0.13', '0.065', '0', '0.5'].map((r) => percent(money(r)))).toEqual(['13%', '6.5%', '0%', '50%']);
  });

  it('writes a consumption tax as its ad valorem rate, plus a specific amount per quantity, then its high-end tier', () => {
    expect(consumptionText({ consumption: money('0.2') })).toBe('20%');
    expect(consumptionText({ consumption: money('0.2'), specific: { amount: money('0.5'), per: money('0.5'), unit: 'l' } })).toBe('20% + 0.5 CNY per 0.5 l');
    const tier = { from: [{ price: money('10'), per: money('1'), unit: 'ml' as const }, { price: money('15'), per: money('1'), unit: 'piece' as const }], consumption: money('0.15') };
    expect(consumptionText({ consumption: money('0'), highEnd: tier })).toBe('0%; high-end (from 10 CNY per 1 ml or 15 CNY per 1 piece): 15%');
  });
});

describe('a tariff row in one line', () => {
  it('names the row, its dates, its description, every rate it gives and its source: built-in cosmetics from 2016-10-01', () => {
    expect(describeRow(row('3304990000', '2019-06-01'))).toBe(
      'built-in row 3304 (from 2016-10-01): Beauty, make-up and skin-care preparations (美容修饰类及护肤类化妆品); duty 5%, VAT standard band, consumption tax 0%; ' +
        'high-end (from 10 CNY per 1 ml or 15 CNY per 1 piece): 15%, export rebate 9%, postal category 4. ' +
        `Source: ${row('3304990000', '2019-06-01').source}`,
    );
  });

  it('gives a specific tax and a high-end tier with their own specific amounts (beer: 220, then 250 CNY per 988 l)', () => {
    expect(describeRow(row('2203000000', '2019-06-01'))).toMatch(/^built-in row 2203: Beer \(啤酒\); consumption tax 0% \+ 220 CNY per 988 l; high-end \(from 3000 CNY per 988 l\): 0% \+ 250 CNY per 988 l\. Source: /);
  });

  it('says until when a row that ended was in force, and gives only the rates the row gives', () => {
    expect(describeRow(row('8711100000', '2013-06-01'))).toBe('built-in row 87111 (until 2014-12-01): Motorcycles up to 50 ml (摩托车); consumption tax 3%. Source: 消费税暂行条例 税目税率表, 摩托车 3% up to 250 ml [M]');
  });

  it("names a user's row by where it was read, a dash for no description, and both dates of a row in force for a while", () => {
    const user: TariffRow = { prefix: '61', description: '', duty: money('0.065'), from: '2020-01-01', until: '2021-01-01', source: 'MFN 2020', origin: 'tariff.csv line 2' };
    expect(describeRow(user)).toBe('tariff.csv line 2 row 61 (from 2020-01-01 until 2021-01-01): -; duty 6.5%. Source: MFN 2020');
    expect(describeRow({ prefix: '95', description: 'Toys', source: 'x' })).toBe('built-in row 95: Toys; no rates. Source: x');
  });
});

describe("a product's rates, one per line with where each came from", () => {
  it('says which rates no source gives (baijiu in 2019: no duty, no rebate, no postal category in the built-in rows)', () => {
    expect(describeProductRates(productRates({ hsCode: '2208902000' }, '2019-06-01'))).toEqual([
      '  duty -                   no source gives it',
      '  VAT 13%                  rate from the standard VAT band of 2019-06-01 (no source puts the goods in the reduced band)',
      '  consumption tax 20% + 0.5 CNY per 0.5 l rate from built-in row 22089020 (消费税暂行条例 税目税率表, 白酒 20% plus 0.5 CNY per 500 g or 500 ml [M])',
      '  export rebate -          no source gives it',
      '  postal category -        no source gives it',
    ]);
  });

  it('gives every rate of a row with its source, under the indent asked for (knitted clothing in 2013)', () => {
    const lines = describeProductRates(productRates({ hsCode: '6109100000' }, '2013-06-01'), '> ');
    const illustrative = 'built-in row 61 (illustrative: duty, rebate and postal category are plausible values, not taken from a tariff text)';
    expect(lines).toEqual([
      `> duty 7%                  rate from ${illustrative}`,
      `> VAT 17%                  rate from the standard VAT band of 2013-06-01, as ${illustrative} says`,
      `> consumption tax 0%       rate from ${illustrative}`,
      `> export rebate 13%        rate from ${illustrative}`,
      `> postal category 2        rate from ${illustrative}`,
    ]);
  });
});
