export { RULES_POSTAL, RULES_2016, RULES_2019, RULE_SETS, rulesAt, defineRuleSet } from './rule-sets.js';
export type { RuleSetSpec } from './rule-sets.js';
export { MODES_INTRODUCED, modeAt, modesAt } from './modes.js';
export { retailImportTax } from './retail-import-tax.js';
export { compositeRate } from './composite-rate.js';
export { VAT_BANDS, MEASURE_UNITS, tariffRow, tariffRowsFor, vatRateAt } from './tariff.js';
export type { TariffRow, HighEndTier, VatBand, MeasureUnit, Measure, SpecificTax, PriceTest } from './tariff.js';
export { TARIFF } from './tariff-built-in.js';
export { productRates, missingRates, BUILT_IN_RATES } from './product-rates.js';
export type { OwnRates, RateOrigin, Sourced, ConsumptionRates, ProductRates, RateBook, NeededRate } from './product-rates.js';
export { ratesAtPrice } from './line-rates.js';
export type { RatesAtPrice } from './line-rates.js';
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
  TaxLineRates,
  LineRates,
  TaxInput,
  LineTax,
  TaxAssessment,
  QuotaDecision,
  QuotaLedger,
} from './types.js';
