/**
 * The bonded account book (账册, docs/domain.md §1.3): stock per account book (emsNo) and item record
 * (itemRecordNo). Entries credit it; a declared list reserves; release deducts the reservation;
 * cancellation or return restores it. Stock never goes negative, every movement names its
 * reference, and repeating a movement with the same reference changes nothing until the reference
 * is forgotten. The book holds item balances and the references still in use, never a journal:
 * memory follows the lists in flight, not the lists ever declared.
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

/** An item a reservation wanted more of than was available. */
export interface Shortage {
  readonly itemRecordNo: string;
  readonly wanted: Money;
  readonly available: Money;
}

/** What a reservation answered. */
export type ReserveResult = { readonly ok: true } | { readonly ok: false; readonly shortages: readonly Shortage[] };

/** A movement the book recorded, as its `onEntry` listener receives it. */
export type LedgerEntry = Omit<StockMovement, 'type'>;

type RefState = 'reserved' | 'deducted' | 'restored';

/** What the book remembers of a reserved reference: its reservation and how far it went. */
interface Held {
  state: RefState;
  readonly movement: LedgerEntry;
}

interface Item {
  onHand: Money;
  reserved: Money;
}

/** Options of a {@link BondedLedger}. */
export interface BondedLedgerOptions {
  /**
   * Called with every movement the book records, in order: an opt-in journal for audits and the
   * `ledgerNeverNegative` invariant. The book itself keeps no journal.
   */
  readonly onEntry?: (entry: LedgerEntry) => void;
}

/**
 * An in-memory bonded account book.
 *
 * @example
 * ```ts
 * const journal: LedgerEntry[] = [];
 * const book = new BondedLedger({ onEntry: (entry) => journal.push(entry) });
 * book.credit({ op: 'credit', ref: 'HZ001', emsNo: 'T5141W000001', lines: [{ itemRecordNo: '1', quantity: money(10) }], at });
 * book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: 'T5141W000001', lines: [{ itemRecordNo: '1', quantity: money(2) }], at }); // { ok: true }
 * book.balance('T5141W000001', '1').available.toString(); // '8'
 * book.deduct('COP-1', at);
 * book.forget('COP-1'); // the list is finished: the book drops its reference
 * journal.map((e) => e.op); // ['credit', 'reserve', 'deduct']
 * ```
 */
export class BondedLedger {
  readonly #items = new Map<string, Item>();
  readonly #held = new Map<string, Held>();
  readonly #credited = new Set<string>();
  readonly #onEntry: ((entry: LedgerEntry) => void) | undefined;

  /** @param options - `onEntry` to receive every movement recorded */
  constructor(options: BondedLedgerOptions = {}) {
    this.#onEntry = options.onEntry;
  }

  /** Stock of one item (zero for an item never credited). */
  balance(emsNo: string, itemRecordNo: string): StockBalance {
    const item = this.#items.get(key(emsNo, itemRecordNo)) ?? { onHand: ZERO, reserved: ZERO };
    return { onHand: item.onHand, reserved: item.reserved, available: item.onHand.minus(item.reserved) };
  }

  /** References whose reservation is still open (neither deducted nor restored), in reservation order. */
  openReservations(): string[] {
    return [...this.#held].flatMap(([ref, held]) => (held.state === 'reserved' ? [ref] : []));
  }

  /** Credits stock (first-line entry into the zone, or 1210 export second-line entry). Once per ref. */
  credit(movement: LedgerEntry): void {
    if (this.#credited.has(movement.ref)) return;
    checkLines(movement.lines);
    for (const line of movement.lines) {
      const item = this.#item(movement.emsNo, line.itemRecordNo);
      item.onHand = item.onHand.plus(line.quantity);
    }
    this.#credited.add(movement.ref);
    this.#onEntry?.({ ...movement, op: 'credit' });
  }

  /** Reserves stock for a declared list; refuses (changing nothing) when any line is short. Once per ref. */
  reserve(movement: LedgerEntry): ReserveResult {
    if (this.#held.has(movement.ref)) return { ok: true };
    checkLines(movement.lines);
    const shortages = this.#shortages(movement);
    if (shortages.length > 0) return { ok: false, shortages };
    for (const line of movement.lines) {
      const item = this.#item(movement.emsNo, line.itemRecordNo);
      item.reserved = item.reserved.plus(line.quantity);
    }
    const reservation: LedgerEntry = { ...movement, op: 'reserve' };
    this.#held.set(movement.ref, { state: 'reserved', movement: reservation });
    this.#onEntry?.(reservation);
    return { ok: true };
  }

  /** Deducts the stock reserved under `ref` (release). Repeats and unknown refs change nothing. */
  deduct(ref: string, at: number): void {
    const held = this.#held.get(ref);
    if (held?.state !== 'reserved') return;
    for (const line of held.movement.lines) {
      const item = this.#item(held.movement.emsNo, line.itemRecordNo);
      item.reserved = item.reserved.minus(line.quantity);
      item.onHand = item.onHand.minus(line.quantity);
    }
    held.state = 'deducted';
    this.#onEntry?.({ ...held.movement, op: 'deduct', at });
  }

  /** Gives back what `ref` holds: a reservation is released, a deduction credited back (return). */
  restore(ref: string, at: number): void {
    const held = this.#held.get(ref);
    if (held === undefined || held.state === 'restored') return;
    for (const line of held.movement.lines) {
      const item = this.#item(held.movement.emsNo, line.itemRecordNo);
      if (held.state === 'reserved') item.reserved = item.reserved.minus(line.quantity);
      else item.onHand = item.onHand.plus(line.quantity);
    }
    held.state = 'restored';
    this.#onEntry?.({ ...held.movement, op: 'restore', at });
  }

  /**
   * Says the run is done with `ref` (its order reached a final state): the book stops remembering
   * that `ref` was credited, deducted or restored, so a later movement under the same ref would
   * count again. An open reservation is kept, since it still holds stock (and shows in
   * {@link openReservations}). Unknown refs change nothing.
   */
  forget(ref: string): void {
    this.#credited.delete(ref);
    if (this.#held.get(ref)?.state !== 'reserved') this.#held.delete(ref);
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

  /** The items of `movement` whose available stock is below what it wants (lines of one item summed). */
  #shortages(movement: LedgerEntry): Shortage[] {
    const wanted = new Map<string, Money>();
    for (const line of movement.lines) wanted.set(line.itemRecordNo, (wanted.get(line.itemRecordNo) ?? ZERO).plus(line.quantity));
    return [...wanted].flatMap(([itemRecordNo, quantity]) => {
      const available = this.balance(movement.emsNo, itemRecordNo).available;
      return available.lt(quantity) ? [{ itemRecordNo, wanted: quantity, available }] : [];
    });
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
