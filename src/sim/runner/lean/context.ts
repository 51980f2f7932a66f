/**
 * The lean runner's machine context: one row per order (`OrderRows`: configuration, context bits,
 * reason, release time), the event being sent as a few numbers, and the sink that receives what a
 * transition emits. Guards and actions read and write a row through a {@link LeanCursor}; nothing
 * here allocates per order or per event.
 */
import type { OrderRows } from '../../flow/rows.js';

/** Where a transition's effects go, as numbers: the slot of the order, what happened, the event's time. */
export interface LeanSink {
  /** A receipt on message `message` (a code of `MESSAGES`) with `status`; `reason` is a reason code, with `REASON_FROM_EVENT` when it is the REJECTED event's own. */
  receipt(slot: number, message: number, status: number, reason: number, event: LeanEvent): void;
  /** A quota movement of the order's list (`QUOTA_RESERVE`, `QUOTA_COMMIT`, `QUOTA_RESTORE`). */
  quota(slot: number, op: number, event: LeanEvent): void;
  /** A stock movement of the order's lines (`STOCK_CREDIT`, `STOCK_RESERVE`, `STOCK_DEDUCT`, `STOCK_RESTORE`). */
  stock(slot: number, op: number, event: LeanEvent): void;
  /** The tax bill issued with the decision (`BILL_ISSUE`), or voided (`BILL_VOID`). */
  taxBill(slot: number, op: number, event: LeanEvent): void;
  /** A released retail export list for the month's summary declaration. */
  summary(slot: number, event: LeanEvent): void;
  /** A 1210 export's rebate trigger on entering the zone. */
  rebate(slot: number, event: LeanEvent): void;
}

/**
 * An event as the lean runner sends it: its type's code (an index of `EVENT_TYPES`), one number
 * of payload (the document, the timer, the route, the detention status, the reason, the list
 * serial or the tax outcome, by type), its time, and the facts of the document it carries.
 */
export class LeanEvent {
  code = 0;
  payload = 0;
  at = 0;
  /** LIST_DECLARED, PAYMENT_FILED, WAYBILL_FILED: the document's facts (bits of `B`). */
  facts = 0;

  /** Sets every field; returns the event. */
  set(code: number, payload: number, at: number, facts = 0): this {
    this.code = code;
    this.payload = payload;
    this.at = at;
    this.facts = facts;
    return this;
  }
}

/** A row and the sink its effects go to: what a lean guard or action works on. */
export class LeanCursor {
  /** The row. */
  slot = 0;

  constructor(
    readonly rows: OrderRows,
    readonly sink: LeanSink,
  ) {}
}
