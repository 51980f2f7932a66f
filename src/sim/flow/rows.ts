/**
 * The orders of a run in flight, one 64-byte row each in one buffer: the lean runner's machine
 * context (configuration, context bits, reason, release time) and what the order flow keeps besides
 * (channel, serial, time placed, buyer, amounts in fen, flags, receipt history, pending events).
 * An order's fields share one cache line, so handling an event touches one line of memory, not one
 * per field.
 *
 * A finished order's row is free again once its last pending event has popped; rows are reused
 * last-freed first, so the rows in use stay packed at the low end. The buffer is allocated for the
 * run's likely largest number of orders in flight (and grows should it be passed); its pages are
 * only touched, and so only take memory, as rows are first used.
 */

/** Flags of an order in the flow (a 32-bit word). */
export const F = /* @__PURE__ */ Object.freeze({
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

/** Bytes of one row: one cache line. */
const ROW = 64;
/** Marks a 32-bit field whose value did not fit; the value is kept aside. */
const ASIDE = 0xffffffff;

// Field offsets, in units of the view that reads them (u32: 4 bytes, f64: 8, u16: 2, u8: 1).
const BITS = 0;
const FLAGS = 1;
const RECEIPTS = 2;
const SERIAL = 3;
const BUYER = 4;
const GOODS = 5;
const WITHHELD = 6;
const DECLARED = 7;
const PLACED = 4; // f64, bytes 32-39
const RELEASED = 5; // f64, bytes 40-47
const FREIGHT = 12;
const CONFIG = 26; // u16, bytes 52-53
const PENDING = 27; // u16, bytes 54-55
const CHANNEL = 56; // u8
const REASON = 57;
const EPOCH = 58;

/** Copies `old` into a new array of `length` elements. */
function grown<T extends Int32Array | ArrayBuffer>(old: T, length: number): T {
  if (old instanceof Int32Array) {
    const next = new Int32Array(length);
    next.set(old);
    return next as T;
  }
  const next = new ArrayBuffer(length);
  new Uint8Array(next).set(new Uint8Array(old as ArrayBuffer));
  return next as T;
}

/** The rows of a run's orders in flight. */
export class OrderRows {
  #u32!: Uint32Array;
  #i32!: Int32Array;
  #f64!: Float64Array;
  #u16!: Uint16Array;
  #u8!: Uint8Array;
  /** Values of 32-bit fields that did not fit, by field and row. */
  readonly #aside = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
  #free: Int32Array;
  #freeCount = 0;
  #used = 0;
  #live = 0;
  #capacity: number;

  /** @param capacity - the most orders in flight expected at once (pages are touched only as rows are used) */
  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#view(new ArrayBuffer(capacity * ROW));
    this.#free = new Int32Array(capacity);
  }

  #view(buffer: ArrayBuffer): void {
    this.#u32 = new Uint32Array(buffer);
    this.#i32 = new Int32Array(buffer);
    this.#f64 = new Float64Array(buffer);
    this.#u16 = new Uint16Array(buffer);
    this.#u8 = new Uint8Array(buffer);
  }

  /** Orders in flight (not finished). */
  get live(): number {
    return this.#live;
  }

  /** Rows ever touched: the high-water mark of rows in use. */
  get touched(): number {
    return this.#used;
  }

  /** A free row for a new order, every field zero (release time NaN). */
  take(): number {
    let slot: number;
    if (this.#freeCount > 0) slot = this.#free[--this.#freeCount]!;
    else {
      if (this.#used === this.#capacity) this.#grow(Math.ceil(this.#capacity * 1.5) + 1024);
      slot = this.#used++;
    }
    this.#u32.fill(0, slot * 16, slot * 16 + 16);
    for (const aside of this.#aside) aside.delete(slot);
    this.#f64[slot * 8 + RELEASED] = Number.NaN;
    this.#live++;
    return slot;
  }

  /** The order of `slot` finished: its row is freed once no event for it is pending. */
  finish(slot: number): void {
    this.setFlags(slot, this.flags(slot) | F.FINISHED);
    this.#live--;
    if (this.pending(slot) === 0) this.#free[this.#freeCount++] = slot;
  }

  /** An event for `slot` was queued. */
  queued(slot: number): void {
    this.#u16[slot * 32 + PENDING]!++;
  }

  /** An event for `slot` popped; true when its order is still in flight (the event is to be handled). */
  popped(slot: number): boolean {
    const left = --this.#u16[slot * 32 + PENDING]!;
    if ((this.#u32[slot * 16 + FLAGS]! & F.FINISHED) === 0) return true;
    if (left === 0) this.#free[this.#freeCount++] = slot;
    return false;
  }

  /** Calls `visit` for every row of an order in flight. */
  forEachLive(visit: (slot: number) => void): void {
    for (let slot = 0; slot < this.#used; slot++) if ((this.flags(slot) & F.FINISHED) === 0) visit(slot);
  }

  #grow(capacity: number): void {
    this.#view(grown(this.#u32.buffer as ArrayBuffer, capacity * ROW));
    this.#free = grown(this.#free, capacity);
    this.#capacity = capacity;
  }

  /** A 32-bit field that may hold any whole number up to 2^53. */
  #whole(slot: number, field: number, aside: number): number {
    const v = this.#u32[slot * 16 + field]!;
    return v === ASIDE ? this.#aside[aside]!.get(slot)! : v;
  }

  #setWhole(slot: number, field: number, aside: number, value: number): void {
    if (value >= 0 && value < ASIDE && Number.isInteger(value)) {
      this.#u32[slot * 16 + field] = value;
      return;
    }
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`row value ${value} is not a whole number from 0 to 2^53`);
    this.#u32[slot * 16 + field] = ASIDE;
    this.#aside[aside]!.set(slot, value);
  }

  // The machine context.

  /** The order's configuration: an index into its channel table's states. */
  config(slot: number): number {
    return this.#u16[slot * 32 + CONFIG]!;
  }

  setConfig(slot: number, config: number): void {
    this.#u16[slot * 32 + CONFIG] = config;
  }

  /** Context bits (see `B` in the lean runner's codes). */
  bits(slot: number): number {
    return this.#u32[slot * 16 + BITS]!;
  }

  setBits(slot: number, bits: number): void {
    this.#u32[slot * 16 + BITS] = bits;
  }

  /** Why the list stopped: a reason code (0 none), with `REASON_FROM_EVENT`. */
  reason(slot: number): number {
    return this.#u8[slot * 64 + REASON]!;
  }

  setReason(slot: number, reason: number): void {
    this.#u8[slot * 64 + REASON] = reason;
  }

  /** Release time, epoch ms; NaN until released. */
  released(slot: number): number {
    return this.#f64[slot * 8 + RELEASED]!;
  }

  setReleased(slot: number, at: number): void {
    this.#f64[slot * 8 + RELEASED] = at;
  }

  // What the flow keeps.

  /** Channel index (`CHANNEL_IDS`). */
  channel(slot: number): number {
    return this.#u8[slot * 64 + CHANNEL]!;
  }

  setChannel(slot: number, channel: number): void {
    this.#u8[slot * 64 + CHANNEL] = channel;
  }

  /** The order's serial in the run (orderNo, documents and its random draws come from it). */
  serial(slot: number): number {
    return this.#u32[slot * 16 + SERIAL]!;
  }

  setSerial(slot: number, serial: number): void {
    this.#u32[slot * 16 + SERIAL] = serial;
  }

  /** When the order was placed, epoch ms. */
  placedAt(slot: number): number {
    return this.#f64[slot * 8 + PLACED]!;
  }

  setPlacedAt(slot: number, at: number): void {
    this.#f64[slot * 8 + PLACED] = at;
  }

  /** The buyer's index in the shard's population; -1 for export orders. */
  buyer(slot: number): number {
    return this.#i32[slot * 16 + BUYER]!;
  }

  setBuyer(slot: number, buyer: number): void {
    this.#i32[slot * 16 + BUYER] = buyer;
  }

  /** Goods value, fen. */
  goods(slot: number): number {
    return this.#whole(slot, GOODS, 0);
  }

  setGoods(slot: number, fen: number): void {
    this.#setWhole(slot, GOODS, 0, fen);
  }

  /** Tax the platform withheld, fen. */
  withheld(slot: number): number {
    return this.#whole(slot, WITHHELD, 1);
  }

  setWithheld(slot: number, fen: number): void {
    this.#setWhole(slot, WITHHELD, 1, fen);
  }

  /** When the list was declared, ms after `placedAt`. */
  declared(slot: number): number {
    return this.#whole(slot, DECLARED, 2);
  }

  setDeclared(slot: number, ms: number): void {
    this.#setWhole(slot, DECLARED, 2, ms);
  }

  /** Freight, fen. */
  freight(slot: number): number {
    return this.#u32[slot * 16 + FREIGHT]!;
  }

  setFreight(slot: number, fen: number): void {
    this.#u32[slot * 16 + FREIGHT] = fen;
  }

  /** Flags (`F`). */
  flags(slot: number): number {
    return this.#u32[slot * 16 + FLAGS]!;
  }

  setFlags(slot: number, flags: number): void {
    this.#u32[slot * 16 + FLAGS] = flags;
  }

  /** The receipt history of up to eight messages, four bits each (see `receipt-order.ts`). */
  receipts(slot: number): number {
    return this.#u32[slot * 16 + RECEIPTS]!;
  }

  setReceipts(slot: number, history: number): void {
    this.#u32[slot * 16 + RECEIPTS] = history;
  }

  /** Events queued for the order that have not popped yet. */
  pending(slot: number): number {
    return this.#u16[slot * 32 + PENDING]!;
  }

  /** Bumped when a cancellable timer (documents, close) is cancelled; such events carry the epoch they were set in. */
  epoch(slot: number): number {
    return this.#u8[slot * 64 + EPOCH]!;
  }

  /** Cancels the order's cancellable timers: its epoch moves on. */
  nextEpoch(slot: number): void {
    this.#u8[slot * 64 + EPOCH] = (this.#u8[slot * 64 + EPOCH]! + 1) & 0xff;
  }
}

/** The two-bit field at `shift` of `flags`. */
export const field2 = (flags: number, shift: number): number => (flags >>> shift) & 3;
/** `flags` with the two-bit field at `shift` set to `value`. */
export const withField2 = (flags: number, shift: number, value: number): number => ((flags & ~(3 << shift)) | (value << shift)) >>> 0;
/** The five-bit field at `shift` of `flags`. */
export const field5 = (flags: number, shift: number): number => (flags >>> shift) & 31;
/** `flags` with the five-bit field at `shift` set to `value`. */
export const withField5 = (flags: number, shift: number, value: number): number => ((flags & ~(31 << shift)) | (value << shift)) >>> 0;
/** The four-bit field at `shift` of `flags`. */
export const field4 = (flags: number, shift: number): number => (flags >>> shift) & 15;
/** `flags` with the four-bit field at `shift` set to `value`. */
export const withField4 = (flags: number, shift: number, value: number): number => ((flags & ~(15 << shift)) | (value << shift)) >>> 0;
