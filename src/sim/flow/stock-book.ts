/**
 * A shard's bonded account book in whole units: on hand and reserved per item record (catalogue
 * index i is item record `i + 1`), with the replenishment each item has on its way. It is the
 * run's form of `BondedLedger`: a reservation that any line cannot cover is refused whole; a
 * deduction takes reserved stock off the shelf; a restoration gives back a reservation or puts
 * returned goods back. The orders hold the state of their own references (see the order flow).
 */

/** Stock of every item record of one account book. */
export class StockBook {
  readonly onHand: Float64Array;
  readonly reserved: Float64Array;
  readonly #replenishing: Uint8Array;
  /** Units of each item's replenishment on its way. */
  readonly #ordered: Float64Array;
  /** Replenishments ordered. */
  replenishments = 0;
  /** Reservations refused for want of stock. */
  shortages = 0;

  /** @param items - the number of item records (the catalogue's length) */
  constructor(items: number) {
    this.onHand = new Float64Array(items);
    this.reserved = new Float64Array(items);
    this.#replenishing = new Uint8Array(items);
    this.#ordered = new Float64Array(items);
  }

  /** Units that a new reservation may take. */
  available(item: number): number {
    return this.onHand[item]! - this.reserved[item]!;
  }

  /** Credits `quantity` of `item` (an entry into the zone). */
  credit(item: number, quantity: number): void {
    this.onHand[item]! += quantity;
  }

  /** Reserves every line, or nothing (and counts a shortage) when any line wants more than is available. */
  reserve(items: Int32Array, quantities: Float64Array, count: number): boolean {
    for (let i = 0; i < count; i++) {
      if (this.available(items[i]!) < quantities[i]!) {
        this.shortages++;
        return false;
      }
    }
    for (let i = 0; i < count; i++) this.reserved[items[i]!]! += quantities[i]!;
    return true;
  }

  /** Takes reserved lines off the shelf (release). */
  deduct(items: Int32Array, quantities: Float64Array, count: number): void {
    for (let i = 0; i < count; i++) {
      this.reserved[items[i]!]! -= quantities[i]!;
      this.onHand[items[i]!]! -= quantities[i]!;
    }
  }

  /** Gives back reserved lines (`deducted` false) or puts returned goods back on the shelf (`deducted` true). */
  restore(items: Int32Array, quantities: Float64Array, count: number, deducted: boolean): void {
    for (let i = 0; i < count; i++) {
      if (deducted) this.onHand[items[i]!]! += quantities[i]!;
      else this.reserved[items[i]!]! -= quantities[i]!;
    }
  }

  /**
   * Marks, and returns, each item of the lines whose available stock has fallen to its reorder
   * point and that has no replenishment coming yet, counting a replenishment for each.
   */
  toReorder(items: Int32Array, count: number, reorderPoint: (item: number) => number, out: number[]): number[] {
    out.length = 0;
    for (let i = 0; i < count; i++) {
      const item = items[i]!;
      if (this.#replenishing[item] === 1 || this.available(item) > reorderPoint(item)) continue;
      this.#replenishing[item] = 1;
      this.replenishments++;
      out.push(item);
    }
    return out;
  }

  /** The replenishment of `item` just marked is for `quantity` units. */
  ordered(item: number, quantity: number): void {
    this.#ordered[item] = quantity;
  }

  /** The replenishment of `item` arrived: its units credited, and the item may be reordered again. */
  replenish(item: number): void {
    this.#replenishing[item] = 0;
    this.credit(item, this.#ordered[item]!);
  }
}
