/**
 * The orders of a run in flight, one row each in typed-array columns: the machine context of the
 * lean runner and what the order flow keeps besides (channel, serial, time placed, buyer, amounts
 * in fen, flags, receipt history, pending events). A finished order's row is free again once its
 * last pending event has popped; rows are reused last-freed first, so the rows in use stay packed
 * at the low end and memory follows the orders in flight.
 *
 * The columns are allocated for the run's likely largest number of orders in flight (and grow
 * should it be passed); the pages of a row are only touched (and so only take memory) when an
 * order first uses it.
 */
import { grown, MachineColumns } from '../runner/lean/context.js';

/** Flags of an order in the flow (a 32-bit word). */
export const F = Object.freeze({
  /** A CUSTOMS_ACCEPTED is on its way (the flow numbers a list once per try). */
  ACCEPT_PENDING: 1 << 0,
  /** Documents customs acknowledged, as the flow saw the receipts: `ACKED << docCode` (order, payment, waybill). */
  ACKED: 1 << 1,
  /** The order reached a final state; its row waits for its last pending events to pop. */
  FINISHED: 1 << 4,
  /** The tax route customs decided (two bits): 0 none, 1 cbec, 2 cbec-full, 3 postal. */
  ROUTE_SHIFT: 5,
  /** The order's entry in the quota book (two bits): 0 none, 1 reserved, 2 committed, 3 restored. */
  QUOTA_SHIFT: 7,
  /** Its reference in the account book (two bits): 0 none, 1 reserved, 2 deducted, 3 restored. */
  STOCK_SHIFT: 9,
  /** The year of the quota entry, from the run's first year (four bits). */
  QUOTA_YEAR_SHIFT: 11,
  /** The year of the list number, from the run's first year (four bits). */
  INVT_YEAR_SHIFT: 15,
  /** A tax bill is issued and not void (its amounts follow from the route). */
  BILL: 1 << 19,
  /** Why customs refused the list (five bits): 0 not refused, else a reason code, `UNSPECIFIED` for a refusal without one. */
  REFUSAL_SHIFT: 20,
});

/** The refusal field of a list refused without a reason. */
export const UNSPECIFIED = 31;

/** A ledger entry's state, as the two-bit fields of the flags hold it. */
export const ENTRY_NONE = 0;
export const ENTRY_RESERVED = 1;
export const ENTRY_SETTLED = 2;
export const ENTRY_RESTORED = 3;

/** Marks a column value that did not fit its 32 bits; the value is kept aside. */
const ASIDE = 0xffffffff;

/**
 * A column of whole numbers from 0 up to 2^53, held in 32 bits: the rare value that does not fit
 * is kept in a map beside it, so no value is ever cut.
 */
export class WholeColumn {
  #values: Uint32Array;
  readonly #aside = new Map<number, number>();

  constructor(capacity: number) {
    this.#values = new Uint32Array(capacity);
  }

  get(slot: number): number {
    const v = this.#values[slot]!;
    return v === ASIDE ? this.#aside.get(slot)! : v;
  }

  set(slot: number, value: number): void {
    if (value >= 0 && value < ASIDE && Number.isInteger(value)) {
      if (this.#values[slot] === ASIDE) this.#aside.delete(slot);
      this.#values[slot] = value;
      return;
    }
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`column value ${value} is not a whole number from 0 to 2^53`);
    this.#values[slot] = ASIDE;
    this.#aside.set(slot, value);
  }

  /** Makes room for `capacity` rows. */
  grow(capacity: number): void {
    this.#values = grown(this.#values, capacity);
  }
}

/** The rows of a run's orders in flight. */
export class OrderRows {
  readonly machine: MachineColumns;
  /** Channel index (`CHANNEL_IDS`). */
  channel: Uint8Array;
  /** The order's serial in the run (orderNo, documents and its random draws come from it). */
  serial: Uint32Array;
  /** When the order was placed, epoch ms. */
  placedAt: Float64Array;
  /** The buyer's index in the shard's population; -1 for export orders. */
  buyer: Int32Array;
  /** Goods value, fen. */
  readonly goods: WholeColumn;
  /** Freight, fen. */
  freight: Uint32Array;
  /** Tax the platform withheld, fen. */
  readonly withheld: WholeColumn;
  /** When the list was declared, ms after `placedAt`. */
  readonly declared: WholeColumn;
  /** Flags (`F`). */
  flags: Uint32Array;
  /** The receipt history of up to eight messages, four bits each (see `receipt-order.ts`). */
  receipts: Uint32Array;
  /** Events queued for the order that have not popped yet. */
  pending: Uint16Array;
  /** Bumped when a cancellable timer (documents, close) is cancelled; such events carry the epoch they were set in. */
  epoch: Uint8Array;
  #free: Int32Array;
  #freeCount = 0;
  #used = 0;
  #live = 0;

  #capacity: number;

  /** @param capacity - the most orders in flight expected at once (pages are touched only as rows are used) */
  constructor(capacity: number) {
    this.#capacity = capacity;
    this.machine = new MachineColumns(capacity);
    this.channel = new Uint8Array(capacity);
    this.serial = new Uint32Array(capacity);
    this.placedAt = new Float64Array(capacity);
    this.buyer = new Int32Array(capacity);
    this.goods = new WholeColumn(capacity);
    this.freight = new Uint32Array(capacity);
    this.withheld = new WholeColumn(capacity);
    this.declared = new WholeColumn(capacity);
    this.flags = new Uint32Array(capacity);
    this.receipts = new Uint32Array(capacity);
    this.pending = new Uint16Array(capacity);
    this.epoch = new Uint8Array(capacity);
    this.#free = new Int32Array(capacity);
  }

  /** Orders in flight (not finished). */
  get live(): number {
    return this.#live;
  }

  /** Rows ever touched: the high-water mark of rows in use. */
  get touched(): number {
    return this.#used;
  }

  /** A free row for a new order, its flow columns cleared (the caller fills the rest). */
  take(): number {
    let slot: number;
    if (this.#freeCount > 0) slot = this.#free[--this.#freeCount]!;
    else {
      if (this.#used === this.#capacity) this.#grow(Math.ceil(this.#capacity * 1.5) + 1024);
      slot = this.#used++;
    }
    this.flags[slot] = 0;
    this.receipts[slot] = 0;
    this.pending[slot] = 0;
    this.#live++;
    return slot;
  }

  /** The order of `slot` finished: its row is freed once no event for it is pending. */
  finish(slot: number): void {
    this.flags[slot]! |= F.FINISHED;
    this.#live--;
    if (this.pending[slot] === 0) this.#release(slot);
  }

  /** An event for `slot` was queued. */
  queued(slot: number): void {
    this.pending[slot]!++;
  }

  /** An event for `slot` popped; true when its order is still in flight (the event is to be handled). */
  popped(slot: number): boolean {
    const left = --this.pending[slot]!;
    if ((this.flags[slot]! & F.FINISHED) === 0) return true;
    if (left === 0) this.#release(slot);
    return false;
  }

  #grow(capacity: number): void {
    this.machine.grow(capacity);
    this.channel = grown(this.channel, capacity);
    this.serial = grown(this.serial, capacity);
    this.placedAt = grown(this.placedAt, capacity);
    this.buyer = grown(this.buyer, capacity);
    this.goods.grow(capacity);
    this.freight = grown(this.freight, capacity);
    this.withheld.grow(capacity);
    this.declared.grow(capacity);
    this.flags = grown(this.flags, capacity);
    this.receipts = grown(this.receipts, capacity);
    this.pending = grown(this.pending, capacity);
    this.epoch = grown(this.epoch, capacity);
    this.#free = grown(this.#free, capacity);
    this.#capacity = capacity;
  }

  #release(slot: number): void {
    this.#free[this.#freeCount++] = slot;
  }

  /** Calls `visit` for every row of an order in flight. */
  forEachLive(visit: (slot: number) => void): void {
    for (let slot = 0; slot < this.#used; slot++) if ((this.flags[slot]! & F.FINISHED) === 0) visit(slot);
  }
}

/** The two-bit field at `shift` of `flags`. */
export const field2 = (flags: number, shift: number): number => (flags >>> shift) & 3;
/** `flags` with the two-bit field at `shift` set to `value`. */
export const withField2 = (flags: number, shift: number, value: number): number => (flags & ~(3 << shift)) | (value << shift);
/** The five-bit field at `shift` of `flags`. */
export const field5 = (flags: number, shift: number): number => (flags >>> shift) & 31;
/** `flags` with the five-bit field at `shift` set to `value`. */
export const withField5 = (flags: number, shift: number, value: number): number => ((flags & ~(31 << shift)) | (value << shift)) >>> 0;
/** The four-bit field at `shift` of `flags`. */
export const field4 = (flags: number, shift: number): number => (flags >>> shift) & 15;
/** `flags` with the four-bit field at `shift` set to `value`. */
export const withField4 = (flags: number, shift: number, value: number): number => (flags & ~(15 << shift)) | (value << shift);
