import { describe, expect, it } from 'vitest';
import { tariffRow, vatRateAt } from '../../src/rules/tariff.js';
import { TARIFF } from '../../src/rules/tariff-built-in.js';
import { productRates } from '../../src/rules/product-rates.js';
import { ratesAtPrice } from '../../src/rules/line-rates.js';
import { compositeRate } from '../../src/rules/composite-rate.js';
import { defineRuleSet, RULES_2019 } from '../../src/rules/rule-sets.js';
import { money } from '../../src/money/money.js';
import { hsCodeProblem } from '../../src/domain/hs-code.js';
import { tariffLineProblem } from '../../src/domain/hs/nomenclature.js';

const at = (hsCode: string, day: string, price: string, measure?: { quantity: string; unit: 'l' | 'ml' | 'g' | 'stick' }) => {
  const result = ratesAtPrice(productRates({ hsCode }, day), money(price), measure && { quantity: money(measure.quantity), unit: measure.unit });
  if (typeof result === 'string') throw new Error(result);
  return result;
};

describe('built-in tariff rows', () => {
  it('finds goods by the longest prefix of the HS code among the rows in force on the day', () => {
    expect(tariffRow('3304100000', '2019-06-01')?.prefix).toBe('3304');
    expect(tariffRow('3304990000', '2019-06-01')?.prefix).toBe('3304');
    expect(tariffRow('3304990000', '2015-06-01')?.prefix).toBe('33049900');
    expect(tariffRow('6203420000', '2019-06-01')?.prefix).toBe('62');
    expect(tariffRow('0101210010', '2019-06-01')).toBeUndefined();
  });

  it('gives each row a source, marks illustrative duties, and uses real prefixes of the nomenclature', () => {
    for (const row of TARIFF) {
      expect(row.source).toMatch(/illustrative|〔|\[M\]/);
      if (row.duty !== undefined) expect(row.source).toMatch(/illustrative/);
      expect(hsCodeProblem(row.prefix.padEnd(10, '0').slice(0, 10), [10])).toBeUndefined();
    }
    for (const prefix of ['22089020', '22060010', '27101210', '27101923', '44191210', '44199010']) expect(tariffLineProblem(`${prefix}00`, '2023-01-01')).toBeUndefined();
  });

  it('takes the VAT rate of the date: standard 17% -> 16% (2018-05-01) -> 13% (2019-04-01); reduced 13 -> 11 (2017-07-01) -> 10 -> 9%', () => {
    expect(['2016-06-01', '2018-05-01', '2019-03-31', '2019-04-01'].map((d) => vatRateAt('standard', d).toString())).toEqual(['0.17', '0.16', '0.16', '0.13']);
    expect(['2017-06-30', '2017-07-01', '2018-05-01', '2019-04-01'].map((d) => vatRateAt('reduced', d).toString())).toEqual(['0.13', '0.11', '0.1', '0.09']);
    expect(productRates({ hsCode: '4901990000' }, '2020-01-01').vat.value.toString()).toBe('0.09');
    expect(productRates({ hsCode: '8471300000' }, '2018-06-01').vat.value.toString()).toBe('0.16');
  });

  it('taxes watches from 10,000 CNY as high-end: consumption tax 20%, postal category 3 (财税〔2006〕33号)', () => {
    expect(at('9102110000', '2019-06-01', '9999.99').rates.consumption.toString()).toBe('0');
    const dear = at('9102110000', '2019-06-01', '10000');
    expect([dear.rates.consumption.toString(), dear.postalCategory]).toEqual(['0.2', 3]);
  });

  it('taxes cosmetics at 15% from 2016-10-01 only when high-end: 10 CNY per ml or g, else 15 CNY per piece (财税〔2016〕103号)', () => {
    expect(at('3304990000', '2019-06-01', '800', { quantity: '50', unit: 'ml' }).rates.consumption.toString()).toBe('0.15'); // 16 CNY per ml
    expect(at('3304990000', '2019-06-01', '80', { quantity: '100', unit: 'g' }).rates.consumption.toString()).toBe('0'); // 0.8 CNY per g
    expect(at('3303000000', '2019-06-01', '14.99').rates.consumption.toString()).toBe('0'); // per piece, below 15
    expect(at('3303000000', '2019-06-01', '15').rates.consumption.toString()).toBe('0.15');
    // before 2016-10-01 make-up paid 30% and skin care nothing
    expect(at('3304100000', '2016-09-30', '5').rates.consumption.toString()).toBe('0.3');
    expect(at('3304990000', '2016-09-30', '500').rates.consumption.toString()).toBe('0');
  });

  it('charges the specific taxes of compound categories by measure: baijiu 20% + 0.5 CNY per 500 ml, cigarettes 56% + 0.003 CNY per stick from 70 CNY per 200 sticks', () => {
    const baijiu = at('2208902000', '2019-06-01', '300', { quantity: '0.5', unit: 'l' });
    expect([baijiu.rates.consumption.toString(), baijiu.specificPerUnit.toString()]).toEqual(['0.2', '0.5']);
    expect(at('2208902000', '2019-06-01', '300', { quantity: '1000', unit: 'ml' }).specificPerUnit.toString()).toBe('1');
    const cheap = at('2402200000', '2019-06-01', '60', { quantity: '200', unit: 'stick' });
    const dear = at('2402200000', '2019-06-01', '70', { quantity: '200', unit: 'stick' });
    expect([cheap.rates.consumption.toString(), cheap.specificPerUnit.toString()]).toEqual(['0.36', '0.6']);
    expect([dear.rates.consumption.toString(), dear.specificPerUnit.toString()]).toEqual(['0.56', '0.6']);
    const beer = at('2203000000', '2019-06-01', '6', { quantity: '0.494', unit: 'l' }); // 12,000 CNY per tonne: the 250 CNY rate
    expect(beer.specificPerUnit.toString()).toBe('0.125');
    expect(ratesAtPrice(productRates({ hsCode: '2208902000' }, '2019-06-01'), money('300'))).toMatch(/give their measure/);
  });

  it('leaves goods outside every consumption-tax category untaxed by it, and whisky at 10% (其他酒)', () => {
    expect(productRates({ hsCode: '6109100000' }, '2019-06-01').consumption.from.kind).toBe('built-in');
    expect(productRates({ hsCode: '8509800000' }, '2019-06-01').consumption).toMatchObject({ from: { kind: 'statute' } });
    expect(productRates({ hsCode: '2208300000' }, '2019-06-01').consumption.value.consumption.toString()).toBe('0.1');
  });
});

describe('compositeRate = (VAT + CT) / (1 - CT) x 70%', () => {
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
