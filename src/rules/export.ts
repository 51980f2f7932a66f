/**
 * Export VAT treatment of a released CBEC export (docs/domain.md §4.2): refund (退税), exemption (免税)
 * or taxed as a domestic sale, when the refund is triggered, and how much it is.
 */
import type { TradeMode } from '../domain/model.js';
import type { Money, MoneyInput } from '../money/money.js';
import { RuleError } from '../domain/errors.js';
import { sum, toFen, ZERO } from '../money/money.js';
import { requireObject, RuleIssues } from './issues.js';
import { ruleDay } from './day.js';
import { modeAt } from './modes.js';
import { productRates } from './product-rates.js';

/** The CBEC export supervision modes. */
export type ExportMode = Extract<TradeMode, '9610' | '1210' | '9710' | '9810'>;

/** What the exporter is, as the tax office sees it. */
export interface ExporterProfile {
  /** A general VAT payer (一般纳税人). */
  readonly generalVatPayer: boolean;
  /** Registered for export VAT refund (出口退(免)税备案). */
  readonly rebateRegistered: boolean;
  /** Holds purchase VAT invoices or other lawful purchase vouchers (进货凭证) for the goods. */
  readonly hasPurchaseInvoices: boolean;
  /** Registered in a CBEC comprehensive pilot zone (综试区). */
  readonly inPilotZone: boolean;
}

/** One line of a released export. */
export interface ExportLineInput {
  readonly hsCode: string;
  /** What the exporter paid for the goods, excluding VAT. */
  readonly purchasePrice: MoneyInput;
  /** Overrides the tariff table's export rebate rate. */
  readonly rebateRate?: MoneyInput;
}

/** The question {@link exportTaxTreatment} answers. */
export interface ExportTaxInput {
  readonly mode: ExportMode;
  /** The date of release (Asia/Shanghai): decides which modes and rules exist. */
  readonly date: Date | string | number;
  readonly exporter: ExporterProfile;
  readonly lines: readonly ExportLineInput[];
}

/** Refund, exemption, or taxed as a domestic sale (视同内销征税). */
export type ExportTreatment = 'rebate' | 'exemption' | 'taxable';

/** The event that makes the refund claimable. */
export type RebateTrigger = 'zone-entry' | 'departure' | 'export-declaration';

/** The answer of {@link exportTaxTreatment}. */
export interface ExportTaxAssessment {
  readonly treatment: ExportTreatment;
  /** When the refund is triggered; present for `rebate` only. */
  readonly trigger?: RebateTrigger;
  /** Sum of the line refunds; zero unless `rebate`. */
  readonly rebate: Money;
  /** Per line: the rebate rate used and the refund, rounded half-up to the fen. */
  readonly lines: readonly { readonly rebateRate: Money; readonly rebate: Money }[];
  /** Why, citing the rule. */
  readonly reason: string;
}

/** 财税〔2018〕103号 "no invoice, no tax" for pilot-zone retail exports, in force from this day [M]. */
export const NO_INVOICE_EXEMPTION_FROM = '2018-10-01';

const EXPORT_MODES: readonly ExportMode[] = ['9610', '1210', '9710', '9810'];

const TRIGGERS: Readonly<Record<ExportMode, { readonly trigger: RebateTrigger; readonly why: string }>> = {
  '9610': { trigger: 'export-declaration', why: 'claimable once the goods have left on the export declaration (报关单)' },
  '1210': { trigger: 'zone-entry', why: 'triggered when the goods enter the special zone or bonded centre (入区即退税) [M]' },
  '9710': { trigger: 'export-declaration', why: 'claimable once the goods have left on the export declaration (报关单)' },
  '9810': { trigger: 'departure', why: 'claimable on departure, before the overseas sale (离境即退税) [P]' },
};

/**
 * The VAT treatment of a released CBEC export and its refund.
 *
 * - `rebate` (退(免)税), 财税〔2013〕96号 art. 1 (9610 retail exports; the general export rules,
 *   财税〔2012〕39号, for the other modes) [C/M]: a general VAT payer registered for refunds, with
 *   purchase VAT invoices. Refund = purchase price excl. VAT x the rebate rate of the tariff row,
 *   per line, rounded half-up to the fen. Assumes the declaration matches and foreign exchange was
 *   received in time.
 * - `exemption` (免税), 财税〔2013〕96号 art. 2: not refund-eligible but holding lawful purchase
 *   vouchers; or, from 2018-10-01, a pilot-zone exporter declaring 9610 lists without purchase
 *   invoices (无票免税, 财税〔2018〕103号) [M].
 * - `taxable` otherwise: taxed as a domestic sale.
 *
 * The refund trigger: 1210 on zone entry [M]; 9810 on departure [P]; 9610 and 9710 on the export
 * declaration once the goods have left.
 *
 * @throws {@link RuleError} naming `mode` for a mode that is not a CBEC export mode or not yet in
 *   force on `date`, `date` for an impossible date, and `lines[i].hsCode` for goods the table lacks
 *   (give `rebateRate` instead)
 * @example
 * ```ts
 * exportTaxTreatment({
 *   mode: '1210', date: '2021-03-01',
 *   exporter: { generalVatPayer: true, rebateRegistered: true, hasPurchaseInvoices: true, inPilotZone: true },
 *   lines: [{ hsCode: '6109100000', purchasePrice: '1000.00' }],
 * }); // { treatment: 'rebate', trigger: 'zone-entry', rebate: 130.00, ... }
 * ```
 */
export function exportTaxTreatment(input: ExportTaxInput): ExportTaxAssessment {
  requireObject(input, 'an export tax question, an object with mode, date, exporter and lines');
  const day = ruleDay(input.date);
  checkMode(input.mode, input.date, day);
  const issues = new RuleIssues();
  issues.object(input.exporter, ['exporter'], 'an exporter profile, an object');
  if (!Array.isArray(input.lines)) issues.add(['lines'], input.lines, 'must be a list of lines.');
  const given = Array.isArray(input.lines) ? (input.lines as readonly unknown[]) : [];
  const lines = issues.checked(given.map((line, i) => (issues.object(line, ['lines', i], 'a line, an object with hsCode and purchasePrice') ? readLine(issues, line as ExportLineInput, i, day) : undefined)));
  if (lines.length === 0) throw new RuleError([{ path: ['lines'], value: input.lines, reason: 'is empty; give at least one line.' }]);
  const { treatment, reason } = decide(input.mode, input.exporter, day);
  const refunds = lines.map(({ purchasePrice, rebateRate }) => ({
    rebateRate,
    rebate: treatment === 'rebate' ? toFen(purchasePrice.times(rebateRate)) : ZERO,
  }));
  const total = sum(refunds.map((l) => l.rebate));
  if (treatment !== 'rebate') return { treatment, rebate: total, lines: refunds, reason };
  const { trigger, why } = TRIGGERS[input.mode];
  return { treatment, trigger, rebate: total, lines: refunds, reason: `${reason} The refund is ${why}.` };
}

function checkMode(mode: ExportMode, date: ExportTaxInput['date'], day: string): void {
  if (!EXPORT_MODES.includes(mode)) {
    throw new RuleError([{ path: ['mode'], value: mode, reason: `is not a CBEC export mode; use one of ${EXPORT_MODES.join(', ')}.` }]);
  }
  if (modeAt(date, mode) !== mode) {
    throw new RuleError([{ path: ['mode'], value: mode, reason: `is not in force on ${day}; before it such exports were declared as ordinary trade (0110), which this function does not cover.` }]);
  }
}

function readLine(issues: RuleIssues, line: ExportLineInput, i: number, day: string): { purchasePrice: Money; rebateRate: Money } | undefined {
  const purchasePrice = issues.nonNegative(line.purchasePrice, ['lines', i, 'purchasePrice']);
  const given = line.rebateRate === undefined ? undefined : issues.rate(line.rebateRate, ['lines', i, 'rebateRate']);
  const hsCode = issues.hsCode(line.hsCode, ['lines', i, 'hsCode']);
  const fromTariff = given === undefined && hsCode !== undefined ? productRates({ hsCode }, day).exportRebate?.value : undefined;
  if (hsCode !== undefined && line.rebateRate === undefined && fromTariff === undefined) {
    issues.add(['lines', i, 'hsCode'], hsCode, 'has no export rebate rate in the tariff table; give the line its own `rebateRate`.');
  }
  const rebateRate = given ?? fromTariff;
  return purchasePrice && rebateRate ? { purchasePrice, rebateRate } : undefined;
}

function decide(mode: ExportMode, exporter: ExporterProfile, day: string): { treatment: ExportTreatment; reason: string } {
  const rule = mode === '9610' ? '财税〔2013〕96号 art. 1' : 'the general export refund rules (财税〔2012〕39号)';
  if (exporter.generalVatPayer && exporter.rebateRegistered && exporter.hasPurchaseInvoices) {
    return { treatment: 'rebate', reason: `Refund under ${rule}: a general VAT payer registered for export refunds, with purchase VAT invoices.` };
  }
  if (exporter.hasPurchaseInvoices) {
    return {
      treatment: 'exemption',
      reason: `Exempt under 财税〔2013〕96号 art. 2: the exporter holds lawful purchase vouchers but is not ${exporter.generalVatPayer ? 'registered for export refunds' : 'a general VAT payer'}, so no refund.`,
    };
  }
  if (exporter.inPilotZone && mode === '9610' && day >= NO_INVOICE_EXEMPTION_FROM) {
    return { treatment: 'exemption', reason: `Exempt without purchase invoices (无票免税) under 财税〔2018〕103号 (from ${NO_INVOICE_EXEMPTION_FROM}): a pilot-zone exporter declaring 9610 lists.` };
  }
  const noInvoice = exporter.inPilotZone && mode === '9610' ? ` (the pilot-zone no-invoice exemption starts ${NO_INVOICE_EXEMPTION_FROM})` : '';
  return { treatment: 'taxable', reason: `Taxed as a domestic sale: no purchase vouchers, so neither refund nor exemption under 财税〔2013〕96号${noInvoice}.` };
}
