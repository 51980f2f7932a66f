/**
 * The channel machines' named actions (`channelSetup` in `channels/setup.ts`), implemented over
 * an order's row: each does to the context bits what the machine's `assign` does to its context,
 * and hands the sink, in the same order, what the machine's `emit` emits.
 */
import type { DocumentKind } from '../../../customs/matching.js';
import type { ReasonCode } from '../../../customs/reasons.js';
import { ReceiptStatus } from '../../../customs/receipts.js';
import type { ReceiptParams } from '../../../channels/setup.js';
import {
  B,
  BILL_ISSUE,
  BILL_VOID,
  docCode,
  E,
  LIST_FACTS,
  messageCode,
  NONE,
  NO_TAX,
  PAYMENT_FACTS,
  QUOTA_COMMIT,
  QUOTA_RESERVE,
  QUOTA_RESTORE,
  reasonCode,
  REASON_FROM_EVENT,
  RESERVED,
  SETTLED,
  STOCK_CREDIT,
  STOCK_DEDUCT,
  STOCK_RESERVE,
  STOCK_RESTORE,
  WAYBILL_FACTS,
} from './codes.js';
import type { LeanCursor, LeanEvent } from './context.js';
import { firstMismatch, hasEmsNo, quotaHeld, stockHeld } from './guards.js';

/** A lean action: changes the cursor's row and hands its effects to the sink. */
export type LeanAction = (o: LeanCursor, event: LeanEvent) => void;

const STOCK_MASK = 3 << B.STOCK_SHIFT;
const QUOTA_MASK = 3 << B.QUOTA_SHIFT;
const CEB604 = /* @__PURE__ */ messageCode('CEB604');
const H2018 = /* @__PURE__ */ messageCode('H2018');
const CUSTOMS_REFUSED = /* @__PURE__ */ reasonCode('customs-refused');

const withStock = (bits: number, held: number): number => (bits & ~STOCK_MASK) | (held << B.STOCK_SHIFT);
const withQuota = (bits: number, held: number): number => (bits & ~QUOTA_MASK) | (held << B.QUOTA_SHIFT);

function receipt(params: ReceiptParams): LeanAction {
  const message = messageCode(params.message);
  const fixed = params.reason === undefined ? 0 : reasonCode(params.reason);
  return (o, event) => {
    const status = params.status === 'event' ? (event.code === E.DETAINED ? event.payload : ReceiptStatus.DetainedOther) : params.status;
    const bits = o.rows.bits(o.slot);
    const sent = message === CEB604 && (bits & B.ROUTE_ENTRY) !== 0 ? H2018 : message;
    const explained = status === ReceiptStatus.Rejected || params.status === 'event';
    const why = fixed !== 0 ? fixed : explained ? o.rows.reason(o.slot) : 0;
    o.sink.receipt(o.slot, sent, status, why, event);
  };
}

function recordDocument(o: LeanCursor, event: LeanEvent): void {
  const bits = o.rows.bits(o.slot);
  if (event.code === E.PAYMENT_FILED) o.rows.setBits(o.slot, (bits & ~PAYMENT_FACTS) | B.HAS_PAYMENT | (event.facts & PAYMENT_FACTS));
  else if (event.code === E.WAYBILL_FILED) o.rows.setBits(o.slot, (bits & ~WAYBILL_FACTS) | B.HAS_WAYBILL | (event.facts & WAYBILL_FACTS));
  else if (event.code === E.LIST_DECLARED) {
    const route = event.payload === 1 ? B.ROUTE_ENTRY : 0;
    o.rows.setBits(o.slot, (bits & ~(LIST_FACTS | B.ROUTE_ENTRY)) | B.HAS_LIST | (event.facts & LIST_FACTS) | route);
  }
}

function recordReason(params: { code?: ReasonCode }): LeanAction {
  const fixed = params.code === undefined ? 0 : reasonCode(params.code);
  return (o, event) => {
    o.rows.setReason(o.slot, fixed !== 0 ? fixed : event.code === E.REJECTED ? event.payload | REASON_FROM_EVENT : CUSTOMS_REFUSED);
  };
}

function reserveQuota(o: LeanCursor, event: LeanEvent): void {
  const bits = o.rows.bits(o.slot);
  if ((bits & B.HAS_BUYER) === 0 || (bits & B.HAS_INVT) === 0) return;
  o.sink.quota(o.slot, QUOTA_RESERVE, event);
  o.rows.setBits(o.slot, withQuota(bits, RESERVED));
}

function reserveStock(o: LeanCursor, event: LeanEvent): void {
  const bits = o.rows.bits(o.slot);
  if ((bits & B.HAS_LIST) === 0 || !hasEmsNo(bits)) return;
  o.sink.stock(o.slot, STOCK_RESERVE, event);
  o.rows.setBits(o.slot, withStock(bits, RESERVED));
}

function issueTaxBill(o: LeanCursor, event: LeanEvent): void {
  const bits = o.rows.bits(o.slot);
  if (event.code !== E.DECIDED || event.payload === NO_TAX || (bits & B.HAS_INVT) === 0) return;
  o.sink.taxBill(o.slot, BILL_ISSUE, event);
  o.rows.setBits(o.slot, bits | B.TAX_BILL);
}

function settleRelease(o: LeanCursor, event: LeanEvent): void {
  const bits = o.rows.bits(o.slot);
  const stock = stockHeld(bits);
  const quota = quotaHeld(bits);
  if (stock === RESERVED && (bits & B.HAS_LIST) !== 0 && hasEmsNo(bits)) o.sink.stock(o.slot, STOCK_DEDUCT, event);
  if (quota === RESERVED && (bits & B.HAS_INVT) !== 0) o.sink.quota(o.slot, QUOTA_COMMIT, event);
  o.rows.setReleased(o.slot, event.at);
  o.rows.setBits(o.slot, withQuota(withStock(bits, stock === RESERVED ? SETTLED : stock), quota === RESERVED ? SETTLED : quota));
}

function unwind(o: LeanCursor, event: LeanEvent): void {
  const bits = o.rows.bits(o.slot);
  if (stockHeld(bits) !== NONE && (bits & B.HAS_LIST) !== 0 && hasEmsNo(bits)) o.sink.stock(o.slot, STOCK_RESTORE, event);
  if (quotaHeld(bits) !== NONE && (bits & B.HAS_INVT) !== 0) o.sink.quota(o.slot, QUOTA_RESTORE, event);
  if ((bits & B.TAX_BILL) !== 0 && (bits & B.HAS_INVT) !== 0) o.sink.taxBill(o.slot, BILL_VOID, event);
  o.rows.setBits(o.slot, bits & ~(STOCK_MASK | QUOTA_MASK | B.TAX_BILL));
}

function creditZoneEntry(o: LeanCursor, event: LeanEvent): void {
  if (event.code !== E.ZONE_ENTERED) return;
  o.sink.stock(o.slot, STOCK_CREDIT, event);
  o.sink.rebate(o.slot, event);
  o.rows.setBits(o.slot, o.rows.bits(o.slot) | B.HAS_EMS);
}

/** Makes an action from its parameters (as the machine definition gives them). */
type ActionMaker = (params: never) => LeanAction;

/** Every action of the channel setup, by name. */
export const LEAN_ACTIONS: Readonly<Record<string, ActionMaker>> = {
  receipt,
  recordDocument: () => recordDocument,
  markAcked: (params: { doc: DocumentKind }) => {
    const bit = B.ACKED << docCode(params.doc);
    return (o) => {
      o.rows.setBits(o.slot, o.rows.bits(o.slot) | bit);
    };
  },
  recordInvtNo: () => (o, event) => {
    if (event.code !== E.CUSTOMS_ACCEPTED) return;
    o.rows.setBits(o.slot, o.rows.bits(o.slot) | B.HAS_INVT);
  },
  recordReason,
  recordMismatch: (params: { required: readonly DocumentKind[] }) => (o) => {
    o.rows.setReason(o.slot, firstMismatch(o.rows.bits(o.slot), params.required) || CUSTOMS_REFUSED);
  },
  reserveQuota: () => reserveQuota,
  quotaRefused: () => (o) => {
    o.rows.setBits(o.slot, withQuota(o.rows.bits(o.slot), NONE));
  },
  reserveStock: () => reserveStock,
  stockRefused: () => (o) => {
    o.rows.setBits(o.slot, withStock(o.rows.bits(o.slot), NONE));
  },
  issueTaxBill: () => issueTaxBill,
  settleRelease: () => settleRelease,
  unwind: () => unwind,
  creditZoneEntry: () => creditZoneEntry,
  enlistForSummary: () => (o, event) => o.sink.summary(o.slot, event),
};
