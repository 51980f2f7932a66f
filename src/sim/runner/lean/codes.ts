/**
 * The lean runner's vocabulary as small integers: event types, documents, timers, trade modes,
 * reason codes and receipt messages, each numbered by its place in a fixed list; and the bits of
 * an order's machine context packed into one 32-bit word.
 */
import type { ChannelEventType, DocKind, TimerKind } from '../../../channels/events.js';
import { REASON_CODES, type ReasonCode } from '../../../customs/reasons.js';
import type { ReceiptMessage } from '../../../customs/receipts.js';
import type { TradeMode } from '../../../domain/model.js';

/** Every event type of the channel machines; an event's code is its index here. */
export const EVENT_TYPES: readonly ChannelEventType[] = [
  'ORDER_FILED',
  'PAYMENT_FILED',
  'WAYBILL_FILED',
  'ORDER_ACKED',
  'PAYMENT_ACKED',
  'WAYBILL_ACKED',
  'LIST_DECLARED',
  'SENT',
  'SEND_FAILED',
  'RESENT',
  'CUSTOMS_ACCEPTED',
  'REJECTED',
  'MANUAL_REVIEW',
  'DECIDED',
  'QUOTA_REFUSED',
  'INSPECTION_ORDERED',
  'INSPECTION_PASSED',
  'DETAINED',
  'REEXPORTED',
  'RELEASED',
  'ARRIVED',
  'DEPARTED',
  'CLOSED',
  'CANCEL_REQUESTED',
  'TIMEOUT',
  'DELIVERED',
  'RETURN_REQUESTED',
  'GOODS_RETURNED',
  'ZONE_ENTERED',
  'STOCK_SHORTAGE',
  'WAREHOUSED',
  'SOLD',
];

const EVENT_CODES = /* @__PURE__ */ new Map(EVENT_TYPES.map((type, code) => [type, code]));

/** The code of an event type. */
export function eventCode(type: ChannelEventType): number {
  return EVENT_CODES.get(type)!;
}

/** Event codes the flow and the lean guards and actions test for. */
export const E = /* @__PURE__ */ Object.freeze(Object.fromEntries(EVENT_TYPES.map((type, code) => [type, code])) as Record<ChannelEventType, number>);

/** Documents (payload of SENT, SEND_FAILED and RESENT; bit positions of the acknowledged documents). */
export const DOCS: readonly DocKind[] = ['order', 'payment', 'waybill', 'list'];
/** Timers (payload of TIMEOUT). */
export const TIMERS: readonly TimerKind[] = ['documents', 'arrival', 'return'];
/** Trade modes, by code. */
export const MODES: readonly TradeMode[] = ['9610', '1210', '1239', '9710', '9810', '0110'];
/** Receipt messages, by code. */
export const MESSAGES: readonly ReceiptMessage[] = ['CEB312', 'CEB412', 'CEB512', 'CEB514', 'CEB622', 'CEB624', 'CEB626', 'CEB712', 'CEB304', 'CEB404', 'CEB506', 'CEB508', 'CEB510', 'CEB604', 'CEB606', 'CEB608', 'CEB702', 'H2018'];

/** The code of a document kind. */
export const docCode = (doc: DocKind): number => DOCS.indexOf(doc);
/** The code of a timer. */
export const timerCode = (timer: TimerKind): number => TIMERS.indexOf(timer);
/** The code of a trade mode. */
export const modeCode = (mode: TradeMode): number => MODES.indexOf(mode);
/** The code of a receipt message. */
export const messageCode = (message: ReceiptMessage): number => MESSAGES.indexOf(message);

/** A reason's code: 1 + its index in `REASON_CODES` (0 is no reason). */
export const reasonCode = (code: ReasonCode): number => REASON_CODES.indexOf(code) + 1;
/** The reason of a code (undefined for 0). */
export const reasonOf = (code: number): ReasonCode | undefined => REASON_CODES[code - 1];

/** DECIDED payload: no tax, a tax within a CBEC route, a tax sending the order to general trade. */
export const NO_TAX = 0;
export const TAXED = 1;
export const GENERAL_TRADE = 2;

/**
 * The bits of an order's machine context (one 32-bit word): what customs acknowledged and holds,
 * what the order holds in the ledgers, and the facts of its documents that matching and the list
 * check read. Facts are set when a document is recorded (or, in a run, when the order is made).
 */
export const B = /* @__PURE__ */ Object.freeze({
  /** Acknowledged documents: `ACKED << docCode` (order, payment, waybill). */
  ACKED: 1 << 0,
  HAS_PAYMENT: 1 << 3,
  HAS_WAYBILL: 1 << 4,
  HAS_LIST: 1 << 5,
  /** The list goes by a customs declaration (9710/9810 `route: 'entry'`). */
  ROUTE_ENTRY: 1 << 6,
  /** Stock held: 0 none, 1 reserved, 2 deducted (two bits). */
  STOCK_SHIFT: 7,
  /** Quota held: 0 none, 1 reserved, 2 committed (two bits). */
  QUOTA_SHIFT: 9,
  TAX_BILL: 1 << 11,
  /** The account book came with ZONE_ENTERED (1210 export). */
  HAS_EMS: 1 << 12,
  HAS_INVT: 1 << 13,
  HAS_BUYER: 1 << 14,
  /** Order fact: goods + freight + tax − discount is not what was paid. */
  ORDER_AMOUNT: 1 << 15,
  /** Payment facts: filed under another orderNo; paid by someone else; another amount; another platform. */
  PAYMENT_OTHER_ORDER: 1 << 16,
  PAYMENT_PAYER: 1 << 17,
  PAYMENT_AMOUNT: 1 << 18,
  PAYMENT_EBP: 1 << 19,
  /** Waybill fact: it names another order. */
  WAYBILL_ORDER: 1 << 20,
  /** List facts: another platform or seller; another order; another waybill than the one recorded. */
  LIST_EBP: 1 << 21,
  LIST_ORDER: 1 << 22,
  LIST_WAYBILL: 1 << 23,
  /** List facts: it names an account book; every line names an item record; its mode is the order's. */
  LIST_EMS: 1 << 24,
  LIST_ITEMS: 1 << 25,
  LIST_SAME_MODE: 1 << 26,
  /** The list's trade mode code (three bits). */
  LIST_MODE_SHIFT: 27,
  /** Order fact: in CNY and at most 5,000 (a 9710/9810 ticket small enough for the list route). */
  B2B_SMALL: 1 << 30,
});

/** The list facts a LIST_DECLARED event carries, recorded with the list. */
export const LIST_FACTS = B.LIST_EBP | B.LIST_ORDER | B.LIST_EMS | B.LIST_ITEMS | B.LIST_SAME_MODE | (7 << B.LIST_MODE_SHIFT);
/** The payment facts a PAYMENT_FILED event carries. */
export const PAYMENT_FACTS = B.PAYMENT_OTHER_ORDER | B.PAYMENT_PAYER | B.PAYMENT_AMOUNT | B.PAYMENT_EBP;
/** The waybill facts a WAYBILL_FILED event carries. */
export const WAYBILL_FACTS = B.WAYBILL_ORDER;

/** Held stock or quota: nothing, reserved, deducted (stock) or committed (quota). */
export const NONE = 0;
export const RESERVED = 1;
export const SETTLED = 2;

/** Ledger operations of the effects. */
export const STOCK_CREDIT = 0;
export const STOCK_RESERVE = 1;
export const STOCK_DEDUCT = 2;
export const STOCK_RESTORE = 3;
export const QUOTA_RESERVE = 0;
export const QUOTA_COMMIT = 1;
export const QUOTA_RESTORE = 2;
export const BILL_ISSUE = 0;
export const BILL_VOID = 1;

/** The reason column's flag: the reason is the REJECTED event's own (its text may be longer than the code's). */
export const REASON_FROM_EVENT = 0x80;
