/**
 * cbec-sim: a simulator of cross-border e-commerce orders in China's approved customs channels.
 *
 * @packageDocumentation
 */
export { MoneyDecimal, money, cny, toFen, ZERO, sum, formatCny, allocate, createFxTable } from './money/index.js';
export type { Money, MoneyInput, FxRates, FxTable } from './money/index.js';

export {
  CbecError,
  ValidationError,
  MoneyError,
  ScenarioError,
  MessageError,
  RuleError,
  TransitionError,
  isCbecError,
  formatPath,
} from './domain/errors.js';
export type { CbecErrorCode, ValidationIssue } from './domain/errors.js';
export type {
  TradeMode,
  IeFlag,
  OrderType,
  IdType,
  PartyRole,
  Party,
  Address,
  Buyer,
  Consignee,
  Goods,
  LineItem,
  Order,
  Payment,
  Waybill,
  InventoryLine,
  InventoryList,
} from './domain/model.js';
export { parseOrder, orderInputSchema } from './domain/order.js';
export type { OrderInput } from './domain/order.js';
export { residentIdCheckChar, residentIdProblem, isValidResidentId } from './domain/resident-id.js';
export { hsCodeProblem, hsHeading } from './domain/hs-code.js';
export type { HsDigits } from './domain/hs-code.js';
export { CURRENCIES, COUNTRIES, currencyByCode, countryByCode } from './domain/codes.js';
export type { Currency, Country } from './domain/codes.js';
export { isGuid, isPreNo, isInvtNo, isOrderNo, formatGuid, formatPreNo, formatInvtNo, GUID_PATTERN, INVT_NO_PATTERN } from './domain/identifiers.js';

export { createRng } from './sim/rng.js';
export type { Rng, Weighted } from './sim/rng.js';
export {
  SimClock,
  SHANGHAI,
  MS,
  shanghaiDate,
  cebTime,
  startOfShanghaiDay,
  isWorkingDay,
  workingDayOnOrAfter,
  nextWorkingDay,
  startOfShanghaiMonth,
  endOfShanghaiMonth,
  nthWorkingDay,
  toEpoch,
} from './sim/clock.js';
export type { WorkCalendar } from './sim/clock.js';

export {
  RULES_POSTAL,
  RULES_2016,
  RULES_2019,
  RULE_SETS,
  rulesAt,
  defineRuleSet,
  MODES_INTRODUCED,
  modeAt,
  modesAt,
  retailImportTax,
  compositeRate,
  TARIFF,
  VAT_BANDS,
  tariffRow,
  goodsRates,
  vatRateAt,
  createQuotaLedger,
  exportTaxTreatment,
  NO_INVOICE_EXEMPTION_FROM,
} from './rules/index.js';
export type {
  RuleSetSpec,
  TariffRow,
  HighEndTier,
  VatBand,
  ExportMode,
  ExporterProfile,
  ExportLineInput,
  ExportTaxInput,
  ExportTreatment,
  RebateTrigger,
  ExportTaxAssessment,
  TaxRates,
  TaxRoute,
  RuleSet,
  PostalCategory,
  PostalTerms,
  TaxLineInput,
  TaxInput,
  LineTax,
  TaxAssessment,
  QuotaDecision,
  QuotaLedger,
} from './rules/index.js';
