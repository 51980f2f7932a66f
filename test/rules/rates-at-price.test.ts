import { describe, expect, it } from 'vitest';
import { productRates, missingRates, type RateBook } from '../../src/rules/product-rates.js';
import { ratesAtPrice } from '../../src/rules/line-rates.js';
import { money } from '../../src/money/money.js';
import type { Measure } from '../../src/rules/tariff.js';

const rates = (hsCode: string, price: string, measure?: Measure, day = '2019-06-01') => ratesAtPrice(productRates({ hsCode }, day), money(price), measure);
const ml = (quantity: string): Measure => ({ quantity: money(quantity), unit: 'ml' });

describe('the high-end test of a consumption-tax category', () => {
  it('passes at exactly the threshold price per quantity: 500.00 for 50 ml of cosmetics is 10 CNY per ml', () => {
    expect(rates('3304990000', '500.00', ml('50'))).toMatchObject({ highEnd: true, rates: { consumption: money('0.15') } });
    expect(rates('3304990000', '499.99', ml('50'))).toMatchObject({ highEnd: false, rates: { consumption: money('0') } });
  });

  it('compares litres with millilitres and kilograms with grams: 1 g of cream at 10.00 is 10 CNY per g, and 0.001 kg is the same gram', () => {
    expect(rates('3304990000', '10.00', { quantity: money('0.001'), unit: 'kg' })).toMatchObject({ highEnd: true });
    expect(rates('3304990000', '9.99', { quantity: money('1'), unit: 'g' })).toMatchObject({ highEnd: false });
    expect(rates('3304990000', '10.00', { quantity: money('0.001'), unit: 'l' })).toMatchObject({ highEnd: true });
  });

  it('needs a measure it can compare with: a watch measured in litres cannot be tested', () => {
    expect(rates('9102110000', '20000', { quantity: money('1'), unit: 'l' })).toBe("the high-end test is 10000 CNY per 1 piece: give the goods' measure (quantity per unit) in one of those units");
    expect(rates('3304990000', '20', { quantity: money('0'), unit: 'ml' })).toBe("the high-end test is 10 CNY per 1 ml or 15 CNY per 1 piece: give the goods' measure (quantity per unit) in one of those units");
  });

  it('takes the tier of high-end goods: its rate, its specific tax and its postal category (cigarettes of 70 CNY per 200 sticks: 56% + 0.003 CNY a stick)', () => {
    const dear = rates('2402200000', '14.00', { quantity: money('20'), unit: 'stick' });
    expect(typeof dear !== 'string' && [dear.highEnd, dear.rates.consumption.toString(), dear.specificPerUnit.toString()]).toEqual([true, '0.56', '0.06']);
    const watch = rates('9102110000', '10000');
    expect(typeof watch !== 'string' && [watch.highEnd, watch.rates.consumption.toString(), watch.postalCategory, watch.rates.duty.toString()]).toEqual([true, '0.2', 3, '0.08']);
    const cheap = rates('9102110000', '9999.99');
    expect(typeof cheap !== 'string' && [cheap.highEnd, cheap.postalCategory]).toEqual([false, 2]);
  });
});

describe('specific taxes by measure', () => {
  it('cannot express a tax per litre in sticks, and says which unit to give', () => {
    expect(rates('2208902000', '100', { quantity: money('2'), unit: 'stick' })).toBe('the goods carry a specific consumption tax of 0.5 CNY per 0.5 l, which a measure in stick cannot express: give it in l');
  });

  it('gives no specific tax to goods without one, and a duty of zero when no source gives a duty', () => {
    const baijiu = rates('2208902000', '300', { quantity: money('0.5'), unit: 'l' });
    expect(typeof baijiu !== 'string' && [baijiu.rates.duty.toString(), baijiu.specificPerUnit.toString(), baijiu.postalCategory]).toEqual(['0', '0.5', undefined]);
    const toy = rates('9503000000', '300');
    expect(typeof toy !== 'string' && [toy.specificPerUnit.toString(), toy.highEnd, toy.postalCategory]).toEqual(['0', false, 1]);
  });
});

describe('where each rate comes from', () => {
  const book = (origin?: string): RateBook => ({
    tariff: [{ prefix: '61', description: '', duty: money('0.2'), vatBand: 'reduced', consumption: money('0.1'), specific: { amount: money('1'), per: money('1'), unit: 'piece' }, source: 'S', ...(origin ? { origin } : {}) }],
    builtIn: [],
  });

  it("names a user's row by where it was read, or as the tariff, with its prefix and source", () => {
    expect(productRates({ hsCode: '6109100000' }, '2019-06-01', book('t.csv line 2')).duty?.from.label).toBe('t.csv line 2, prefix 61 (S)');
    const r = productRates({ hsCode: '6109100000' }, '2019-06-01', book());
    expect([r.duty?.from.label, r.vat.value.toString(), r.vat.from.label, r.vat.from.kind]).toEqual(['the tariff, prefix 61 (S)', '0.09', 'the reduced VAT band of 2019-06-01, as the tariff, prefix 61 (S) says', 'tariff']);
    expect([r.consumption.value.consumption.toString(), r.consumption.value.specific?.amount.toString(), r.consumption.from.label]).toEqual(['0.1', '1', 'the tariff, prefix 61 (S)']);
  });

  it("takes a product's own VAT band at the rate of the day, and its own specific tax as its whole consumption tax", () => {
    expect(productRates({ hsCode: '6109100000', rates: { vatBand: 'reduced' } }, '2019-06-01').vat).toEqual({ value: money('0.09'), from: { kind: 'product', label: 'product rates (reduced VAT band of 2019-06-01)' } });
    const own = productRates({ hsCode: '2208902000', rates: { specific: { amount: money('1'), per: money('1'), unit: 'l' } } }, '2019-06-01').consumption;
    expect([own.value.consumption.toString(), own.value.specific?.amount.toString(), own.value.highEnd, own.from.kind]).toEqual(['0', '1', undefined, 'product']);
  });

  it('says which fields a product lacks for a direction of trade', () => {
    const baijiu = productRates({ hsCode: '2208902000' }, '2019-06-01');
    expect(missingRates(baijiu, ['duty', 'exportRebate', 'postalCategory'])).toEqual(['duty', 'exportRebate', 'postalCategory']);
    expect(missingRates(productRates({ hsCode: '6109100000' }, '2019-06-01'), ['duty', 'exportRebate', 'postalCategory'])).toEqual([]);
  });
});
