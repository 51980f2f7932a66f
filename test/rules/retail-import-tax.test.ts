import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import { defineRuleSet, RULES_2016, RULES_2019 } from '../../src/rules/rule-sets.js';
import type { TaxAssessment, TaxInput, TaxLineInput } from '../../src/rules/types.js';
import { money, sum } from '../../src/money/money.js';
import { amount } from '../../src/testing/amount.js';

const fixed = (a: TaxAssessment) => ({
  route: a.route,
  dutiableValue: a.dutiableValue.toFixed(2),
  customsDuty: a.customsDuty.toFixed(2),
  vat: a.vat.toFixed(2),
  consumptionTax: a.consumptionTax.toFixed(2),
  total: a.total.toFixed(2),
});
const VAT_13 = { duty: '0', vat: '0.13', consumption: '0' };
const COSMETICS = { duty: '0.05', vat: '0.13', consumption: '0.15' };

describe('retailImportTax within the CBEC limits (财关税〔2016〕18号, 〔2018〕49号: duty 0, 70% of VAT and consumption tax)', () => {
  it('charges 13% VAT goods of 500 CNY VAT 45.50, total 45.50 (500 x 13% x 70%)', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '1901101000', quantity: 1, unitPrice: '500.00', rates: VAT_13 }] });
    expect(fixed(tax)).toEqual({ route: 'cbec', dutiableValue: '500.00', customsDuty: '0.00', vat: '45.50', consumptionTax: '0.00', total: '45.50' });
    expect(tax.reason).toBeUndefined();
  });

  it('charges cosmetics (VAT 13%, CT 15%) of 1,000 + 20 freight CT 126.00, VAT 109.20, total 235.20 (1,020 / 0.85 = 1,200 base)', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '3304100000', quantity: 1, unitPrice: '1000.00', rates: COSMETICS }], freight: '20.00' });
    expect(fixed(tax)).toEqual({ route: 'cbec', dutiableValue: '1020.00', customsDuty: '0.00', vat: '109.20', consumptionTax: '126.00', total: '235.20' });
  });

  it('takes rates from the tariff table when a line has none: lipstick (3304) is high-end cosmetics at 23.06%', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '3304100000', quantity: 2, unitPrice: '500.00' }], freight: '20.00' });
    expect([tax.consumptionTax, tax.vat, tax.total].map((m) => m.toFixed(2))).toEqual(['126.00', '109.20', '235.20']);
  });

  it('uses the VAT rate of the date: infant formula of 500 CNY in 2016 at 17% -> VAT 59.50', () => {
    const tax = retailImportTax({ date: '2016-06-01', lines: [{ hsCode: '1901101000', quantity: 1, unitPrice: '500.00' }] });
    expect(tax.rules).toBe(RULES_2016);
    expect(fixed(tax)).toMatchObject({ route: 'cbec', vat: '59.50', total: '59.50' });
  });

  it('charges cosmetics 47% between 2016-04-08 and 2016-09-30 (VAT 17%, CT 30% before 财税〔2016〕103号): 1,000 -> CT 300.00, VAT 170.00', () => {
    const tax = retailImportTax({ date: '2016-06-01', lines: [{ hsCode: '3304100000', quantity: 1, unitPrice: '1000.00' }] });
    expect(fixed(tax)).toMatchObject({ route: 'cbec', consumptionTax: '300.00', vat: '170.00', total: '470.00' });
    const after = retailImportTax({ date: '2016-10-01', lines: [{ hsCode: '3304100000', quantity: 1, unitPrice: '1000.00' }] });
    // (17% + 15%) / 85% x 70% = 26.35%
    expect(fixed(after)).toMatchObject({ consumptionTax: '123.53', vat: '140.00', total: '263.53' });
  });

  it('splits 10.00 freight over three lines of 100.00 as 3.34 / 3.33 / 3.33 without losing a fen', () => {
    const line: TaxLineInput = { hsCode: '9503000000', quantity: 1, unitPrice: '100.00', rates: VAT_13 };
    const tax = retailImportTax({ date: '2019-06-01', lines: [line, line, line], freight: '10.00' });
    expect(tax.lines.map((l) => l.dutiableValue.toFixed(2))).toEqual(['103.34', '103.33', '103.33']);
    expect(tax.dutiableValue.toFixed(2)).toBe('310.00');
    // per line: 103.34 x 9.1% = 9.40394 -> 9.40; 103.33 x 9.1% = 9.40303 -> 9.40; total 28.20 (not 310 x 9.1% = 28.21)
    expect(tax.lines.map((l) => l.vat.toFixed(2))).toEqual(['9.40', '9.40', '9.40']);
    expect(tax.total.toFixed(2)).toBe('28.20');
  });

  it('spreads freight and insurance in proportion to line value', () => {
    const tax = retailImportTax({
      date: '2019-06-01',
      lines: [
        { hsCode: '6109100000', quantity: 3, unitPrice: '100.00' },
        { hsCode: '6109100000', quantity: 1, unitPrice: '100.00' },
      ],
      freight: '7.00',
      insurance: '1.00',
    });
    expect(tax.lines.map((l) => l.dutiableValue.toFixed(2))).toEqual(['306.00', '102.00']);
  });
});

describe('retailImportTax above the limits', () => {
  it('taxes a single 6,000 CNY item in 2019 in full on the CBEC route (财关税〔2018〕49号 art. 2)', () => {
    // duty = 6,000 x 5% = 300.00
    // consumption tax = (6,000 + 300) / (1 - 15%) x 15% = 1,111.7647... -> 1,111.76
    // VAT = (6,000 + 300 + 1,111.76) x 13% = 963.5288 -> 963.53
    // total = 300.00 + 1,111.76 + 963.53 = 2,375.29
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '3304100000', quantity: 1, unitPrice: '6000.00', rates: COSMETICS }] });
    expect(fixed(tax)).toEqual({ route: 'cbec-full', dutiableValue: '6000.00', customsDuty: '300.00', vat: '963.53', consumptionTax: '1111.76', total: '2375.29' });
    expect(tax.reason).toMatch(/one indivisible item/);
  });

  it('sends the same single 6,000 CNY item in 2016 to general trade (财关税〔2016〕18号: over the 2,000 single limit)', () => {
    const tax = retailImportTax({ date: '2016-06-01', lines: [{ hsCode: '3304100000', quantity: 1, unitPrice: '6000.00', rates: COSMETICS }] });
    expect(fixed(tax)).toEqual({ route: 'general-trade', dutiableValue: '6000.00', customsDuty: '0.00', vat: '0.00', consumptionTax: '0.00', total: '0.00' });
    expect(tax.reason).toMatch(/RULES_2016.*single-transaction limit of 2,000.00 CNY/);
  });

  it('sends two items over 5,000 in 2019 to general trade: only one indivisible item may use cbec-full', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '3304100000', quantity: 2, unitPrice: '3000.00', rates: COSMETICS }] });
    expect(tax.route).toBe('general-trade');
    expect(tax.reason).toMatch(/not one indivisible item/);
  });

  it('sends an order that pushes the buyer over the 26,000 annual limit to general trade', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '9503000000', quantity: 1, unitPrice: '3000.00' }], buyerAnnualUsed: '24000.00' });
    expect(fixed(tax)).toMatchObject({ route: 'general-trade', total: '0.00' });
    expect(tax.reason).toMatch(/27,000.00 CNY, over the annual limit of 26,000.00 CNY/);
  });

  it('keeps an order that reaches the annual limit exactly within it', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [{ hsCode: '9503000000', quantity: 1, unitPrice: '2000.00' }], buyerAnnualUsed: '24000.00' });
    expect(tax.route).toBe('cbec');
  });

  it('answers a what-if rule set given explicitly instead of the one in force', () => {
    const higher = defineRuleSet({ id: 'WHATIF_8000', base: RULES_2019, singleLimit: '8000' });
    const tax = retailImportTax({ date: '2019-06-01', rules: higher, lines: [{ hsCode: '3304100000', quantity: 2, unitPrice: '3000.00', rates: COSMETICS }] });
    expect(tax.route).toBe('cbec');
    expect(tax.rules.id).toBe('WHATIF_8000');
  });
});

describe('retailImportTax before 2016-04-08: postal-articles tax (10/20/30/50%, waived at 50 CNY or less) [M]', () => {
  it('waives the tax on 300 CNY of toys (category 1, 10%: 30.00 <= 50)', () => {
    const tax = retailImportTax({ date: '2013-10-01', lines: [{ hsCode: '9503000000', quantity: 3, unitPrice: '100.00' }] });
    expect(fixed(tax)).toMatchObject({ route: 'postal', total: '0.00' });
    expect(tax.reason).toMatch(/30.00 CNY is at most 50.00 CNY, so it is waived/);
  });

  it('taxes 900 CNY of clothing from Japan at 20%: 180.00, reported as the one import tax', () => {
    const tax = retailImportTax({ date: '2013-10-01', fromCountry: 'JP', lines: [{ hsCode: '6109100000', quantity: 2, unitPrice: '450.00' }] });
    expect(fixed(tax)).toEqual({ route: 'postal', dutiableValue: '900.00', customsDuty: '180.00', vat: '0.00', consumptionTax: '0.00', total: '180.00' });
  });

  it('refuses the same 900 CNY parcel from Hong Kong: over the 800 CNY limit for Hong Kong, Macao and Taiwan', () => {
    const tax = retailImportTax({ date: '2013-10-01', fromCountry: '110', lines: [{ hsCode: '6109100000', quantity: 2, unitPrice: '450.00' }] });
    expect(tax.route).toBe('general-trade');
    expect(tax.reason).toMatch(/limit of 800.00 CNY for parcels from Hong Kong, Macao or Taiwan/);
  });

  it('lets one indivisible item above the limit through: a 12,000 CNY watch is high-end, category 3 (30%)', () => {
    const tax = retailImportTax({ date: '2013-10-01', fromCountry: 'HKG', lines: [{ hsCode: '9102110000', quantity: 1, unitPrice: '12000.00' }] });
    expect(fixed(tax)).toMatchObject({ route: 'postal', customsDuty: '3600.00', total: '3600.00' });
  });
});

const HS = ['1901101000', '2106909090', '2204210000', '3304100000', '3304990000', '4202210000', '6109100000', '8517120000', '9102110000', '9503000000'];
const line: fc.Arbitrary<TaxLineInput> = fc.record({
  hsCode: fc.constantFrom(...HS),
  quantity: fc.integer({ min: 1, max: 4 }),
  unitPrice: amount('0.00', '7000.00'),
});
const order: fc.Arbitrary<TaxInput> = fc.record({
  date: fc.constantFrom('2013-10-01', '2016-06-01', '2018-06-01', '2019-06-01'),
  lines: fc.array(line, { minLength: 1, maxLength: 5 }),
  freight: amount('0.00', '200.00'),
  insurance: amount('0.00', '20.00'),
  buyerAnnualUsed: amount('0.00', '30000.00'),
  fromCountry: fc.constantFrom('JP', 'HK', 'US'),
});

describe('retailImportTax properties', () => {
  it('never charges a negative tax, and every total is the sum of its parts and of its rounded lines', () => {
    fc.assert(fc.property(order, (input) => {
      const tax = retailImportTax(input);
      for (const part of [tax.customsDuty, tax.vat, tax.consumptionTax, ...tax.lines.flatMap((l) => [l.customsDuty, l.vat, l.consumptionTax])]) {
        expect(part.isNegative()).toBe(false);
        expect(part.times(100).isInteger()).toBe(true);
      }
      expect(tax.total.eq(tax.customsDuty.plus(tax.vat).plus(tax.consumptionTax))).toBe(true);
      expect(tax.customsDuty.eq(sum(tax.lines.map((l) => l.customsDuty)))).toBe(true);
      expect(tax.vat.eq(sum(tax.lines.map((l) => l.vat)))).toBe(true);
      expect(tax.consumptionTax.eq(sum(tax.lines.map((l) => l.consumptionTax)))).toBe(true);
      expect(tax.dutiableValue.eq(sum(tax.lines.map((l) => l.dutiableValue)))).toBe(true);
      const goods = sum(input.lines.map((l) => money(l.quantity).times(money(l.unitPrice))));
      expect(tax.dutiableValue.eq(goods.plus(money(input.freight ?? 0)).plus(money(input.insurance ?? 0)))).toBe(true);
    }));
  });

  it('never charges more on the 70% route than in full for the same goods', () => {
    fc.assert(fc.property(fc.constantFrom(...HS), amount('0.01', '26000.00'), fc.constantFrom('2019-06-01', '2022-01-01'), (hsCode, unitPrice, date) => {
      const input = { date, lines: [{ hsCode, quantity: 1, unitPrice }] };
      const within = retailImportTax({ ...input, rules: defineRuleSet({ id: 'NO_SINGLE_LIMIT', base: RULES_2019, singleLimit: '26000' }) });
      const full = retailImportTax({ ...input, rules: defineRuleSet({ id: 'ALL_FULL', base: RULES_2019, singleLimit: '0' }) });
      expect(within.route).toBe('cbec');
      expect(full.route).toBe('cbec-full');
      expect(within.vat.lte(full.vat)).toBe(true);
      expect(within.consumptionTax.lte(full.consumptionTax)).toBe(true);
      expect(within.total.lte(full.total)).toBe(true);
    }));
  });
});

describe('retailImportTax names the limit an order is over (overLimit)', () => {
  const line = (unitPrice: string, quantity = 1): TaxLineInput => ({ hsCode: '9503000000', quantity, unitPrice, rates: VAT_13 });

  it('2019 rules: two items of 3,000 CNY are over the single limit of 5,000 (general trade, single)', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [line('3000.00'), line('3000.00')] });
    expect([tax.route, tax.overLimit]).toEqual(['general-trade', 'single']);
  });

  it('2019 rules: one indivisible item of 6,000 CNY stays CBEC at full tax, still over the single limit (cbec-full, single)', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [line('6000.00')] });
    expect([tax.route, tax.overLimit]).toEqual(['cbec-full', 'single']);
  });

  it('2019 rules: 1,000 CNY for a buyer who used 25,500 passes the annual limit of 26,000 (general trade, annual)', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [line('1000.00')], buyerAnnualUsed: '25500.00' });
    expect([tax.route, tax.overLimit]).toEqual(['general-trade', 'annual']);
  });

  it('postal-articles rules (2013): a parcel of two items of 600 CNY is over the 1,000 CNY parcel limit (general trade, parcel)', () => {
    const tax = retailImportTax({ date: '2013-10-14', lines: [line('600.00'), line('600.00')] });
    expect([tax.route, tax.overLimit]).toEqual(['general-trade', 'parcel']);
  });

  it('within the limits names none', () => {
    expect(retailImportTax({ date: '2019-06-01', lines: [line('100.00')] }).overLimit).toBeUndefined();
  });
});
