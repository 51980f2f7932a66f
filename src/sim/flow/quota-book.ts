/**
 * The buyers' annual CBEC quota of a run in whole fen: what each buyer (by population index) has
 * reserved and committed in each calendar year (Asia/Shanghai), including what they had used before
 * the run began, booked once per buyer and year. It is the run's form of `createQuotaLedger`:
 * a reservation that would pass the annual limit is refused, a restored one gives its amount
 * back; the orders hold their own entries (see the order flow), the book holds one total per buyer
 * and year, in pages of typed arrays touched only for buyers who order.
 */
import { fenOf } from '../../money/fen.js';
import { rulesAt } from '../../rules/rule-sets.js';
import type { RuleSet } from '../../rules/types.js';
import { MS } from '../clock.js';

const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

/**
 * One calendar year's totals, by buyer index, in pages: each buyer's use and whether their use
 * before the run is booked, side by side (one cache line for both).
 */
class YearTotals {
  readonly #pages: (Float64Array | undefined)[] = [];

  #page(buyer: number): Float64Array {
    return (this.#pages[buyer >>> PAGE_BITS] ??= new Float64Array(2 * PAGE));
  }

  used(buyer: number): number {
    return this.#pages[buyer >>> PAGE_BITS]?.[2 * (buyer & PAGE_MASK)] ?? 0;
  }

  add(buyer: number, fen: number): void {
    this.#page(buyer)[2 * (buyer & PAGE_MASK)]! += fen;
  }

  /** Marks the buyer's prior use as booked; false when it already was. */
  book(buyer: number): boolean {
    const page = this.#page(buyer);
    const at = 2 * (buyer & PAGE_MASK) + 1;
    if (page[at] === 1) return false;
    page[at] = 1;
    return true;
  }
}

/** The calendar year (Asia/Shanghai) of an instant, remembered per year span. */
class ShanghaiYear {
  #from = Number.POSITIVE_INFINITY;
  #until = Number.NEGATIVE_INFINITY;
  #year = 0;

  of(at: number): number {
    if (at >= this.#from && at < this.#until) return this.#year;
    const shifted = new Date(at + 8 * MS.hour);
    const year = shifted.getUTCFullYear();
    this.#year = year;
    this.#from = Date.UTC(year, 0, 1) - 8 * MS.hour;
    this.#until = Date.UTC(year + 1, 0, 1) - 8 * MS.hour;
    return year;
  }
}

/** The rule set in force at an instant (a run's fixed one, or the calendar's), remembered per Shanghai day, with its annual limit in fen. */
class RulesByDay {
  readonly #fixed: RuleSet | undefined;
  #day = Number.NaN;
  #rules: RuleSet | undefined;
  #limit = 0;
  #limitYuan = 0;

  constructor(fixed: RuleSet | undefined) {
    this.#fixed = fixed;
  }

  at(at: number): RuleSet {
    const day = Math.floor((at + 8 * MS.hour) / MS.day);
    if (day !== this.#day) {
      this.#day = day;
      this.#rules = this.#fixed ?? rulesAt(at);
      this.#limit = fenOf(this.#rules.annualLimit) ?? Number.POSITIVE_INFINITY;
      this.#limitYuan = Number(this.#rules.annualLimit.toFixed(0));
    }
    return this.#rules!;
  }

  /** The annual limit in fen at `at`. */
  limit(at: number): number {
    this.at(at);
    return this.#limit;
  }

  /** The annual limit in whole yuan at `at`, as prior use is worked out from it. */
  limitYuan(at: number): number {
    this.at(at);
    return this.#limitYuan;
  }
}

/** The quota totals of a run's buyers. */
export class QuotaBook {
  readonly #years = new Map<number, YearTotals>();
  readonly #year = new ShanghaiYear();
  readonly #rules: RulesByDay;
  readonly #priorShare: (buyer: number) => number;
  /** Reservations after which a buyer stood above the annual limit (must stay zero). */
  overruns = 0;

  /**
   * @param priorShare - the share of the annual limit buyer `buyer` had used before the run began
   * @param fixed - the run's rule set (a scenario's `rules`), or undefined for the one in force each day
   */
  constructor(priorShare: (buyer: number) => number, fixed?: RuleSet) {
    this.#priorShare = priorShare;
    this.#rules = new RulesByDay(fixed);
  }

  /** True when an annual CBEC quota is in force at `at` (not under the postal regime). */
  inForce(at: number): boolean {
    return this.#rules.at(at).regime === 'cbec';
  }

  /** The Shanghai calendar year of `at`. */
  yearOf(at: number): number {
    return this.#year.of(at);
  }

  #lastYear = Number.NaN;
  #last: YearTotals | undefined;

  #totals(year: number): YearTotals {
    if (year === this.#lastYear) return this.#last!;
    let totals = this.#years.get(year);
    if (totals === undefined) {
      totals = new YearTotals();
      this.#years.set(year, totals);
    }
    this.#lastYear = year;
    this.#last = totals;
    return totals;
  }

  /** Books, once per buyer and year, what the buyer had used before the run began. */
  bookPrior(buyer: number, at: number): void {
    if (!this.inForce(at)) return;
    const totals = this.#totals(this.yearOf(at));
    if (!totals.book(buyer)) return;
    const prior = Math.floor(this.#priorShare(buyer) * this.#rules.limitYuan(at) * 100);
    if (prior > 0) totals.add(buyer, prior);
  }

  /** What the buyer has used this year at `at`, fen (zero when no quota is in force). */
  used(buyer: number, at: number): number {
    return this.inForce(at) ? this.#totals(this.yearOf(at)).used(buyer) : 0;
  }

  /** Reserves `fen` for the buyer in the year of `at`; false (nothing reserved) when it would pass the annual limit. */
  reserve(buyer: number, at: number, fen: number): boolean {
    const totals = this.#totals(this.yearOf(at));
    const limit = this.#rules.limit(at);
    if (totals.used(buyer) + fen > limit) return false;
    totals.add(buyer, fen);
    if (totals.used(buyer) > limit) this.overruns++;
    return true;
  }

  /** Gives back `fen` reserved in `year`. */
  restore(buyer: number, year: number, fen: number): void {
    this.#totals(year).add(buyer, -fen);
  }
}
