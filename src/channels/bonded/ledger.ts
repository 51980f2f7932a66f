/**
 * The bonded account book (账册, DOMAIN.md 1.3): stock per account book (emsNo) and item record
 * (itemRecordNo). Entries credit it; a declared list reserves; release deducts the reservation;
 * cancellation or return restores it. Stock never goes negative, every movement names its
 * reference, and repeating a movement with the same reference changes nothing.
 */
import { ValidationError } from '../../domain/errors.js';
import { ZERO } from '../../money/money.js';
import type { Money } from '../../money/money.js';
import type { StockLine, StockMovement } from '../effects.js';

/** Stock of one item: on hand (credited, less deducted) and the part reserved by declared lists. */
export interface StockBalance {
  readonly onHand: Money;
  readonly reserved: Money;
  /** onHand − reserved: what a new list may reserve. */
  readonly available: Money;
}

/** What a reservation answered. */
export type ReserveResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly shortages: readonly { readonly itemRecordNo: string; readonly wanted: Money; readonly available: Money }[] };

/** A movement the book recorded. */
export type LedgerEntry = Omit<StockMovement, 'type'>;

type RefState = 'reserved' | 'deducted' | 'restored';

interface Item {
  onHand: Money;
  reserved: Money;
}

/**
 * An in-memory bonded account book.
 *
 * @example
 * ```ts
 * const book = new BondedLedger();
 * book.credit({ ref: 'HZ001', emsNo: 'T5141W000001', lines: [{ itemRecordNo: '1', quantity: money(10) }], at });
 * book.reserve({ ref: 'COP-1', emsNo: 'T5141W000001', lines: [{ itemRecordNo: '1', quantity: money(2) }], at }); // { ok: true }
 * book.balance('T5141W000001', '1').available.toString(); // '8'
 * ```
 */
export class BondedLedger {
  readonly #items = new Map<string, Item>();
  readonly #refs = new Map<string, { state: RefState; movement: LedgerEntry }>();
  readonly #credits = new Set<string>();
  readonly #entries: LedgerEntry[] = [];

  /** Every movement recorded, in order. */
  get entries(): readonly LedgerEntry[] {
    return this.#entries;
  }

  /** Stock of one item (zero for an item never credited). */
  balance(emsNo: string, itemRecordNo: string): StockBalance {
    const item = this.#items.get(key(emsNo, itemRecordNo)) ?? { onHand: ZERO, reserved: ZERO };
    return { onHand: item.onHand, reserved: item.reserved, available: item.onHand.minus(item.reserved) };
  }

  /** Credits stock (first-line entry into the zone, or 1210 export second-line entry). Once per ref. */
  credit(movement: LedgerEntry): void {
    if (this.#credits.has(movement.ref)) return;
    checkLines(movement.lines);
    for (const line of movement.lines) this.#item(movement.emsNo, line.itemRecordNo).onHand = this.#item(movement.emsNo, line.itemRecordNo).onHand.plus(line.quantity);
    this.#credits.add(movement.ref);
    this.#entries.push({ ...movement, op: 'credit' });
  }

  /** Reserves stock for a declared list; refuses (changing nothing) when any line is short. Once per ref. */
  reserve(movement: LedgerEntry): ReserveResult {
    if (this.#refs.has(movement.ref)) return { ok: true };
    checkLines(movement.lines);
    const wanted = new Map<string, Money>();
    for (const line of movement.lines) wanted.set(line.itemRecordNo, (wanted.get(line.itemRecordNo) ?? ZERO).plus(line.quantity));
    const shortages = [...wanted].flatMap(([itemRecordNo, quantity]) => {
      const available = this.balance(movement.emsNo, itemRecordNo).available;
      return available.lt(quantity) ? [{ itemRecordNo, wanted: quantity, available }] : [];
    });
    if (shortages.length > 0) return { ok: false, shortages };
    for (const line of movement.lines) {
      const item = this.#item(movement.emsNo, line.itemRecordNo);
      item.reserved = item.reserved.plus(line.quantity);
    }
    this.#refs.set(movement.ref, { state: 'reserved', movement: { ...movement, op: 'reserve' } });
    this.#entries.push({ ...movement, op: 'reserve' });
    return { ok: true };
  }

  /** Deducts the stock reserved under `ref` (release). Repeats and unknown refs change nothing. */
  deduct(ref: string, at: number): void {
    const held = this.#refs.get(ref);
    if (held?.state !== 'reserved') return;
    for (const line of held.movement.lines) {
      const item = this.#item(held.movement.emsNo, line.itemRecordNo);
      item.reserved = item.reserved.minus(line.quantity);
      item.onHand = item.onHand.minus(line.quantity);
    }
    held.state = 'deducted';
    this.#entries.push({ ...held.movement, op: 'deduct', at });
  }

  /** Gives back what `ref` holds: a reservation is released, a deduction credited back (return). */
  restore(ref: string, at: number): void {
    const held = this.#refs.get(ref);
    if (held === undefined || held.state === 'restored') return;
    for (const line of held.movement.lines) {
      const item = this.#item(held.movement.emsNo, line.itemRecordNo);
      if (held.state === 'reserved') item.reserved = item.reserved.minus(line.quantity);
      else item.onHand = item.onHand.plus(line.quantity);
    }
    held.state = 'restored';
    this.#entries.push({ ...held.movement, op: 'restore', at });
  }

  /**
   * Applies a stock movement a channel machine emitted. Returns the reservation result for
   * `reserve` (send STOCK_SHORTAGE to the machine when it is not ok), else `{ ok: true }`.
   */
  apply(movement: StockMovement): ReserveResult {
    const { type: _type, ...entry } = movement;
    switch (movement.op) {
      case 'credit':
        this.credit(entry);
        return { ok: true };
      case 'reserve':
        return this.reserve(entry);
      case 'deduct':
        this.deduct(movement.ref, movement.at);
        return { ok: true };
      case 'restore':
        this.restore(movement.ref, movement.at);
        return { ok: true };
    }
  }

  #item(emsNo: string, itemRecordNo: string): Item {
    const k = key(emsNo, itemRecordNo);
    let item = this.#items.get(k);
    if (item === undefined) {
      item = { onHand: ZERO, reserved: ZERO };
      this.#items.set(k, item);
    }
    return item;
  }
}

function key(emsNo: string, itemRecordNo: string): string {
  return `${emsNo}\u0000${itemRecordNo}`;
}

function checkLines(lines: readonly StockLine[]): void {
  const issues = lines.flatMap((line, i) => [
    ...(line.itemRecordNo === '' ? [{ path: ['lines', i, 'itemRecordNo'], value: line.itemRecordNo, reason: 'must name the account-book item (itemRecordNo).' }] : []),
    ...(line.quantity.lte(0) ? [{ path: ['lines', i, 'quantity'], value: line.quantity.toString(), reason: 'must be positive.' }] : []),
  ]);
  if (issues.length > 0) throw new ValidationError(issues, 'Invalid stock movement');
}
