/** The channel state machines, their registry, driver, effects and diagrams. */
export { CHANNELS, CHANNEL_IDS, getChannel, channelFor } from './registry.js';
export type { Channel, ChannelId, ChannelMachine } from './registry.js';
export { directImportMachine, directExportMachine } from './direct/index.js';
export type { DeliveredEvent, ReturnRequestedEvent, GoodsReturnedEvent, ImportEvent } from './direct/index.js';
export { bondedImportMachine, bondedImportAMachine, bondedExportMachine, BondedLedger } from './bonded/index.js';
export type { StockBalance, ReserveResult, LedgerEntry, BondedLedgerOptions, Shortage, ZoneEnteredEvent, StockShortageEvent, BondedEvent } from './bonded/index.js';
export { b2bDirectExportMachine, overseasWarehouseMachine } from './b2b/index.js';
export type { WarehousedEvent, SoldEvent, B2bEvent } from './b2b/index.js';
export { channelSetup, RETURN_REQUEST_DAYS, RETURN_GOODS_DAYS, B2B_LIST_LIMIT_CNY } from './setup.js';
export type { ReceiptParams, ListFitParams } from './setup.js';
export { initialContext, serializeChannelState } from './context.js';
export type { ChannelContext, ChannelInput, ChannelDocuments, Holdings } from './context.js';
export { effectsOf } from './effects.js';
export type { ChannelEffect, StockLine, StockMovement, QuotaMovement, TaxBillEffect, SummaryEffect, RebateEffect } from './effects.js';
export type {
  Bare,
  ChannelEvent,
  ChannelEventType,
  DocKind,
  TimerKind,
  DeclarationRoute,
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
} from './events.js';
export { statusMeta } from './regions.js';
export type { StatusMeta, FinalState } from './regions.js';
export { createDriver, drive, stateName, statusesOf } from './drive.js';
export type { ChannelDriver, ChannelSnapshot, DriveReport, DriveStep } from './drive.js';
export { createAutopilot, runAutopilot } from './autopilot.js';
export type { Autopilot, AutopilotPlan } from './autopilot.js';
export { toMermaid } from './mermaid.js';
