import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOrder } from '../../src/domain/order.js';
import { describeTax, orderTax, type TaxCatalogue } from '../../src/rules/describe-tax.js';
import { defineRuleSet, RULES_2019 } from '../../src/rules/rule-sets.js';
import { money } from '../../src/money/money.js';
import { toEpoch } from '../../src/sim/clock.js';

const sample = JSON.parse(readFileSync(new URL('../../examples/orders/cosmetics-9610.json', import.meta.url), 'utf8'));
const serum = sample.lines[0];
const ROW_3304 = 'built-in row 3304 (消费税暂行条例 税目税率表, 高档化妆品 15% from 2016-10-01 at 10 CNY or more per ml or g or 15 CNY or more per piece (财税〔2016〕103号) [M]; below the test no consumption tax; illustrative: duty, rebate and postal category are plausible values, not taken from a tariff text)';

describe('the tax of an order in words', () => {
  it('gives the route, each line with its taxes and the rates it was taxed at, and the total: one high-end serum of 600.00 per 50 ml (12 CNY per ml)', () => {
    const order = parseOrder({ ...sample, lines: [{ ...serum, unitPrice: '600.00' }] });
    // dutiable 1,200 + 20 freight = 1,220; base 1,220 / 0.85; CT x 15% x 70% = 150.71; VAT x 16% x 70% = 160.75
    expect(describeTax(orderTax(order))).toBe(
      [
        'Retail import tax under RULES_2019: route cbec',
        '  line 1: dutiable 1,220.00, duty 0.00, consumption 150.71, VAT 160.75',
        `    duty 5%: rate from ${ROW_3304}`,
        `    VAT 16%: rate from the standard VAT band of 2019-03-15, as ${ROW_3304} says`,
        `    consumption tax 15% (high-end): rate from ${ROW_3304}`,
        '  total: duty 0.00 + consumption 150.71 + VAT 160.75 = 311.46 CNY',
        '',
      ].join('\n'),
    );
  });

  it('gives the reason of a route that leaves the CBEC channel on its own line', () => {
    const lines = describeTax(orderTax(parseOrder(sample), '25500.00')).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Retail import tax under RULES_2019: route general-trade',
      "  RULES_2019: the buyer's 25,500.00 CNY used this year plus this order's 1,019.70 CNY makes 26,519.70 CNY, over the annual limit of 26,000.00 CNY; the order is general trade, taxed in full.",
      '  line 1: dutiable 775.20, duty 0.00, consumption 0.00, VAT 0.00',
    ]);
    expect(lines.at(-2)).toBe('  total: duty 0.00 + consumption 0.00 + VAT 0.00 = 0.00 CNY');
  });

  it("adds a line's specific consumption tax: two 500 ml bottles of baijiu pay 1.00 CNY specific on top of 20%", () => {
    const baijiu = { ...serum, goods: { ...serum.goods, itemNo: 'BJ-500', hsCode: '2208902000', measure: undefined }, quantity: '2', unitPrice: '300.00' };
    const catalogue: TaxCatalogue = { tariff: [], products: new Map([['BJ-500', { rates: { duty: money('0.05') }, measure: { quantity: money('500'), unit: 'ml' } }]]) };
    const text = describeTax(orderTax(parseOrder({ ...sample, placedAt: '2019-06-01T10:00:00+08:00', freight: '0', lines: [baijiu] }), '0', catalogue));
    expect(text).toContain('  line 1: dutiable 600.00, duty 0.00, consumption 105.88, VAT 68.36\n    duty 5%: rate from product rates\n');
    expect(text).toContain('    consumption tax 20% + 1.00 CNY specific: rate from built-in row 22089020');
  });
});

describe('orderTax asks the question once per order draft', () => {
  it('answers the same lines, freight, insurance, day, annual use, catalogue and rules with the same assessment', () => {
    const order = parseOrder(sample);
    const tax = orderTax(order, '100.00');
    expect(orderTax(order, '100.00')).toBe(tax);
    expect(orderTax({ ...order }, '100.00')).toBe(tax);
  });

  it('asks again when anything the tax depends on changes', () => {
    const order = parseOrder(sample);
    const again = (changed: Parameters<typeof orderTax>) => {
      const before = orderTax(order);
      expect(orderTax(order)).toBe(before);
      const other = orderTax(...changed);
      expect(other).not.toBe(before);
      return other;
    };
    expect(again([order, '25500.00']).route).toBe('general-trade');
    expect(again([{ ...order, placedAt: toEpoch('2018-06-01') }]).rules.id).toBe('RULES_2016');
    expect(again([{ ...order, freight: money('0') }]).dutiableValue.toFixed(2)).toBe('999.70');
    expect(again([{ ...order, insurance: money('1.00') }]).dutiableValue.toFixed(2)).toBe('1020.70');
    expect(again([order, '0', { tariff: [], products: new Map([['SKB-SERUM-50', { rates: { vat: money('0.09') } }]]) }]).lines[0]?.vat.toFixed(2)).toBe('48.84');
    expect(again([order, '0', undefined, defineRuleSet({ id: 'FULL_SHARE', base: RULES_2019, withinLimitShare: '1' })]).total.toFixed(2)).toBe('163.15');
  });

  it('taxes a parcel from Hong Kong, Macao or Taiwan by the origin of its first line (postal regime: 800.00 limit)', () => {
    const at2013 = { ...sample, placedAt: '2013-06-01T10:00:00+08:00', freight: '0' }; // 999.70 of goods
    const origin = (country: string) => ({ ...at2013, lines: sample.lines.map((l: typeof serum) => ({ ...l, goods: { ...l.goods, originCountry: country } })) });
    expect(orderTax(parseOrder(origin('JP'))).route).toBe('postal');
    expect(orderTax(parseOrder(origin('HK'))).route).toBe('general-trade');
  });
});
