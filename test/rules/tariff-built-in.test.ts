/**
 * The built-in rows (docs/tariff.md, "The built-in rows"): their shape, and the statutory
 * consumption tax of every category an import can meet, on the days each rate was in force.
 */
import { describe, expect, it } from 'vitest';
import { TARIFF } from '../../src/rules/tariff-built-in.js';
import { productRates } from '../../src/rules/product-rates.js';

const consumption = (hsCode: string, day: string): string => {
  const c = productRates({ hsCode }, day).consumption.value;
  const specific = c.specific ? ` + ${c.specific.amount.toString()}/${c.specific.per.toString()} ${c.specific.unit}` : '';
  return `${c.consumption.toString()}${specific}`;
};

describe('the built-in rows', () => {
  it('each covers 2 to 10 digits of an HS code, says what goods it covers and where its rates come from, and its dates are days in order', () => {
    for (const row of TARIFF) {
      expect(row.prefix).toMatch(/^\d{2,10}$/);
      expect(row.description.length).toBeGreaterThan(3);
      expect(row.source.length).toBeGreaterThan(10);
      for (const day of [row.from, row.until]) if (day !== undefined) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (row.from !== undefined && row.until !== undefined) expect(row.from < row.until).toBe(true);
    }
  });

  it('gives common CBEC goods an illustrative duty, VAT band, export rebate and postal category, and says they are illustrative', () => {
    const common = TARIFF.filter((row) => row.duty !== undefined);
    expect(common.map((row) => row.prefix)).toEqual(['1901', '2106', '2204', '3304', '3304', '33049900', '4202', '4901', '61', '62', '8471', '8517', '8518', '9101', '9102', '9503']);
    for (const row of common) {
      expect([row.vatBand, row.exportRebate === undefined, row.postalCategory === undefined]).toEqual([row.prefix === '4901' ? 'reduced' : 'standard', false, false]);
      expect(row.source).toMatch(/illustrative: duty, rebate and postal category are plausible values, not taken from a tariff text$/);
    }
  });

  it('cites the consumption-tax table (消费税暂行条例 税目税率表) on every consumption-tax category row, which gives no duty', () => {
    const categories = TARIFF.filter((row) => row.duty === undefined);
    expect(categories).toHaveLength(48);
    for (const row of categories) {
      expect(row.source).toMatch(/^消费税暂行条例 税目税率表[,:] /);
      expect([row.exportRebate, row.postalCategory, row.vatBand]).toEqual([undefined, undefined, undefined]);
    }
  });

  it('says why diamonds, gold, platinum and silver jewellery pay no consumption tax at import: it is levied at retail (5%)', () => {
    for (const hsCode of ['7102100000', '7113110000', '7113190000']) expect(productRates({ hsCode }, '2019-06-01').consumption.from.label).toMatch(/is levied at retail in China \(5%\), not at import/);
  });
});

describe('the statutory consumption tax of each category (消费税税目税率表)', () => {
  it.each([
    ['wine (其他酒)', '2204210000', '2019-06-01', '0.1'],
    ['vermouth (其他酒)', '2205100000', '2019-06-01', '0.1'],
    ['yellow rice wine: 240 CNY per tonne of 962 l', '2206001000', '2019-06-01', '0 + 240/962 l'],
    ['cider and sake (其他酒)', '2206009000', '2019-06-01', '0.1'],
    ['whisky (其他酒)', '2208300000', '2019-06-01', '0.1'],
    ['baijiu: 20% + 0.5 CNY per 500 ml', '2208902000', '2019-06-01', '0.2 + 0.5/0.5 l'],
    ['beer: 220 CNY per tonne of 988 l', '2203000000', '2019-06-01', '0 + 220/988 l'],
    ['cigars', '2402100000', '2019-06-01', '0.36'],
    ['cigarettes: 36% + 0.003 CNY per stick', '2402200000', '2019-06-01', '0.36 + 0.003/1 stick'],
    ['water-pipe tobacco (烟丝)', '2403110000', '2019-06-01', '0.3'],
    ['other smoking tobacco (烟丝)', '2403190000', '2019-06-01', '0.3'],
    ['perfume before 2016-10-01 (化妆品 30%)', '3303000000', '2016-09-30', '0.3'],
    ['perfume from 2016-10-01 below the high-end test', '3303000000', '2016-10-01', '0'],
    ['make-up before 2016-10-01', '3304100000', '2016-09-30', '0.3'],
    ['make-up from 2016-10-01 below the high-end test', '3304100000', '2016-10-01', '0'],
    ['skin care before 2016-10-01 (exempt since 2006)', '3304990000', '2016-09-30', '0'],
    ['fireworks', '3604100000', '2019-06-01', '0.15'],
    ['solvent paint the day before the coatings tax (2015-02-01)', '3208100000', '2015-01-31', '0'],
    ['solvent paint (涂料 4%)', '3208100000', '2015-02-01', '0.04'],
    ['water-based paint (涂料 4%)', '3209100000', '2015-02-01', '0.04'],
    ['bamboo disposable chopsticks', '4419121000', '2019-06-01', '0.05'],
    ['wooden disposable chopsticks', '4419901000', '2019-06-01', '0.05'],
    ['solid wood floor strips', '4409100000', '2019-06-01', '0.05'],
    ['assembled wood flooring', '4418730000', '2019-06-01', '0.05'],
    ['pearls', '7101100000', '2019-06-01', '0.1'],
    ['diamonds (taxed at retail)', '7102100000', '2019-06-01', '0'],
    ['precious stones', '7103100000', '2019-06-01', '0.1'],
    ['silver jewellery (taxed at retail)', '7113110000', '2019-06-01', '0'],
    ['gold jewellery (taxed at retail)', '7113190000', '2019-06-01', '0'],
    ['jewellery of clad base metal', '7113200000', '2019-06-01', '0.1'],
    ['articles of pearls and stones', '7116100000', '2019-06-01', '0.1'],
    ['golf equipment from 2006-04-01', '9506310000', '2006-04-01', '0.1'],
    ['golf equipment before the 2006 reform', '9506310000', '2006-03-31', '0'],
    ['sailboats from 2006-04-01', '8903200000', '2006-04-01', '0.1'],
    ['motorboats from 2006-04-01', '8903310000', '2006-04-01', '0.1'],
    ['motorboats before the 2006 reform', '8903310000', '2006-03-31', '0'],
    ['a 50 ml motorcycle until 2014-11-30', '8711100000', '2014-11-30', '0.03'],
    ['a 50 ml motorcycle from 2014-12-01', '8711100000', '2014-12-01', '0'],
    ['a 125 ml motorcycle until 2014-11-30', '8711200000', '2014-11-30', '0.03'],
    ['a 125 ml motorcycle from 2014-12-01', '8711200000', '2014-12-01', '0'],
    ['a 400 ml motorcycle', '8711300000', '2019-06-01', '0.1'],
    ['a 600 ml motorcycle', '8711400000', '2019-06-01', '0.1'],
    ['an 800 ml motorcycle', '8711500000', '2019-06-01', '0.1'],
    ['a car up to 1.0 l', '8703210000', '2019-06-01', '0.01'],
    ['a car of 1.0 to 1.5 l', '8703221000', '2019-06-01', '0.03'],
    ['a car of 1.5 to 2.0 l', '8703234010', '2019-06-01', '0.05'],
    ['a car of 2.0 to 2.5 l', '8703235010', '2019-06-01', '0.09'],
    ['a car of 2.5 to 3.0 l', '8703236010', '2019-06-01', '0.12'],
    ['a car of 3.0 to 4.0 l', '8703241010', '2019-06-01', '0.25'],
    ['a car over 4.0 l', '8703242010', '2019-06-01', '0.4'],
    ['starter lead-acid batteries before 2016-01-01', '8507100000', '2015-12-31', '0'],
    ['starter lead-acid batteries from 2016-01-01', '8507100000', '2016-01-01', '0.04'],
    ['other lead-acid batteries from 2016-01-01', '8507200000', '2016-01-01', '0.04'],
    ['nickel-cadmium batteries from 2015-02-01', '8507300000', '2015-02-01', '0.04'],
    ['nickel-cadmium batteries before 2015-02-01', '8507300000', '2015-01-31', '0'],
    ['gasoline from 2015-01-13: 1.52 CNY per litre', '2710121000', '2015-01-13', '0 + 1.52/1 l'],
    ['gasoline before 2015-01-13', '2710121000', '2015-01-12', '0'],
    ['diesel from 2015-01-13: 1.20 CNY per litre', '2710192300', '2015-01-13', '0 + 1.2/1 l'],
  ])('%s (%s on %s): %s', (_what, hsCode, day, expected) => {
    expect(consumption(hsCode, day)).toBe(expected);
  });

  it('raises the tax of high-end goods: cosmetics 15% from 10 CNY per ml or g or 15 CNY per piece, watches 20% from 10,000 CNY, beer 250 CNY per tonne from 3,000 CNY per tonne, cigarettes 56% from 70 CNY per 200 sticks', () => {
    const tier = (hsCode: string, day = '2019-06-01') => {
      const h = productRates({ hsCode }, day).consumption.value.highEnd;
      return h && [h.from.map((t) => `${t.price.toString()}/${t.per.toString()} ${t.unit}`).join('; '), h.consumption.toString(), h.specific && `${h.specific.amount.toString()}/${h.specific.per.toString()} ${h.specific.unit}`, h.postalCategory];
    };
    expect(tier('3304990000')).toEqual(['10/1 ml; 15/1 piece', '0.15', undefined, undefined]);
    expect(tier('3303000000')).toEqual(['10/1 ml; 15/1 piece', '0.15', undefined, undefined]);
    expect(tier('3304990000', '2016-09-30')).toBeUndefined();
    expect(tier('9101110000')).toEqual(['10000/1 piece', '0.2', undefined, 3]);
    expect(tier('9102110000')).toEqual(['10000/1 piece', '0.2', undefined, 3]);
    expect(tier('2203000000')).toEqual(['3000/988 l', '0', '250/988 l', undefined]);
    expect(tier('2402200000')).toEqual(['70/200 stick', '0.56', '0.003/1 stick', undefined]);
  });
});
