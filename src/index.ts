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
  MissingDependencyError,
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
export {
  CURRENCIES,
  COUNTRIES,
  currencyByCode,
  countryByCode,
  UNITS,
  unitByCode,
  TRANSPORT_MODES,
  transportModeByCode,
  PACKAGE_TYPES,
  packageTypeByCode,
  SUPERVISION_MODES,
  supervisionModeByCode,
  CUSTOMS_DISTRICTS,
  customsDistrictByCode,
} from './domain/codes/index.js';
export type { Currency, Country, Unit, CodeName, SupervisionMode, CustomsDistrict } from './domain/codes/index.js';
export { isGuid, isPreNo, isInvtNo, isOrderNo, formatGuid, formatPreNo, formatInvtNo, GUID_PATTERN, INVT_NO_PATTERN } from './domain/identifiers.js';

export { createRng } from './sim/rng.js';
export type { Rng, Weighted } from './sim/rng.js';
export {
  SimClock,
  SHANGHAI,
  MS,
  shanghaiDate,
  shanghaiDateTime,
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
export { officialWorkCalendar, scenarioWorkCalendar } from './sim/holidays.js';
export type { OfficialCalendar, CalendarSettings } from './sim/holidays.js';

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
} from './rules/index.js';

// reference data: nomenclature, tariff as data, rate sources, positive list
export { NOMENCLATURE_EDITIONS, nomenclatureEditionAt, tariffLineCount, tariffLines, isTariffLine, tariffLineProblem } from './domain/hs/nomenclature.js';
export type { NomenclatureEdition } from './domain/hs/nomenclature.js';
export { MEASURE_UNITS, tariffRowsFor, productRates, missingRates, BUILT_IN_RATES, ratesAtPrice } from './rules/index.js';
export type {
  Measure,
  MeasureUnit,
  SpecificTax,
  PriceTest,
  OwnRates,
  RateOrigin,
  Sourced,
  ConsumptionRates,
  ProductRates,
  RateBook,
  NeededRate,
  RatesAtPrice,
  TaxLineRates,
  LineRates,
} from './rules/index.js';
export { loadTariff, readTariff } from './rules/tariff-file.js';
export { tariffRowSchema, ownRatesSchema, measureSchema, tariffRowOf } from './rules/tariff-schema.js';
export type { TariffRowInput, TariffRowData, OwnRatesInput } from './rules/tariff-schema.js';
export { positiveList, positiveListSchema, positiveListRefusal, readPositiveListFile } from './rules/positive-list.js';
export type { PositiveList, PositiveListData } from './rules/positive-list.js';
export { TariffError } from './domain/errors.js';
export { CBEC_MODE_STARTS } from './domain/codes/index.js';

export { CHANNELS, CHANNEL_IDS, getChannel, channelFor } from './channels/index.js';
export { directImportMachine, directExportMachine, bondedImportMachine, bondedImportAMachine, bondedExportMachine, BondedLedger } from './channels/index.js';
export { b2bDirectExportMachine, overseasWarehouseMachine } from './channels/index.js';
export { channelSetup, RETURN_REQUEST_DAYS, RETURN_GOODS_DAYS, B2B_LIST_LIMIT_CNY, initialContext, serializeChannelState, effectsOf, statusMeta } from './channels/index.js';
export type {
  Channel,
  ChannelId,
  ChannelMachine,
  ChannelContext,
  ChannelInput,
  ChannelDocuments,
  Holdings,
  ChannelEffect,
  StockLine,
  StockMovement,
  QuotaMovement,
  TaxBillEffect,
  SummaryEffect,
  RebateEffect,
  ChannelEvent,
  ChannelEventType,
  DocKind,
  TimerKind,
  DeclarationRoute,
  StatusMeta,
  FinalState,
  StockBalance,
  BondedLedgerOptions,
  Shortage,
  ReserveResult,
  LedgerEntry,
  ReceiptParams,
  ListFitParams,
  Bare,
  OrderFiledEvent,
  PaymentFiledEvent,
  WaybillFiledEvent,
  OrderAckedEvent,
  PaymentAckedEvent,
  WaybillAckedEvent,
  ListDeclaredEvent,
  SentEvent,
  SendFailedEvent,
  ResentEvent,
  CustomsAcceptedEvent,
  RejectedEvent,
  ManualReviewEvent,
  DecidedEvent,
  QuotaRefusedEvent,
  InspectionOrderedEvent,
  InspectionPassedEvent,
  DetainedEvent,
  ReexportedEvent,
  ReleasedEvent,
  ArrivedEvent,
  DepartedEvent,
  ClosedEvent,
  CancelRequestedEvent,
  TimeoutEvent,
  DeliveredEvent,
  ReturnRequestedEvent,
  GoodsReturnedEvent,
  ImportEvent,
  ZoneEnteredEvent,
  StockShortageEvent,
  BondedEvent,
  WarehousedEvent,
  SoldEvent,
  B2bEvent,
} from './channels/index.js';

export { createSimulation } from './sim/simulation.js';
export type { Simulation, SimulationOptions, RunOptions, RunProgress } from './sim/simulation.js';
export { loadScenario, parseScenario } from './sim/scenario/load.js';
export { scenarioSchema, durationSchema } from './sim/scenario/schema.js';
export type { Scenario, ScenarioInput, Duration } from './sim/scenario/schema.js';
export { scenarioJsonSchema } from './sim/scenario/json-schema.js';
export { reportToJson, reportToMarkdown, reportToCsv } from './sim/report/render.js';
export { reportToHtml } from './sim/report/html/report-to-html.js';
export type {
  Report,
  ChannelReport,
  CustomsReport,
  BondedReport,
  ExportSummaryReport,
  ReportWarning,
  Reconciliation,
  ReconciliationCheck,
  TaxTotals,
  DurationSummary,
} from './sim/report/types.js';
export { createNdjsonLog } from './sim/log.js';
export type { TransitionLog, TransitionRecord } from './sim/log.js';
export { Engine } from './sim/engine/engine.js';
export type { Handler, Ticket, Progress, StopReason, RunOptions as EngineRunOptions } from './sim/engine/engine.js';
export type { Scheduled } from './sim/engine/heap.js';
export type { PercentileSummary } from './sim/metrics/histogram.js';
export { xstateRunner } from './sim/runner/xstate.js';
export { compiledRunner, compiledChannel, CompiledInstance } from './sim/runner/compiled.js';
export type { CompiledOrder, CompiledRunner } from './sim/runner/compiled.js';
export { compileMachine, select, selectWith, MACHINE_IMPLEMENTATIONS } from './sim/runner/compile.js';
export type { CompiledMachine, CompiledState, CompiledStep, Candidate, SelectionPlan, Binder, GuardTest } from './sim/runner/compile.js';
export { leanRunner, LeanOrder } from './sim/runner/lean/instance.js';
export type { LeanRunner } from './sim/runner/lean/instance.js';
export { CompileError } from './sim/runner/implementations.js';
export type { BoundAction, BoundGuard, Context as CompiledContext, MachineEvent } from './sim/runner/implementations.js';
export { RUNNERS, runnerNamed } from './sim/runner/registry.js';
export { ShardError } from './sim/shard/errors.js';
export { mergeShardFacts } from './sim/shard/merge.js';
export { MAX_SHARDS } from './sim/shard/plan.js';
export type { ShardFacts, MergedFacts, DeskFacts, HourlyQueue, DailyStock, BondedFacts, SummaryFacts, ViolationFacts } from './sim/shard/facts.js';
export { CLEARANCE_EDGES } from './sim/metrics/channel-facts.js';
export type { ChannelFacts } from './sim/metrics/channel-facts.js';
export type { HistogramData } from './sim/metrics/histogram.js';
export type { Counts } from './sim/metrics/counts.js';
export type { RunnerName } from './sim/runner/registry.js';
export type { OrderRunner, OrderInstance, StepOutcome, StepRefusal } from './sim/runner/types.js';

export { createExperiment } from './experiment/experiment.js';
export type { Experiment, ExperimentOptions, ExperimentRunOptions, ExperimentProgress, FinishedReplication } from './experiment/experiment.js';
export { loadExperiment, defineExperiment } from './experiment/definition.js';
export type { ExperimentDefinition, DesignPoint, ReplicationRule } from './experiment/definition.js';
export { experimentSchema, experimentJsonSchema, MAX_REPLICATIONS, MAX_POINTS } from './experiment/schema.js';
export type { ExperimentInput, ExperimentFile } from './experiment/schema.js';
export { ExperimentError, ExperimentRunError } from './experiment/errors.js';
export type { ExperimentResult, PointResult } from './experiment/results.js';
export type { Estimate, Difference } from './experiment/estimate.js';
export { estimateMean, pairedDifference, welchDifference, studentT } from './experiment/estimate.js';
export { replicationSeed } from './experiment/seeds.js';
export type { UnitFacts, UnitPlan } from './experiment/units.js';
export type { ReplicationReport, UnitOutcome } from './experiment/run-unit.js';
export type { Factor, JsonValue } from './experiment/design.js';
export type { Output } from './experiment/outputs.js';
export type { PathStep } from './experiment/paths.js';
export { experimentToMarkdown } from './experiment/report/markdown.js';
export { experimentToJson } from './experiment/report/json.js';
export { experimentToHtml } from './experiment/report/html.js';

export { toMermaid } from './channels/mermaid.js';
export { createDriver, drive, stateName } from './channels/drive.js';
export type { ChannelDriver, ChannelSnapshot, DriveStep, DriveReport } from './channels/drive.js';
export { createAutopilot, runAutopilot } from './channels/autopilot.js';
export type { Autopilot, AutopilotPlan } from './channels/autopilot.js';
export {
  ReceiptStatus,
  DETENTION_STATUSES,
  RECEIPT_APPLICABILITY,
  statusAllowed,
  receiptOrderProblem,
  REASONS,
  REASON_CODES,
  reason,
  isReasonCode,
  matchDocuments,
  documentWaitDeadline,
  DEFAULT_DOCUMENT_WAIT_MS,
  parseScript,
  summarise,
  SummaryBuilder,
  summaryDeadline,
  summaryResults,
  SUMMARY_RULE_2018,
  SUMMARY_RULE_2016,
} from './customs/index.js';
export type {
  DetentionStatus,
  ImportReceiptMessage,
  ExportReceiptMessage,
  ReceiptMessage,
  ReceiptReason,
  Receipt,
  ReasonCode,
  CustomsReason,
  DocumentKind,
  MatchInput,
  MatchOptions,
  MatchFailure,
  Script,
  ScriptStep,
  SummaryCandidate,
  SummaryLine,
  SummaryRule,
  SummaryApplication,
  CountedSummaryApplication,
  SummaryApplicationLine,
  SummaryResult,
} from './customs/index.js';
