import { describe, expect, it } from 'vitest';
import { defineRuleSet, RULES_2016 } from '../../src/rules/rule-sets.js';
import { exportTaxTreatment, type ExporterProfile, type ExportMode } from '../../src/rules/export.js';
import { ruleIssuesOf } from './rule-issues.js';

describe('defineRuleSet says what is wrong with each field and how to fix it', () => {
  it('names an empty id, an impossible day, a negative limit, missing fields, a share above 1 and an unknown mode', () => {
    expect(ruleIssuesOf(() => defineRuleSet({ id: '', effectiveFrom: '2030-02-30', regime: 'cbec', singleLimit: '-1', withinLimitShare: '1.2', modes: { '9999': 'soon' } as never }))).toEqual([
      ['id', '', 'must be a non-empty name such as "WHATIF_8000".'],
      ['effectiveFrom', '2030-02-30', 'is not a real calendar date: 2030-02 has 28 days.'],
      ['singleLimit', '-1', 'is negative; give zero or more.'],
      ['annualLimit', undefined, 'is missing; give it, or pass `base` (e.g. RULES_2019) to start from.'],
      ['withinLimitShare', '1.2', 'must be at most 1 (1 charges the full statutory tax).'],
      ['singleItemOverLimitAllowed', undefined, 'is missing; give it, or pass `base` (e.g. RULES_2019) to start from.'],
      ['modes.9999', '9999', 'is not a supervision mode; use one of 9610, 1210, 1239, 9710, 9810, 0110.'],
    ]);
  });

  it('names an unknown regime, a limit in fractions of a fen and a mode day that is not text', () => {
    expect(ruleIssuesOf(() => defineRuleSet({ id: 'X', base: RULES_2016, regime: 'other' as never, modes: { '9610': 5 } as never, annualLimit: '1.001' }))).toEqual([
      ['regime', 'other', "must be 'cbec' or 'postal'."],
      ['annualLimit', '1.001', 'has fractions of a fen; round it to 2 decimal places (toFen()) first.'],
      ['modes.9610', 5, "must be the first day in force, 'YYYY-MM-DD'."],
    ]);
  });

  it('asks the postal regime for a rate per category, the waiver threshold and the limit for Hong Kong, Macao and Taiwan', () => {
    expect(ruleIssuesOf(() => defineRuleSet({ id: 'P', base: RULES_2016, regime: 'postal' }))).toEqual([
      ...[1, 2, 3, 4].map((c) => [`postal.rates.${c}`, undefined, 'is missing; the postal regime needs a rate for each category 1 to 4.']),
      ['postal.waiverThreshold', undefined, 'is missing; give the tax amount at or below which it is waived (50).'],
      ['postal.hmtSingleLimit', undefined, 'is missing; give the parcel limit for Hong Kong, Macao and Taiwan (800).'],
    ]);
  });

  it('gives a CBEC rule set postal terms only when asked, complete and checked', () => {
    const terms = { rates: { 1: '0.1', 2: '0.2', 3: '0.3', 4: '0.5' }, waiverThreshold: '50', hmtSingleLimit: '800' };
    expect(defineRuleSet({ id: 'C', base: RULES_2016 }).postal).toBeUndefined();
    const withTerms = defineRuleSet({ id: 'C', base: RULES_2016, postal: terms });
    expect([withTerms.regime, withTerms.postal?.rates[4].toString(), withTerms.postal?.waiverThreshold.toString(), withTerms.postal?.hmtSingleLimit.toString()]).toEqual(['cbec', '0.5', '50', '800']);
    expect(Object.isFrozen(withTerms.postal)).toBe(true);
    expect(ruleIssuesOf(() => defineRuleSet({ id: 'C', base: RULES_2016, postal: { ...terms, rates: { ...terms.rates, 4: '1.5' } } }))).toEqual([
      ['postal.rates.4', '1.5', "must be a fraction from 0 up to but excluding 1 (13% is '0.13'); got 1.5."],
    ]);
  });
});

describe('export treatments say which rule applies and when the refund comes (docs/domain.md §4.2)', () => {
  const READY: ExporterProfile = { generalVatPayer: true, rebateRegistered: true, hasPurchaseInvoices: true, inPilotZone: false };
  const NO_VOUCHERS: ExporterProfile = { ...READY, hasPurchaseInvoices: false, inPilotZone: true };
  const reason = (mode: ExportMode, date: string, exporter: ExporterProfile) => exportTaxTreatment({ mode, date, exporter, lines: [{ hsCode: '6109100000', purchasePrice: '1000.00' }] }).reason;
  const REFUND = 'a general VAT payer registered for export refunds, with purchase VAT invoices.';

  it('refunds 9610 under 财税〔2013〕96号 and the B2B and bonded modes under the general refund rules, each at its own trigger', () => {
    expect(reason('9610', '2019-06-01', READY)).toBe(`Refund under 财税〔2013〕96号 art. 1: ${REFUND} The refund is claimable once the goods have left on the export declaration (报关单).`);
    expect(reason('1210', '2019-06-01', READY)).toBe(`Refund under the general export refund rules (财税〔2012〕39号): ${REFUND} The refund is triggered when the goods enter the special zone or bonded centre (入区即退税) [M].`);
    expect(reason('9710', '2021-03-01', READY)).toBe(`Refund under the general export refund rules (财税〔2012〕39号): ${REFUND} The refund is claimable once the goods have left on the export declaration (报关单).`);
    expect(reason('9810', '2021-03-01', READY)).toBe(`Refund under the general export refund rules (财税〔2012〕39号): ${REFUND} The refund is claimable on departure, before the overseas sale (离境即退税) [P].`);
  });

  it('exempts an exporter with vouchers but without refund standing, saying which standing is missing', () => {
    expect(reason('9610', '2019-06-01', { ...READY, rebateRegistered: false })).toBe('Exempt under 财税〔2013〕96号 art. 2: the exporter holds lawful purchase vouchers but is not registered for export refunds, so no refund.');
    expect(reason('9610', '2019-06-01', { ...READY, generalVatPayer: false })).toBe('Exempt under 财税〔2013〕96号 art. 2: the exporter holds lawful purchase vouchers but is not a general VAT payer, so no refund.');
  });

  it('exempts a pilot-zone 9610 exporter without vouchers from 2018-10-01, and taxes it before, or in another mode', () => {
    expect(reason('9610', '2018-10-01', NO_VOUCHERS)).toBe('Exempt without purchase invoices (无票免税) under 财税〔2018〕103号 (from 2018-10-01): a pilot-zone exporter declaring 9610 lists.');
    expect(reason('9610', '2018-09-30', NO_VOUCHERS)).toBe('Taxed as a domestic sale: no purchase vouchers, so neither refund nor exemption under 财税〔2013〕96号 (the pilot-zone no-invoice exemption starts 2018-10-01).');
    expect(reason('1210', '2019-06-01', NO_VOUCHERS)).toBe('Taxed as a domestic sale: no purchase vouchers, so neither refund nor exemption under 财税〔2013〕96号.');
  });

  it('refunds nothing outside the rebate treatment, line by line', () => {
    const answer = exportTaxTreatment({ mode: '9610', date: '2019-06-01', exporter: { ...READY, rebateRegistered: false }, lines: [{ hsCode: '6109100000', purchasePrice: '1000.00' }] });
    expect([answer.rebate.toFixed(2), answer.lines.map((l) => [l.rebateRate.toString(), l.rebate.toFixed(2)])]).toEqual(['0.00', [['0.13', '0.00']]]);
  });
});
