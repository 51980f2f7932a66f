/**
 * The event vocabulary of the channel machines. Every event carries `at`, the simulated instant
 * (epoch ms) it happens at; receipts and ledger movements take their time from it.
 *
 * Who sends what (the runner plays these parties):
 * - platform / seller: ORDER_FILED; payment enterprise: PAYMENT_FILED; carrier: WAYBILL_FILED
 * - declarant: LIST_DECLARED, CANCEL_REQUESTED, RETURN_REQUESTED
 * - e-port (single window): SENT, SEND_FAILED (4); declarant again: RESENT
 * - customs: ORDER_ACKED / PAYMENT_ACKED / WAYBILL_ACKED (120), CUSTOMS_ACCEPTED (120),
 *   REJECTED (100), MANUAL_REVIEW (300), DECIDED (399, with the tax assessment on import),
 *   QUOTA_REFUSED, INSPECTION_ORDERED (500), INSPECTION_PASSED, DETAINED (501-599),
 *   REEXPORTED (700), RELEASED (800), CLOSED (899)
 * - site operator / carrier: ARRIVED (export CEB507), DEPARTED (goods leave the site; export
 *   CEB509), DELIVERED, GOODS_RETURNED; warehouse: ZONE_ENTERED, STOCK_SHORTAGE
 * - the simulator's timers: TIMEOUT (documents never came, arrival never reported, return goods
 *   never came back); machines have no `after` delays.
 */
import type { InventoryList, Payment, Waybill } from '../domain/model.js';
import type { DocumentKind } from '../customs/matching.js';
import type { DetentionStatus, ReceiptReason } from '../customs/receipts.js';
import type { TaxAssessment } from '../rules/types.js';
import type { BondedEvent } from './bonded/events.js';
import type { B2bEvent } from './b2b/events.js';
import type { ImportEvent } from './direct/events.js';

/** A message the e-port sends to customs: one of the three documents or the list. */
export type DocKind = DocumentKind | 'list';

/** Which timer ran out. */
export type TimerKind = 'documents' | 'arrival' | 'return';

/** 9710/9810 declaration route: a CEB603 list, or a customs declaration (报关单, H2018). */
export type DeclarationRoute = 'list' | 'entry';

/** An event with no payload besides its time. */
export interface Bare<T extends string> {
  readonly type: T;
  readonly at: number;
}

/** The platform filed the order (CEB311 import, CEB303 export); the order is the machine's input. */
export type OrderFiledEvent = Bare<'ORDER_FILED'>;
/** The payment enterprise filed the payment (CEB411), or the seller the payment receipt (CEB403). */
export interface PaymentFiledEvent extends Bare<'PAYMENT_FILED'> {
  readonly payment: Payment;
}
/** The carrier filed the waybill (CEB511 / CEB505). */
export interface WaybillFiledEvent extends Bare<'WAYBILL_FILED'> {
  readonly waybill: Waybill;
}
/** Customs stored the order (receipt 120). */
export type OrderAckedEvent = Bare<'ORDER_ACKED'>;
/** Customs stored the payment (receipt 120). */
export type PaymentAckedEvent = Bare<'PAYMENT_ACKED'>;
/** Customs stored the waybill (receipt 120). */
export type WaybillAckedEvent = Bare<'WAYBILL_ACKED'>;
/** The declarant declared the list (CEB621 / CEB603), or for 9710/9810 the customs declaration (`route: 'entry'`). */
export interface ListDeclaredEvent extends Bare<'LIST_DECLARED'> {
  readonly list: InventoryList;
  readonly route?: DeclarationRoute;
}
/** The e-port forwarded `doc` to customs (receipt 3). */
export interface SentEvent extends Bare<'SENT'> {
  readonly doc: DocKind;
}
/** The e-port could not forward `doc` (receipt 4). */
export interface SendFailedEvent extends Bare<'SEND_FAILED'> {
  readonly doc: DocKind;
}
/** The sender sent `doc` again after a failure (receipt 2). */
export interface ResentEvent extends Bare<'RESENT'> {
  readonly doc: DocKind;
}
/** Customs accepted the list into its database and numbered it (receipt 120). Needs the documents matched. */
export interface CustomsAcceptedEvent extends Bare<'CUSTOMS_ACCEPTED'> {
  readonly invtNo: string;
}
/** Customs refused the list (receipt 100) for `reason`. */
export interface RejectedEvent extends Bare<'REJECTED'> {
  readonly reason: ReceiptReason;
}
/** Customs put the list to manual review (receipt 300). */
export type ManualReviewEvent = Bare<'MANUAL_REVIEW'>;
/** Customs decided (receipt 399). Import lists carry the tax assessed by the rules engine. */
export interface DecidedEvent extends Bare<'DECIDED'> {
  readonly tax?: TaxAssessment;
}
/** The quota ledger refused the reservation CUSTOMS_ACCEPTED emitted (annual limit reached). */
export interface QuotaRefusedEvent extends Bare<'QUOTA_REFUSED'> {
  readonly detail?: string;
}
/** Customs ordered a physical inspection (receipt 500). */
export type InspectionOrderedEvent = Bare<'INSPECTION_ORDERED'>;
/** The inspection found nothing wrong. */
export type InspectionPassedEvent = Bare<'INSPECTION_PASSED'>;
/** Customs detained the goods (receipt 501, 502, 503 or 599; import). */
export interface DetainedEvent extends Bare<'DETAINED'> {
  readonly status: DetentionStatus;
}
/** Customs ordered the goods returned abroad (receipt 700; import). */
export type ReexportedEvent = Bare<'REEXPORTED'>;
/** Customs released the list (receipt 800). */
export type ReleasedEvent = Bare<'RELEASED'>;
/** Export: the goods arrived at the site (CEB507 arrival report, CEB508 receipt). */
export type ArrivedEvent = Bare<'ARRIVED'>;
/** The goods left the supervised site or zone (import: gate exit; export: CEB509 departure). */
export type DepartedEvent = Bare<'DEPARTED'>;
/** Customs closed the list (receipt 899). */
export type ClosedEvent = Bare<'CLOSED'>;
/** The declarant asked to cancel the list (CEB623 / CEB605); granted until the goods leave the site. */
export type CancelRequestedEvent = Bare<'CANCEL_REQUESTED'>;
/** A timer the simulator scheduled ran out. */
export interface TimeoutEvent extends Bare<'TIMEOUT'> {
  readonly timer: TimerKind;
}

/** Every event a channel machine knows. Each machine accepts a subset (see its `events` list). */
export type ChannelEvent =
  | OrderFiledEvent
  | PaymentFiledEvent
  | WaybillFiledEvent
  | OrderAckedEvent
  | PaymentAckedEvent
  | WaybillAckedEvent
  | ListDeclaredEvent
  | SentEvent
  | SendFailedEvent
  | ResentEvent
  | CustomsAcceptedEvent
  | RejectedEvent
  | ManualReviewEvent
  | DecidedEvent
  | QuotaRefusedEvent
  | InspectionOrderedEvent
  | InspectionPassedEvent
  | DetainedEvent
  | ReexportedEvent
  | ReleasedEvent
  | ArrivedEvent
  | DepartedEvent
  | ClosedEvent
  | CancelRequestedEvent
  | TimeoutEvent
  | ImportEvent
  | BondedEvent
  | B2bEvent;

/** The type names of {@link ChannelEvent}. */
export type ChannelEventType = ChannelEvent['type'];
