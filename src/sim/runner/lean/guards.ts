/**
 * The channel machines' named guards (`channelSetup` in `channels/setup.ts`), implemented over
 * an order's row: the same names, the same parameters, the same answers, reading context bits
 * and the event's numbers instead of objects. The equivalence property holds them to the
 * machines' own implementations.
 */
import type { DocumentKind } from '../../../customs/matching.js';
import type { ReasonCode } from '../../../customs/reasons.js';
import type { TradeMode } from '../../../domain/model.js';
import { RETURN_GOODS_DAYS, RETURN_REQUEST_DAYS, type ListFitParams } from '../../../channels/setup.js';
import type { DocKind, TimerKind } from '../../../channels/events.js';
import { MS } from '../../clock.js';
import { B, docCode, E, modeCode, reasonCode, RESERVED, TAXED, timerCode } from './codes.js';
import type { LeanCursor, LeanEvent } from './context.js';

/** A lean guard: true when the transition it guards is enabled for the cursor's order. */
export type LeanGuard = (o: LeanCursor, event: LeanEvent) => boolean;

const ACKED_ORDER = /* @__PURE__ */ (() => B.ACKED << docCode('order'))();
const ACKED_PAYMENT = /* @__PURE__ */ (() => B.ACKED << docCode('payment'))();
const ACKED_WAYBILL = /* @__PURE__ */ (() => B.ACKED << docCode('waybill'))();
const MISSING: Readonly<Record<DocumentKind, number>> = /* @__PURE__ */ (() => ({ order: reasonCode('order-missing'), payment: reasonCode('payment-missing'), waybill: reasonCode('waybill-missing') }))();
const code = (reason: ReasonCode) => reasonCode(reason);
const AMOUNT = /* @__PURE__ */ code('amount-mismatch');
const PAYER = /* @__PURE__ */ code('payer-mismatch');
const EBP = /* @__PURE__ */ code('ebp-mismatch');
const PAYMENT_MISSING = /* @__PURE__ */ code('payment-missing');
const WAYBILL_ORDER = /* @__PURE__ */ code('waybill-order-mismatch');
const LIST = /* @__PURE__ */ code('list-mismatch');

/**
 * The first failure the three-document matcher (`matchDocuments`) reports for an order whose
 * context bits are `bits` and which needs the documents `required`, as a reason code; 0 when the
 * documents match. The order of checks is the matcher's: missing documents (in `required` order),
 * the order's amounts, the payment, the waybill, the list.
 */
export function firstMismatch(bits: number, required: readonly DocumentKind[]): number {
  for (const kind of required) if ((bits & (B.ACKED << docCode(kind))) === 0) return MISSING[kind];
  if ((bits & ACKED_ORDER) === 0) return 0;
  if (bits & B.ORDER_AMOUNT) return AMOUNT;
  if ((bits & ACKED_PAYMENT) !== 0 && (bits & B.HAS_PAYMENT) !== 0) {
    if (bits & B.PAYMENT_OTHER_ORDER) return PAYMENT_MISSING;
    if (bits & B.PAYMENT_PAYER) return PAYER;
    if (bits & B.PAYMENT_AMOUNT) return AMOUNT;
    if (bits & B.PAYMENT_EBP) return EBP;
  }
  const waybill = (bits & ACKED_WAYBILL) !== 0 && (bits & B.HAS_WAYBILL) !== 0;
  if (waybill && bits & B.WAYBILL_ORDER) return WAYBILL_ORDER;
  if ((bits & B.HAS_LIST) === 0) return 0;
  if (bits & B.LIST_EBP) return EBP;
  if (bits & B.LIST_ORDER || (waybill && bits & B.LIST_WAYBILL)) return LIST;
  return 0;
}

/** The stock or quota held, from context bits. */
export const stockHeld = (bits: number): number => (bits >>> B.STOCK_SHIFT) & 3;
export const quotaHeld = (bits: number): number => (bits >>> B.QUOTA_SHIFT) & 3;

/** True when the order has an account book: the list's, or the one ZONE_ENTERED gave. */
export function hasEmsNo(bits: number): boolean {
  return ((bits & B.HAS_LIST) !== 0 && (bits & B.LIST_EMS) !== 0) || (bits & B.HAS_EMS) !== 0;
}

/** The bit mask of a list of trade modes, by code. */
function modeMask(modes: readonly TradeMode[]): number {
  return modes.reduce((mask, mode) => mask | (1 << modeCode(mode)), 0);
}

function listFits(o: LeanCursor, event: LeanEvent, modes: number, params: ListFitParams): boolean {
  if (event.code !== E.LIST_DECLARED) return false;
  const facts = event.facts;
  const mode = (facts >>> B.LIST_MODE_SHIFT) & 7;
  if ((modes & (1 << mode)) === 0 || (facts & B.LIST_SAME_MODE) === 0 || (facts & B.LIST_ORDER) !== 0) return false;
  const bits = o.rows.bits(o.slot);
  if (params.bonded && (((facts & B.LIST_EMS) === 0 && (bits & B.HAS_EMS) === 0) || (facts & B.LIST_ITEMS) === 0)) return false;
  if (event.payload === 1) return params.b2b;
  return !params.b2b || (bits & B.B2B_SMALL) !== 0;
}

function daysSinceRelease(o: LeanCursor, at: number): number {
  return (at - o.rows.released(o.slot)) / MS.day;
}

/** Makes a guard from its parameters (as the machine definition gives them). */
type GuardMaker = (params: never) => LeanGuard;

/** Every guard of the channel setup, by name. */
export const LEAN_GUARDS: Readonly<Record<string, GuardMaker>> = {
  forDoc: (params: { doc: DocKind }) => {
    const doc = docCode(params.doc);
    return (_o, event) => (event.code === E.SENT || event.code === E.SEND_FAILED || event.code === E.RESENT) && event.payload === doc;
  },
  forTimer: (params: { timer: TimerKind }) => {
    const timer = timerCode(params.timer);
    return (_o, event) => event.code === E.TIMEOUT && event.payload === timer;
  },
  documentsMatch: (params: { required: readonly DocumentKind[] }) => (o) => firstMismatch(o.rows.bits(o.slot), params.required) === 0,
  documentsLapsed: (params: { required: readonly DocumentKind[] }) => {
    const documents = timerCode('documents');
    return (o, event) => event.code === E.TIMEOUT && event.payload === documents && firstMismatch(o.rows.bits(o.slot), params.required) !== 0;
  },
  listFitsChannel: (params: ListFitParams) => {
    const modes = modeMask(params.modes);
    return (o, event) => listFits(o, event, modes, params);
  },
  taxAssessed: () => (_o, event) => event.code === E.DECIDED && event.payload === TAXED,
  quotaReserved: () => (o) => quotaHeld(o.rows.bits(o.slot)) === RESERVED,
  stockReserved: () => (o) => stockHeld(o.rows.bits(o.slot)) === RESERVED,
  withinReturnWindow: () => (o, event) => daysSinceRelease(o, event.at) <= RETURN_REQUEST_DAYS,
  goodsBackInTime: () => (o, event) => daysSinceRelease(o, event.at) <= RETURN_GOODS_DAYS,
};
