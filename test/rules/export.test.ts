import { describe, expect, it } from 'vitest';
import { exportTaxTreatment, type ExporterProfile, type ExportTaxInput } from '../../src/rules/export.js';
import { RuleError } from '../../src/domain/errors.js';

const REFUND_READY: ExporterProfile = { generalVatPayer: true, rebateRegistered: true, hasPurchaseInvoices: true, inPilotZone: false };
const NO_INVOICES: ExporterProfile = { generalVatPayer: false, rebateRegistered: false, hasPurchaseInvoices: false, inPilotZone: true };
const shirts = [{ hsCode: '6109100000', purchasePrice: '1000.00' }];
const ask = (over: Partial<ExportTaxInput>) => exportTaxTreatment({ mode: '9610', date: '2019-06-01', exporter: REFUND_READY, lines: shirts, ...over });

describe('exportTaxTreatment (docs/domain.md §4.2)', () => {
  it('refunds a 9610 retail export of a refund-registered general VAT payer with invoices (财税〔2013〕96号 art. 1): 1,000 x 13% = 130.00', () => {
    const answer = ask({});
    expect(answer.treatment).toBe('rebate');
    expect(answer.trigger).toBe('export-declaration');
    expect(answer.rebate.toFixed(2)).toBe('130.00');
    expect(answer.reason).toMatch(/财税〔2013〕96号 art\. 1/);
  });

  it('triggers the 1210 refund on zone entry [M] and the 9810 refund on departure [P]', () => {
    expect(ask({ mode: '1210' })).toMatchObject({ treatment: 'rebate', trigger: 'zone-entry', reason: expect.stringMatching(/入区即退税/) });
    expect(ask({ mode: '9810', date: '2021-03-01' })).toMatchObject({ treatment: 'rebate', trigger: 'departure', reason: expect.stringMatching(/离境即退税/) });
    expect(ask({ mode: '9710', date: '2021-03-01' }).trigger).toBe('export-declaration');
  });

  it('rounds each line refund half-up to the fen and sums the lines', () => {
    const answer = ask({ lines: [{ hsCode: '6109100000', purchasePrice: '10.05' }, { hsCode: '3304100000', purchasePrice: '100.00', rebateRate: '0.10' }] });
    // 10.05 x 13% = 1.3065 -> 1.31; 100.00 x 10% (given) = 10.00
    expect(answer.lines.map((l) => [l.rebateRate.toString(), l.rebate.toFixed(2)])).toEqual([['0.13', '1.31'], ['0.1', '10.00']]);
    expect(answer.rebate.toFixed(2)).toBe('11.31');
  });

  it('exempts an exporter with purchase vouchers but no refund standing (财税〔2013〕96号 art. 2)', () => {
    const answer = ask({ exporter: { ...REFUND_READY, generalVatPayer: false } });
    expect(answer).toMatchObject({ treatment: 'exemption', reason: expect.stringMatching(/art\. 2.*not a general VAT payer/) });
    expect(answer.trigger).toBeUndefined();
    expect(answer.rebate.toFixed(2)).toBe('0.00');
  });

  it('exempts a pilot-zone 9610 exporter without invoices from 2018-10-01 (无票免税, 财税〔2018〕103号)', () => {
    expect(ask({ exporter: NO_INVOICES, date: '2018-10-01' })).toMatchObject({ treatment: 'exemption', reason: expect.stringMatching(/财税〔2018〕103号/) });
    expect(ask({ exporter: NO_INVOICES, date: '2018-09-30' })).toMatchObject({ treatment: 'taxable', reason: expect.stringMatching(/starts 2018-10-01/) });
    expect(ask({ exporter: NO_INVOICES, mode: '1210' }).treatment).toBe('taxable');
    expect(ask({ exporter: { ...NO_INVOICES, inPilotZone: false } }).treatment).toBe('taxable');
  });

  it('refuses a mode not yet in force, a non-export mode, and goods the table lacks, naming the field', () => {
    expect(() => ask({ mode: '9810', date: '2019-06-01' })).toThrow(/mode: is not in force on 2019-06-01/);
    expect(() => ask({ mode: '1239' as never })).toThrow(/mode: is not a CBEC export mode/);
    expect(() => ask({ lines: [{ hsCode: '0101210010', purchasePrice: '1' }] })).toThrow(/lines\[0\]\.hsCode: has no export rebate rate in the tariff table; give the line its own `rebateRate`/);
    expect(() => ask({ lines: [{ hsCode: '0101210010', purchasePrice: '-1', rebateRate: '1' }] })).toThrow(RuleError);
    expect(() => ask({ lines: [] })).toThrow(/lines: is empty/);
    expect(() => ask({ date: '2019-02-30' })).toThrow(/date: is not a real calendar date/);
  });
});
