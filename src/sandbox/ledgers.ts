/**
 * The sandbox's side ledgers: the buyers' annual quota and the bonded account book, the same
 * classes the simulator uses. Every movement applied is stored, in the transaction of the message
 * or work that caused it; on start the ledgers are rebuilt by applying the stored movements again.
 */
import { BondedLedger } from '../channels/bonded/ledger.js';
import type { QuotaMovement, StockMovement } from '../channels/effects.js';
import { money, ZERO, type Money } from '../money/money.js';
import { createQuotaLedger } from '../rules/quota.js';
import { rulesAt } from '../rules/rule-sets.js';
import type { QuotaLedger } from '../rules/types.js';
import { decode, encode } from './codec.js';
import type { Store } from './store.js';

/** A stored movement: a machine's stock or quota movement. */
type Movement = StockMovement | QuotaMovement;

/** What applying a reservation answered. */
export type Applied = { readonly ok: true } | { readonly ok: false; readonly detail: string };

/** True when an annual CBEC quota is in force at `at`. */
function quotaInForce(at: number): boolean {
  return rulesAt(at).regime === 'cbec';
}

/** The quota ledger and the account book of one sandbox. */
export class SandboxLedgers {
  #quota: QuotaLedger = createQuotaLedger();
  #bonded = new BondedLedger();
  #quotaHeld = new Set<string>();
  #stocked = new Set<string>();
  readonly #store: Store;
  readonly #initialStock: number;

  constructor(store: Store, initialStock: number) {
    this.#store = store;
    this.#initialStock = initialStock;
    this.reload();
  }

  /** Rebuilds both ledgers from the stored movements (on start, and after a failed transaction). */
  reload(): void {
    this.#quota = createQuotaLedger();
    this.#bonded = new BondedLedger();
    this.#quotaHeld = new Set();
    this.#stocked = new Set();
    for (const text of this.#store.movements()) this.#apply(decode<Movement>(text));
  }

  /** Applies and stores a movement; a refused reservation stores nothing. */
  apply(movement: Movement): Applied {
    if (movement.type === 'stock' && movement.op === 'reserve') {
      for (const line of movement.lines) this.#stockFirstSight(movement.emsNo, line.itemRecordNo, movement.at);
    }
    const result = this.#apply(movement);
    if (result.ok) this.#store.insertMovement(encode(movement));
    return result;
  }

  /** The buyer's quota used in the calendar year of `at` (zero when no quota is in force). */
  used(buyerId: string, at: number): Money {
    return quotaInForce(at) ? this.#quota.used(buyerId, at) : ZERO;
  }

  /** Stock of one account-book item. */
  balance(emsNo: string, itemRecordNo: string) {
    return this.#bonded.balance(emsNo, itemRecordNo);
  }

  /**
   * Credits `quantity` to an item (a first-line entry into the zone), stored like any movement.
   * The first reservation of an item never seen before credits the behaviour's initial stock.
   */
  credit(emsNo: string, itemRecordNo: string, quantity: Money, at: number, ref: string): void {
    this.#stocked.add(`${emsNo}\u0000${itemRecordNo}`);
    this.apply({ type: 'stock', op: 'credit', ref, emsNo, lines: [{ itemRecordNo, quantity }], at });
  }

  #stockFirstSight(emsNo: string, itemRecordNo: string, at: number): void {
    const key = `${emsNo}\u0000${itemRecordNo}`;
    if (this.#stocked.has(key) || itemRecordNo === '' || this.#initialStock <= 0) return;
    this.credit(emsNo, itemRecordNo, money(this.#initialStock), at, `INITIAL-${emsNo}-${itemRecordNo}`);
  }

  #apply(m: Movement): Applied {
    return m.type === 'stock' ? this.#applyStock(m) : this.#applyQuota(m);
  }

  #applyStock(m: StockMovement): Applied {
    if (m.op === 'credit') for (const line of m.lines) this.#stocked.add(`${m.emsNo}\u0000${line.itemRecordNo}`);
    const result = this.#bonded.apply(m);
    if (result.ok) return { ok: true };
    return { ok: false, detail: result.shortages.map((s) => `item ${s.itemRecordNo}: wanted ${s.wanted.toString()}, available ${s.available.toString()}`).join('; ') };
  }

  #applyQuota(m: QuotaMovement): Applied {
    if (m.op === 'reserve') {
      if (!quotaInForce(m.at)) return { ok: true };
      const decision = this.#quota.reserve({ buyerId: m.buyerId, invtNo: m.invtNo, at: m.at, amount: m.amount });
      if (!decision.ok) return { ok: false, detail: decision.reason };
      this.#quotaHeld.add(m.invtNo);
      return { ok: true };
    }
    if (!this.#quotaHeld.has(m.invtNo)) return { ok: true };
    if (m.op === 'commit') this.#quota.commit(m.invtNo);
    else {
      this.#quota.restore(m.invtNo);
      this.#quotaHeld.delete(m.invtNo);
    }
    return { ok: true };
  }
}
