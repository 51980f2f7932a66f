export { RULES_POSTAL, RULES_2016, RULES_2019, RULE_SETS, rulesAt, defineRuleSet } from './rule-sets.js';
export type { RuleSetSpec } from './rule-sets.js';
export { MODES_INTRODUCED, modeAt, modesAt } from './modes.js';
export { retailImportTax } from './retail-import-tax.js';
export { compositeRate } from './composite-rate.js';
export { TARIFF, VAT_BANDS, tariffRow, goodsRates, vatRateAt } from './tariff.js';
export type { TariffRow, HighEndTier, VatBand } from './tariff.js';
export { createQuotaLedger } from './quota.js';
export { exportTaxTreatment, NO_INVOICE_EXEMPTION_FROM } from './export.js';
export type { ExportMode, ExporterProfile, ExportLineInput, ExportTaxInput, ExportTreatment, RebateTrigger, ExportTaxAssessment } from './export.js';
export type {
  TaxRates,
  TaxRoute,
  TaxLimit,
  RuleSet,
  PostalCategory,
  PostalTerms,
  TaxLineInput,
  TaxInput,
  LineTax,
  TaxAssessment,
  QuotaDecision,
  QuotaLedger,
} from './types.js';
