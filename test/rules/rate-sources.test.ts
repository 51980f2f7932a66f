import { describe, expect, it } from 'vitest';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import { productRates } from '../../src/rules/product-rates.js';
import { TARIFF } from '../../src/rules/tariff-built-in.js';
import { readTariff } from '../../src/rules/tariff-file.js';
import { tariffRowOf } from '../../src/rules/tariff-schema.js';
import { money } from '../../src/money/money.js';

const tariff = readTariff('prefix,description,duty,source\n3303,Perfumes,0.03,test tariff\n6109,T-shirts,0.2,test tariff\n', 'test.csv').map(tariffRowOf);
const amounts = (tax: ReturnType<typeof retailImportTax>) => [tax.customsDuty, tax.consumptionTax, tax.vat, tax.total].map((m) => m.toFixed(2));

describe('tax with rates from each source, worked by hand', () => {
  it('built-in rows: a 200.00 T-shirt within the 2019 limits pays VAT 13% x 70% = 18.20, rate from the standard band as the built-in row 61 says', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '6109100000', quantity: 1, unitPrice: '200.00' }] });
    expect(amounts(tax)).toEqual(['0.00', '0.00', '18.20', '18.20']);
    expect(tax.lineRates[0]?.from.vat).toMatch(/^the standard VAT band of 2019-06-01, as built-in row 61/);
  });

  it("the user's tariff: one 6,000.00 perfume (cbec-full) pays duty 3% = 180.00, CT (6,180 / 0.85) x 15% = 1,090.59, VAT (6,180 + 1,090.59) x 13% = 945.18", () => {
    const tax = retailImportTax({ date: '2019-06-01', tariff, lines: [{ hsCode: '3303000000', quantity: 1, unitPrice: '6000.00' }] });
    expect(tax.route).toBe('cbec-full');
    expect(amounts(tax)).toEqual(['180.00', '1090.59', '945.18', '2215.77']);
    expect(tax.lineRates[0]?.from.duty).toBe('test.csv line 2, prefix 3303 (test tariff)');
    expect(tax.lineRates[0]?.from.consumption).toMatch(/^built-in row 3303/);
  });

  it("a product's own rates: duty 10% and no consumption tax on one 6,000.00 cream: duty 600.00, VAT 6,600 x 13% = 858.00", () => {
    const tax = retailImportTax({ date: '2019-06-01', tariff, lines: [{ hsCode: '3304990000', quantity: 1, unitPrice: '6000.00', rates: { duty: '0.10', consumption: '0' } }] });
    expect(amounts(tax)).toEqual(['600.00', '0.00', '858.00', '1458.00']);
    expect(tax.lineRates[0]?.from).toMatchObject({ duty: 'product rates', consumption: 'product rates' });
  });

  it('a specific tax: two 500 ml bottles of baijiu at 300.00: base (600 + 1.00) / 0.8 = 751.25, CT (150.25 + 1) x 70% = 105.88, VAT 751.25 x 13% x 70% = 68.36', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '2208902000', quantity: 2, unitPrice: '300.00', rates: { duty: '0.05' }, measure: { quantity: '500', unit: 'ml' } }] });
    expect(amounts(tax)).toEqual(['0.00', '105.88', '68.36', '174.24']);
    expect(tax.lineRates[0]?.specificConsumption.toString()).toBe('1');
  });

  it('names the measure when a specific tax needs one, and the HS code when no source gives a duty', () => {
    expect(() => retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '2208902000', quantity: 1, unitPrice: '300.00', rates: { duty: '0.05' } }] })).toThrow(/lines\[0\]\.measure: the goods carry a specific consumption tax of 0.5 CNY per 0.5 l/);
    expect(() => retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '3303000000', quantity: 1, unitPrice: '300.00' }] })).toThrow(/lines\[0\]\.hsCode: has no rate source that gives an MFN duty on 2019-06-01/);
  });
});

describe('precedence of rate sources: product rates, then the user tariff, then the built-in rows', () => {
  const book = { tariff, builtIn: TARIFF };

  it('takes each field from the first source that gives it', () => {
    expect(productRates({ hsCode: '6109100000' }, '2019-06-01').duty?.value.toString()).toBe('0.07');
    const fromTariff = productRates({ hsCode: '6109100000' }, '2019-06-01', book);
    expect([fromTariff.duty?.value.toString(), fromTariff.duty?.from.kind, fromTariff.exportRebate?.from.kind]).toEqual(['0.2', 'tariff', 'built-in']);
    const own = productRates({ hsCode: '6109100000', rates: { duty: money('0.3') } }, '2019-06-01', book);
    expect([own.duty?.value.toString(), own.duty?.from.kind]).toEqual(['0.3', 'product']);
  });

  it('leaves duty, rebate and postal category unset when no source gives them, and falls back to the statutory VAT band and no consumption tax', () => {
    const rates = productRates({ hsCode: '8509400000' }, '2019-06-01');
    expect([rates.duty, rates.exportRebate, rates.postalCategory]).toEqual([undefined, undefined, undefined]);
    expect([rates.vat.from.kind, rates.consumption.from.kind]).toEqual(['statute', 'statute']);
  });
});
