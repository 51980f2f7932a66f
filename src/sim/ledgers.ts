/**
 * The side ledgers of a run: the buyers' annual quota and the bonded account book with its
 * replenishment. The order flow applies the channel machines' effects here, and says when an
 * order is finished so the ledgers forget its references: they hold the orders in flight, one
 * balance per item and one quota total per buyer and year, never a history of every order.
 */
import { BondedLedger } from '../channels/bonded/ledger.js';
import type { QuotaMovement, StockMovement } from '../channels/effects.js';
import { money, ZERO, type Money } from '../money/money.js';
import { createQuotaLedger } from '../rules/quota.js';
import { RULE_SETS, rulesAt } from '../rules/rule-sets.js';
import type { QuotaLedger, RuleSet } from '../rules/types.js';
import { shanghaiDate } from './clock.js';
import type { Rng } from './rng.js';
import type { Scenario } from './scenario/schema.js';

/** What applying a reservation answered. */
export type Reservation = { readonly ok: true } | { readonly ok: false; readonly detail: string };

/** The references a finished order held in the ledgers. */
export interface FinishedOrderRefs {
  /** Account-book references: the list's copNo, and the zone entry's ref of a 1210 export. */
  readonly stockRefs: readonly string[];
  /** The list number customs gave, once accepted: the key of its quota entry. */
  readonly invtNo?: string | undefined;
}

/** The ledgers of one run. */
export class RunLedgers {
  /** The scenario's fixed rule set (`rules`), or `undefined` to follow the calendar. */
  readonly fixedRules: RuleSet | undefined;
  readonly quota: QuotaLedger;
  readonly bonded = new BondedLedger();
  /** Lists whose quota reservation the ledger holds (postal-era lists have none). */
  readonly #quotaHeld = new Set<string>();
  /** Buyers whose usage before the run is booked, per year. */
  readonly #priorBooked = new Set<string>();
  readonly #priorShare: (buyerIndex: number) => number;
  /** Item records with a replenishment on its way. */
  readonly #replenishing = new Set<string>();
  replenishments = 0;
  shortages = 0;
  rebates = 0;
  /** Reservations after which a buyer stood above the annual limit (must stay zero). */
  quotaOverruns = 0;

  constructor(scenario: Scenario, rng: Rng) {
    this.fixedRules = RULE_SETS.find((r) => r.id === scenario.rules);
    this.quota = createQuotaLedger(this.fixedRules);
    const max = scenario.buyers.priorQuotaShareMax;
    const priorRng = rng.stream('prior-quota');
    const shares = new Map<number, number>();
    this.#priorShare = (i) => {
      let s = shares.get(i);
      if (s === undefined) {
        s = priorRng.stream(String(i)).uniform(0, max);
        shares.set(i, s);
      }
      return s;
    };
  }

  /** The rule set the run applies at `at`: the scenario's `rules`, or the built-in set in force that day. */
  rulesAt(at: number): RuleSet {
    return this.fixedRules ?? rulesAt(at);
  }

  /** True when an annual CBEC quota is in force at `at` (not under the postal regime). */
  quotaInForce(at: number): boolean {
    return this.rulesAt(at).regime === 'cbec';
  }

  /** Books, once per buyer and year, what the buyer had used before the run began. */
  bookPrior(buyerId: string, buyerIndex: number, at: number): void {
    if (!this.quotaInForce(at)) return;
    const key = `${shanghaiDate(at).slice(0, 4)}:${buyerId}`;
    if (this.#priorBooked.has(key)) return;
    this.#priorBooked.add(key);
    const limit = this.rulesAt(at).annualLimit;
    const prior = money(Math.floor(this.#priorShare(buyerIndex) * Number(limit.toFixed(0)) * 100)).dividedBy(100);
    if (prior.isZero()) return;
    const ref = `PRIOR-${key}`;
    this.quota.reserve({ buyerId, invtNo: ref, at, amount: prior });
    this.quota.commit(ref);
    this.quota.forget(ref);
  }

  /** The buyer's quota used this year at `at` (zero when no quota is in force). */
  used(buyerId: string, at: number): Money {
    return this.quotaInForce(at) ? this.quota.used(buyerId, at) : ZERO;
  }

  /** Applies a quota movement; a refused reservation answers `ok: false`. */
  applyQuota(m: QuotaMovement): Reservation {
    if (m.op === 'reserve') {
      if (!this.quotaInForce(m.at)) return { ok: true };
      const decision = this.quota.reserve({ buyerId: m.buyerId, invtNo: m.invtNo, at: m.at, amount: m.amount });
      if (!decision.ok) return { ok: false, detail: decision.reason };
      if (this.quota.used(m.buyerId, m.at).gt(this.rulesAt(m.at).annualLimit)) this.quotaOverruns++;
      this.#quotaHeld.add(m.invtNo);
      return { ok: true };
    }
    if (!this.#quotaHeld.has(m.invtNo)) return { ok: true };
    if (m.op === 'commit') this.quota.commit(m.invtNo);
    else {
      this.quota.restore(m.invtNo);
      this.#quotaHeld.delete(m.invtNo);
    }
    return { ok: true };
  }

  /** Applies a stock movement; a refused reservation answers `ok: false`. */
  applyStock(m: StockMovement): Reservation {
    const result = this.bonded.apply(m);
    if (result.ok) return { ok: true };
    this.shortages++;
    return { ok: false, detail: result.shortages.map((s) => `item ${s.itemRecordNo}: wanted ${s.wanted.toString()}, available ${s.available.toString()}`).join('; ') };
  }

  /** Item records of `m` whose available stock has fallen to their reorder point and have no replenishment coming. */
  itemsToReorder(m: StockMovement, reorderPoint: (itemRecordNo: string) => number): string[] {
    return m.lines
      .map((l) => l.itemRecordNo)
      .filter((item) => !this.#replenishing.has(`${m.emsNo}/${item}`) && this.bonded.balance(m.emsNo, item).available.lte(reorderPoint(item)))
      .map((item) => {
        this.#replenishing.add(`${m.emsNo}/${item}`);
        this.replenishments++;
        return item;
      });
  }

  /** A first-line entry arrived: credit the book (the entry is done with at once) and allow the next reorder. */
  replenish(emsNo: string, itemRecordNo: string, quantity: number, at: number): void {
    this.#replenishing.delete(`${emsNo}/${itemRecordNo}`);
    const ref = `FL-${itemRecordNo}-${this.replenishments}-${at}`;
    this.bonded.credit({ op: 'credit', ref, emsNo, lines: [{ itemRecordNo, quantity: money(quantity) }], at });
    this.bonded.forget(ref);
  }

  /**
   * An order reached its final state: the ledgers forget its references (a stock reservation
   * still open is kept, and counted by {@link openStockReservations}).
   */
  forget({ stockRefs, invtNo }: FinishedOrderRefs): void {
    for (const ref of stockRefs) this.bonded.forget(ref);
    if (invtNo === undefined) return;
    this.#quotaHeld.delete(invtNo);
    this.quota.forget(invtNo);
  }

  /** References holding a stock reservation that was neither deducted nor restored. */
  openStockReservations(): Set<string> {
    return new Set(this.bonded.openReservations());
  }

  /** Item balances below zero, as text (must be none). */
  negativeStock(emsNo: string, itemRecordNos: readonly string[]): string[] {
    return itemRecordNos.flatMap((item) => {
      const b = this.bonded.balance(emsNo, item);
      return b.onHand.isNegative() || b.available.isNegative() ? [`${item}: on hand ${b.onHand.toString()}, available ${b.available.toString()}`] : [];
    });
  }

  /** Units of an item record available (on hand, less reservations). */
  available(emsNo: string, itemRecordNo: string): number {
    return Number(this.bonded.balance(emsNo, itemRecordNo).available.toString());
  }

  /** Units on hand across the given item records of a book. */
  onHand(emsNo: string, itemRecordNos: readonly string[]): number {
    return itemRecordNos.reduce((total, item) => total + Number(this.bonded.balance(emsNo, item).onHand.toString()), 0);
  }
}
