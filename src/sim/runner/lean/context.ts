/**
 * The lean runner's machine context: one row per order in typed-array columns (configuration,
 * context bits, reason, list number, release time), the event being sent as a few numbers, and
 * the sink that receives what a transition emits. Guards and actions read and write a row through
 * a {@link LeanCursor}; nothing here allocates per order or per event.
 */

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

/** Copies `old` into a new array of `capacity` elements. */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(old: T, capacity: number): T {
  const next = new (old.constructor as new (n: number) => T)(capacity);
  next.set(old);
  return next;
}

/** The machine-context columns of up to `capacity` orders. */
export class MachineColumns {
  /** The order's configuration: an index into its channel table's states. */
  config: Uint16Array;
  /** Context bits (see `B` in `codes.ts`). */
  bits: Uint32Array;
  /** Why the list stopped: a reason code (0 none), with `REASON_FROM_EVENT`. */
  reason: Uint8Array;
  /** The list number's serial, from CUSTOMS_ACCEPTED (when `HAS_INVT`). */
  invt: Uint32Array;
  /** Release time, epoch ms; NaN until released. */
  released: Float64Array;

  /** @param capacity - the most orders the columns hold at once */
  constructor(capacity: number) {
    this.config = new Uint16Array(capacity);
    this.bits = new Uint32Array(capacity);
    this.reason = new Uint8Array(capacity);
    this.invt = new Uint32Array(capacity);
    this.released = new Float64Array(capacity);
  }

  /** Makes room for `capacity` orders, keeping every row. */
  grow(capacity: number): void {
    this.config = grown(this.config, capacity);
    this.bits = grown(this.bits, capacity);
    this.reason = grown(this.reason, capacity);
    this.invt = grown(this.invt, capacity);
    this.released = grown(this.released, capacity);
  }

  /** Sets row `slot` to a new order's initial context: configuration 0, `bits`, nothing else. */
  reset(slot: number, bits: number): void {
    this.config[slot] = 0;
    this.bits[slot] = bits;
    this.reason[slot] = 0;
    this.invt[slot] = 0;
    this.released[slot] = Number.NaN;
  }
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

/** A row of the columns and the sink its effects go to: what a lean guard or action works on. */
export class LeanCursor {
  /** The row. */
  slot = 0;

  constructor(
    readonly columns: MachineColumns,
    readonly sink: LeanSink,
  ) {}
}
