/**
 * The fen path's rules one by one, with worked numbers: routes and limits, the postal regime and
 * its waiver, the freight split in whole fen, and where it declines (then the caller asks the
 * Decimal reference). Each case also holds the fen path to the reference's own answer.
 */
import { describe, expect, it } from 'vitest';
import { FenTaxAnswer, FenTaxQuestion, fenRetailImportTax } from '../../src/rules/fen-tax.js';
import { fenAnswerOf, fenQuestionFrom } from '../../src/rules/fen-question.js';
import { fenLineTerms, fenLineValue, fenRules } from '../../src/rules/fen-terms.js';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import { defineRuleSet, RULES_2016, RULES_2019, RULES_POSTAL } from '../../src/rules/rule-sets.js';
import type { TaxInput, TaxLineInput } from '../../src/rules/types.js';
import { MoneyError } from '../../src/domain/errors.js';
import { money } from '../../src/money/money.js';

const NO_CT = { duty: '0.1', vat: '0.13', consumption: '0' };

/** The fen path's answer to `input`, held to the reference's: every figure equal, to the fen. */
function fen(input: TaxInput, capacity = 4): FenTaxAnswer {
  const q = new FenTaxQuestion(capacity);
  const a = new FenTaxAnswer(capacity);
  expect(fenQuestionFrom(input, q)).toBe(true);
  expect(fenRetailImportTax(q, a)).toBe(true);
  const reference = fenAnswerOf(retailImportTax(input), new FenTaxAnswer(capacity));
  const figures = (x: FenTaxAnswer) => ({ route: x.route, overLimit: x.overLimit, totals: [x.dutiable, x.duty, x.vat, x.consumption, x.total], lines: [...x.lineDutiable.keys()].slice(0, input.lines.length).map((i) => [x.lineDutiable[i], x.lineDuty[i], x.lineVat[i], x.lineConsumption[i]]) });
  expect(figures(a)).toEqual(figures(reference));
  return a;
}

const line = (unitPrice: string, quantity = 1, hsCode = '9503000000', rates: TaxLineInput['rates'] = NO_CT): TaxLineInput => ({ hsCode, quantity, unitPrice, rates });

describe('routes of the fen path (财关税〔2016〕18号, 〔2018〕49号)', () => {
  it('keeps an order of exactly 5,000.00 within the 2019 single limit: VAT 5,000 x 13% x 70% = 455.00', () => {
    const a = fen({ date: '2019-06-01', lines: [line('5000.00')] });
    expect([a.route, a.overLimit, a.dutiable, a.duty, a.vat, a.total]).toEqual(['cbec', undefined, 500_000, 0, 45_500, 45_500]);
  });

  it('sends two items of 3,000.00 to general trade over the single limit, with no CBEC tax on any line', () => {
    const a = fen({ date: '2019-06-01', lines: [line('3000.00'), line('3000.00')] });
    expect([a.route, a.overLimit, a.dutiable, a.duty, a.vat, a.consumption, a.total]).toEqual(['general-trade', 'single', 600_000, 0, 0, 0, 0]);
    expect([...a.lineDutiable.slice(0, 2), ...a.lineVat.slice(0, 2)]).toEqual([300_000, 300_000, 0, 0]);
  });

  it('sends one item of 3,000.00 to general trade under the 2016 rules, which allow no single item above the limit', () => {
    const a = fen({ date: '2017-06-01', lines: [line('3000.00')] });
    expect([a.route, a.overLimit, a.total]).toEqual(['general-trade', 'single', 0]);
  });

  it('taxes one item of 6,000.00 in full under the 2019 rules: duty 600.00, VAT 6,600 x 13% = 858.00', () => {
    const a = fen({ date: '2019-06-01', lines: [line('6000.00')] });
    expect([a.route, a.overLimit, a.duty, a.vat, a.total]).toEqual(['cbec-full', 'single', 60_000, 85_800, 145_800]);
  });

  it('sends two units of one line over the limit to general trade: a line of quantity 2 is not one indivisible item', () => {
    expect(fen({ date: '2019-06-01', lines: [line('3000.00', 2)] }).route).toBe('general-trade');
  });

  it('sends an order to general trade when the year total passes 26,000.00, and keeps it at exactly 26,000.00', () => {
    const over = fen({ date: '2019-06-01', lines: [line('200.00')], buyerAnnualUsed: '25800.01' });
    expect([over.route, over.overLimit, over.total]).toEqual(['general-trade', 'annual', 0]);
    const at = fen({ date: '2019-06-01', lines: [line('200.00')], buyerAnnualUsed: '25800.00' });
    expect([at.route, at.vat]).toEqual(['cbec', 1_820]);
  });
});

describe('the postal-articles tax on the fen path (before 2016-04-08)', () => {
  it('taxes a parcel of two 250.00 shirts (category 2, 20%) at 100.00', () => {
    const a = fen({ date: '2013-06-01', lines: [line('250.00', 2, '6109100000', undefined)] });
    expect([a.route, a.overLimit, a.duty, a.vat, a.consumption, a.total]).toEqual(['postal', undefined, 10_000, 0, 0, 10_000]);
  });

  it('waives a tax of at most 50.00: toys (category 1, 10%) of 500.00 pay nothing, of 500.10 pay 50.01', () => {
    const waived = fen({ date: '2013-06-01', lines: [line('250.00', 2, '9503000000', undefined)] });
    expect([waived.route, waived.duty, waived.total, waived.lineDuty[0]]).toEqual(['postal', 0, 0, 0]);
    const paid = fen({ date: '2013-06-01', lines: [line('250.05', 2, '9503000000', undefined)] });
    expect([paid.duty, paid.total]).toEqual([5_001, 5_001]);
  });

  it('limits a parcel from Hong Kong to 800.00 and one from Japan to 1,000.00, unless it is one indivisible item', () => {
    const parcel = (fromCountry: string, quantity: number, unitPrice: string) => fen({ date: '2013-06-01', fromCountry, lines: [line(unitPrice, quantity, '6109100000', undefined)] });
    expect([parcel('HK', 2, '450.00').route, parcel('HK', 2, '450.00').overLimit]).toEqual(['general-trade', 'parcel']);
    expect([parcel('JP', 2, '450.00').route, parcel('JP', 2, '450.00').duty]).toEqual(['postal', 18_000]);
    expect([parcel('HK', 2, '400.00').route, parcel('HK', 2, '400.00').duty]).toEqual(['postal', 16_000]);
    expect(parcel('JP', 2, '500.01').route).toBe('general-trade');
    expect([parcel('HK', 1, '900.00').route, parcel('HK', 1, '900.00').duty]).toEqual(['postal', 18_000]);
  });

  it('waives the tax of a parcel by its total over all lines: 30.00 + 30.00 is above 50.00 and paid', () => {
    const a = fen({ date: '2013-06-01', lines: [line('300.00', 1, '9503000000', undefined), line('300.00', 1, '9503000000', undefined)] });
    expect([a.duty, a.lineDuty[0], a.lineDuty[1]]).toEqual([6_000, 3_000, 3_000]);
  });
});

describe('freight and insurance spread in whole fen by largest remainder (the reference allocate)', () => {
  it('splits 10.00 over three lines of 100.00 as 3.34 / 3.33 / 3.33', () => {
    const a = fen({ date: '2019-06-01', freight: '8.00', insurance: '2.00', lines: [line('100.00'), line('100.00'), line('100.00')] });
    expect([...a.lineDutiable.slice(0, 3)]).toEqual([10_334, 10_333, 10_333]);
    expect(a.dutiable).toBe(31_000);
  });

  it('gives the leftover fen to the line with the largest remainder, not the first: 0.01 over 1.00 and 2.00 goes to the second', () => {
    const a = fen({ date: '2019-06-01', freight: '0.01', lines: [line('1.00'), line('2.00')] });
    expect([...a.lineDutiable.slice(0, 2)]).toEqual([100, 201]);
  });

  it('gives each leftover fen to the next largest remainder: 0.05 and 0.07 over lines of 1.00, 1.00 and 2.00', () => {
    // 0.05: shares 1.25 / 1.25 / 2.50 fen, floors 4 fen, the one left to the 2.00 line (remainder 0.50)
    expect([...fen({ date: '2019-06-01', freight: '0.05', lines: [line('1.00'), line('1.00'), line('2.00')] }).lineDutiable.slice(0, 3)]).toEqual([101, 101, 203]);
    // 0.07: shares 1.75 / 1.75 / 3.50 fen, floors 5 fen, the two left to the 1.00 lines (remainders 0.75)
    expect([...fen({ date: '2019-06-01', freight: '0.07', lines: [line('1.00'), line('1.00'), line('2.00')] }).lineDutiable.slice(0, 3)]).toEqual([102, 102, 203]);
  });

  it('splits evenly when every line is free: 0.10 over three lines of 0.00 is 0.04 / 0.03 / 0.03', () => {
    const a = fen({ date: '2019-06-01', freight: '0.10', lines: [line('0.00'), line('0.00'), line('0.00')] });
    expect([...a.lineDutiable.slice(0, 3)]).toEqual([4, 3, 3]);
  });

  it('adds all the freight to a single line, and nothing when there is none', () => {
    expect(fen({ date: '2019-06-01', freight: '12.34', lines: [line('100.00')] }).lineDutiable[0]).toBe(11_234);
    expect([...fen({ date: '2019-06-01', lines: [line('1.00'), line('2.00')] }).lineDutiable.slice(0, 2)]).toEqual([100, 200]);
  });
});

describe('where the fen path declines and the reference answers', () => {
  const ask = (setup: (q: FenTaxQuestion) => void): boolean => {
    const q = new FenTaxQuestion(2);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('100.00')] }, q)).toBe(true);
    setup(q);
    return fenRetailImportTax(q, new FenTaxAnswer(2));
  };

  it('answers the question as read, and declines one without rules, without lines, or above 10^12 fen of goods or of annual use', () => {
    expect(ask(() => undefined)).toBe(true);
    expect(ask((q) => (q.rules = undefined))).toBe(false);
    expect(ask((q) => (q.lines = 0))).toBe(false);
    expect(ask((q) => (q.value[0] = 1e12 + 1))).toBe(false);
    expect(ask((q) => (q.value[0] = 1e12))).toBe(true);
    expect(ask((q) => (q.used = 1e12 + 1))).toBe(false);
    expect(ask((q) => (q.freight = 1))).toBe(true);
    expect(ask((q) => ((q.freight = 1), (q.value[0] = 1e12)))).toBe(false);
  });

  it('declines a line without terms, and a postal line without a postal rate', () => {
    expect(ask((q) => (q.terms[0] = undefined))).toBe(false);
    const q = new FenTaxQuestion(1);
    expect(fenQuestionFrom({ date: '2013-06-01', lines: [line('100.00', 1, '6109100000', undefined)] }, q)).toBe(true);
    const cbecTerms = fenLineTerms({ duty: money('0'), vat: money('0.13'), consumption: money('0') }, fenRules(RULES_2019)!, undefined);
    q.terms[0] = cbecTerms;
    expect(fenRetailImportTax(q, new FenTaxAnswer(1))).toBe(false);
  });

  it('declines a split whose product of freight and total goods value passes 2^53', () => {
    const q = new FenTaxQuestion(2);
    expect(fenQuestionFrom({ date: '2019-06-01', freight: '100000.00', lines: [line('1.00'), line('1.00')] }, q)).toBe(true);
    q.value[0] = 1e11;
    q.value[1] = 1e11;
    expect(fenRetailImportTax(q, new FenTaxAnswer(2))).toBe(false);
  });

  it('does not read a question it cannot hold: more lines than its capacity, fractional quantities, prices finer than a fen', () => {
    const q = new FenTaxQuestion(1);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('1.00'), line('1.00')] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('1.00', 1.5 as never)] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [{ ...line('1.00'), quantity: '1.5' }] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('1.005')] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', freight: '0.001', lines: [line('1.00')] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('-1.00')] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('1.00')] }, q)).toBe(true);
    expect([q.lines, q.value[0], q.quantity[0], q.freight, q.insurance, q.used, q.fromHmt]).toEqual([1, 100, 1, 0, 0, 0, false]);
  });

  it('does not read freight, insurance or an annual use above 10^12 fen', () => {
    const big = '10000000000.01';
    const q = new FenTaxQuestion(1);
    const rules = defineRuleSet({ id: 'NO_LIMITS', base: RULES_2019, singleLimit: '9000000000.00', annualLimit: '9000000000.00' });
    expect(fenQuestionFrom({ date: '2019-06-01', rules, freight: '10000000000.00', lines: [line('1.00')] }, q)).toBe(true);
    expect(fenQuestionFrom({ date: '2019-06-01', rules, freight: big, lines: [line('1.00')] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', rules, insurance: big, lines: [line('1.00')] }, q)).toBe(false);
    expect(fenQuestionFrom({ date: '2019-06-01', rules, buyerAnnualUsed: big, lines: [line('1.00')] }, q)).toBe(false);
  });

  it('reads the freight, insurance, annual use and origin of the question', () => {
    const q = new FenTaxQuestion(1);
    expect(fenQuestionFrom({ date: '2013-06-01', freight: '1.23', insurance: '0.45', buyerAnnualUsed: '6.78', fromCountry: 'MO', lines: [line('2.00', 3, '6109100000', undefined)] }, q)).toBe(true);
    expect([q.lines, q.value[0], q.quantity[0], q.freight, q.insurance, q.used, q.fromHmt, q.rules?.postal]).toEqual([1, 600, 3, 123, 45, 678, true, true]);
  });
});

describe('the fen terms of a rule set and of a line', () => {
  it('writes the 2019 rules in fen and the 70% share as 7/10, once per rule set', () => {
    const rules = fenRules(RULES_2019);
    expect(rules).toBe(fenRules(RULES_2019));
    expect(rules && [rules.postal, rules.singleLimit, rules.annualLimit, rules.share.num, rules.share.den, rules.singleItemOverLimitAllowed, rules.postalRates]).toEqual([false, 500_000, 2_600_000, 7, 10, true, undefined]);
    expect(fenRules(RULES_2016)?.singleItemOverLimitAllowed).toBe(false);
  });

  it('writes the postal terms: rates 10 / 20 / 30 / 50%, waiver at 50.00, 800.00 from Hong Kong, Macao and Taiwan', () => {
    const rules = fenRules(RULES_POSTAL);
    expect(rules && [rules.postal, rules.singleLimit, rules.waiverThreshold, rules.hmtSingleLimit]).toEqual([true, 100_000, 5_000, 80_000]);
    expect(rules && ([1, 2, 3, 4] as const).map((c) => `${rules.postalRates?.[c].num}/${rules.postalRates?.[c].den}`)).toEqual(['1/10', '1/5', '3/10', '1/2']);
  });

  it('writes a what-if share of 50% as the fraction 1/2', () => {
    const whatIf = defineRuleSet({ id: 'SHARE_HALF', base: RULES_2019, withinLimitShare: '0.5' });
    expect(fenRules(whatIf)?.share).toEqual({ num: 1, den: 2 });
  });

  it('gives a line within the limits VAT x share / (1 - c) and consumption c x share / (1 - c): 13% and 15% at 70% make 91/850 and 21/170', () => {
    const terms = fenLineTerms({ duty: money('0.05'), vat: money('0.13'), consumption: money('0.15') }, fenRules(RULES_2019)!, undefined);
    expect(terms && [terms.withinVat, terms.withinConsumption, terms.duty, terms.fullConsumption, terms.vat, terms.divides, terms.postal]).toEqual([
      { num: 91, den: 850 },
      { num: 21, den: 170 },
      { num: 1, den: 20 },
      { num: 3, den: 17 },
      { num: 13, den: 100 },
      true,
      undefined,
    ]);
    expect(fenLineTerms({ duty: money('0'), vat: money('0.13'), consumption: money('0') }, fenRules(RULES_2019)!, undefined)?.divides).toBe(false);
  });

  it("gives a postal line its category's rate, and no terms without a category", () => {
    const rules = fenRules(RULES_POSTAL)!;
    const rates = { duty: money('0'), vat: money('0.17'), consumption: money('0') };
    expect(fenLineTerms(rates, rules, 3)?.postal).toEqual({ num: 3, den: 10 });
    expect(fenLineTerms(rates, rules, undefined)).toBeUndefined();
  });

  it('values a line at quantity x price in fen, when both are whole enough and at most 10^12 fen', () => {
    expect(fenLineValue(money(3), money('19.99'))).toBe(5_997);
    expect(fenLineValue(money('1.5'), money('2.00'))).toBeUndefined();
    expect(fenLineValue(money(1), money('0.001'))).toBeUndefined();
    expect(fenLineValue(money(10), money('1000000000.00'))).toBe(1e12);
    expect(fenLineValue(money(11), money('1000000000.00'))).toBeUndefined();
    expect(fenLineValue(money('100000000000000000000'), money('0.01'))).toBeUndefined();
  });
});

describe('a Decimal assessment in whole fen', () => {
  it('keeps the lines the answer has room for', () => {
    const tax = retailImportTax({ date: '2019-06-01', lines: [line('100.00'), line('200.00')] });
    const a = fenAnswerOf(tax, new FenTaxAnswer(1));
    expect([a.route, a.dutiable, a.vat, a.total, a.lineDutiable.length, a.lineDutiable[0], a.lineVat[0]]).toEqual(['cbec', 30_000, 2_730, 2_730, 1, 10_000, 910]);
  });

  it('refuses an amount above 2^53 fen, which the simulator cannot hold', () => {
    const huge = defineRuleSet({ id: 'HUGE', base: RULES_2019, singleLimit: '1000000000000000000', annualLimit: '1000000000000000000' });
    const tax = retailImportTax({ date: '2019-06-01', rules: huge, lines: [line('100000000000000.00')] });
    expect(() => fenAnswerOf(tax, new FenTaxAnswer(1))).toThrow(MoneyError);
    expect(() => fenAnswerOf(tax, new FenTaxAnswer(1))).toThrow(/too large to hold in whole fen exactly/);
  });
});

describe('one question and one answer reused from order to order', () => {
  it('clears the line taxes of an order that goes to general trade after one that paid', () => {
    const q = new FenTaxQuestion(1);
    const a = new FenTaxAnswer(1);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('6000.00')] }, q) && fenRetailImportTax(q, a)).toBe(true);
    expect([a.lineDuty[0], a.lineVat[0]]).toEqual([60_000, 85_800]);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('3000.00', 2)] }, q) && fenRetailImportTax(q, a)).toBe(true);
    expect([a.route, a.lineDuty[0], a.lineVat[0], a.lineConsumption[0], a.total]).toEqual(['general-trade', 0, 0, 0, 0]);
  });

  it('clears the consumption tax of a line taxed at the postal rate after one that paid it', () => {
    const q = new FenTaxQuestion(1);
    const a = new FenTaxAnswer(1);
    const wine = (date: string) => ({ date, lines: [line('1000.00', 1, '2204210000', { duty: '0.14', vat: '0.13', consumption: '0.1' })] });
    expect(fenQuestionFrom(wine('2019-06-01'), q) && fenRetailImportTax(q, a)).toBe(true);
    expect(a.lineConsumption[0]).toBeGreaterThan(0);
    expect(fenQuestionFrom(wine('2013-06-01'), q) && fenRetailImportTax(q, a)).toBe(true);
    // wine is postal category 4 (50%): one import tax of 500.00, no separate consumption tax or VAT
    expect([a.route, a.lineDuty[0], a.lineVat[0], a.lineConsumption[0]]).toEqual(['postal', 50_000, 0, 0]);
  });
});

describe('the postal tax takes in the specific consumption tax', () => {
  it('taxes two 500 ml bottles of baijiu of 300.00 (category 4, 50%) at 300.00, with nothing added per litre', () => {
    const a = fen({ date: '2013-06-01', lines: [{ hsCode: '2208902000', quantity: 2, unitPrice: '300.00', rates: { postalCategory: 4 }, measure: { quantity: '0.5', unit: 'l' } }] });
    expect([a.route, a.duty, a.vat, a.consumption, a.total]).toEqual(['postal', 30_000, 0, 0, 30_000]);
  });

  it('adds the specific tax within the limits: the same bottles in 2019, base (600 + 1.00) / 0.8 = 751.25, pay consumption (150.25 + 1.00) x 70% = 105.88 and VAT 751.25 x 13% x 70% = 68.36', () => {
    const a = fen({ date: '2019-06-01', lines: [{ hsCode: '2208902000', quantity: 2, unitPrice: '300.00', rates: { duty: '0.05' }, measure: { quantity: '0.5', unit: 'l' } }] });
    expect([a.route, a.consumption, a.vat]).toEqual(['cbec', 10_588, 6_836]);
  });
});

describe('figures the fen path cannot hold', () => {
  it('still answers for an annual use of exactly 10^12 fen (general trade)', () => {
    const q = new FenTaxQuestion(1);
    const a = new FenTaxAnswer(1);
    expect(fenQuestionFrom({ date: '2019-06-01', lines: [line('100.00')] }, q)).toBe(true);
    q.used = 1e12;
    expect(fenRetailImportTax(q, a)).toBe(true);
    expect([a.route, a.overLimit]).toEqual(['general-trade', 'annual']);
  });

  it('has no fen terms for a postal rule set without postal terms, or a share with more than 15 decimal places', () => {
    expect(fenRules({ ...RULES_POSTAL, postal: undefined } as never)).toBeUndefined();
    const fine = defineRuleSet({ id: 'FINE_SHARE', base: RULES_2019, withinLimitShare: '0.7000000000000001' });
    expect(fenRules(fine)).toBeUndefined();
    expect(fenRules(fine)).toBeUndefined();
    expect(fenQuestionFrom({ date: '2019-06-01', rules: fine, lines: [line('1.00')] }, new FenTaxQuestion(1))).toBe(false);
  });

  it('has no line terms for a consumption tax of 100% or rates too fine to multiply exactly', () => {
    const rules = fenRules(RULES_2019)!;
    expect(fenLineTerms({ duty: money('0'), vat: money('0.13'), consumption: money('1') }, rules, undefined)).toBeUndefined();
    expect(fenLineTerms({ duty: money('0'), vat: money('0.123456789012345'), consumption: money('0') }, rules, undefined)).toBeUndefined();
    expect(fenLineTerms({ duty: money('0.1234567890123456'), vat: money('0.13'), consumption: money('0') }, rules, undefined)).toBeUndefined();
    expect(fenLineTerms({ duty: money('0'), vat: money('0.13'), consumption: money('0.1234567890123456') }, rules, undefined)).toBeUndefined();
  });
});

