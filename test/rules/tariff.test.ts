import { describe, expect, it } from 'vitest';
import { goodsRates, TARIFF, tariffRow, vatRateAt } from '../../src/rules/tariff.js';
import { compositeRate } from '../../src/rules/composite-rate.js';
import { defineRuleSet, RULES_2019 } from '../../src/rules/rule-sets.js';
import { money } from '../../src/money/money.js';
import { hsCodeProblem } from '../../src/domain/hs-code.js';

describe('tariff table', () => {
  it('finds goods by the longest matching prefix of the HS code', () => {
    expect(tariffRow('3304100000')?.prefix).toBe('3304');
    expect(tariffRow('3304990000')?.prefix).toBe('33049900');
    expect(tariffRow('6203420000')?.prefix).toBe('62');
    expect(tariffRow('0101210010')).toBeUndefined();
  });

  it('covers the common CBEC goods, each row with a source or marked illustrative', () => {
    for (const hs of ['1901101000', '2106909090', '2204210000', '3304100000', '3304990000', '4202210000', '6109100000', '6203420000', '8471300000', '8517120000', '8518300000', '9101110000', '9102110000', '9503000000']) {
      expect(tariffRow(hs), hs).toBeDefined();
    }
    for (const row of TARIFF) {
      expect(row.source).toMatch(/illustrative|〔|\[M\]/);
      expect(hsCodeProblem(row.prefix.padEnd(10, '0'))).toBeUndefined();
    }
  });

  it('taxes watches from 10,000 CNY as high-end: consumption tax 20%, postal category 3 (财税〔2006〕33号)', () => {
    const watch = tariffRow('9102110000')!;
    expect(goodsRates(watch, money('9999.99'), '2019-06-01').rates.consumption.toString()).toBe('0');
    const dear = goodsRates(watch, money('10000'), '2019-06-01');
    expect([dear.rates.consumption.toString(), dear.postalCategory]).toEqual(['0.2', 3]);
  });

  it('takes the VAT rate of the date: standard 17% -> 16% (2018-05-01) -> 13% (2019-04-01); reduced 13 -> 11 -> 10 -> 9%', () => {
    expect(['2016-06-01', '2018-05-01', '2019-03-31', '2019-04-01'].map((d) => vatRateAt('standard', d).toString())).toEqual(['0.17', '0.16', '0.16', '0.13']);
    expect(['2017-06-30', '2017-07-01', '2018-05-01', '2019-04-01'].map((d) => vatRateAt('reduced', d).toString())).toEqual(['0.13', '0.11', '0.1', '0.09']);
    expect(goodsRates(tariffRow('4901990000')!, money(50), '2020-01-01').rates.vat.toString()).toBe('0.09');
  });
});

describe('compositeRate = (VAT + CT) / (1 - CT) x 70% (docs/domain.md §4.1)', () => {
  it.each([
    ['VAT 13%, no CT', '0.13', '0', '0.0910'],
    ['VAT 9%', '0.09', '0', '0.0630'],
    ['VAT 13% + CT 15% (high-end cosmetics)', '0.13', '0.15', '0.2306'],
    ['wine (CT 10%)', '0.13', '0.10', '0.1789'],
    ['watch from 10,000 CNY (CT 20%)', '0.13', '0.20', '0.2888'],
    ['VAT 17% before 2018-05', '0.17', '0', '0.1190'],
  ])('is %s -> %s', (_name, vat, consumption, expected) => {
    expect(compositeRate({ vat, consumption }).toFixed(4)).toBe(expected);
  });

  it("uses a rule set's share when given", () => {
    const full = defineRuleSet({ id: 'FULL', base: RULES_2019, withinLimitShare: '1' });
    expect(compositeRate({ vat: '0.13', consumption: '0' }, full).toString()).toBe('0.13');
  });
});
