/**
 * The monthly summary declarations (CEB701) of a run's released retail export lists (docs/domain.md §5),
 * counted as the lists are released: each list joins its month's application for its merge keys,
 * and the book holds one count per month and application, never the lists.
 */
import { SUMMARY_RULE_2018, summaryDeadline } from '../customs/summary.js';
import { endOfShanghaiMonth, shanghaiDate, startOfShanghaiMonth, type WorkCalendar } from './clock.js';
import type { Rng } from './rng.js';
import type { Scenario } from './scenario/schema.js';
import type { SummaryFacts } from './shard/facts.js';

/** Destination countries of retail exports, customs codes, with relative weights [A]. */
const DESTINATIONS = [
  { value: '502', weight: 4 },
  { value: '303', weight: 2 },
  { value: '304', weight: 2 },
  { value: '116', weight: 1 },
  { value: '601', weight: 1 },
] as const;

/** Road transport, customs transport-mode code 4 [P]: lists leave Guangzhou by truck to the exit port. */
const TRAF_MODE = '4';

/** The summary applications of a run's released export lists, by month. */
export class SummaryBook {
  readonly #rng: Rng;
  /** Every merge key but the destination: district, consignor, transport mode, owner; then the exit port. */
  readonly #head: string;
  readonly #exitPort: string;
  /** Lists by month, then by destination. */
  readonly #months = new Map<string, Map<string, number>>();
  #month = '';
  #from = Number.POSITIVE_INFINITY;
  #until = Number.NEGATIVE_INFINITY;

  /** @param exporter - the seller's code, consignor and owner of every list */
  constructor(scenario: Scenario, rng: Rng, exporter: string) {
    this.#rng = rng;
    this.#head = [scenario.customsCode, exporter, TRAF_MODE, exporter].join('|');
    this.#exitPort = scenario.customsCode;
  }

  /** Counts a list released at `releasedAt` into its month's application (drawing its destination country). */
  add(releasedAt: number): void {
    const destination = this.#rng.weighted(DESTINATIONS);
    if (releasedAt < this.#from || releasedAt > this.#until) {
      this.#month = shanghaiDate(releasedAt).slice(0, 7);
      this.#from = startOfShanghaiMonth(releasedAt);
      this.#until = endOfShanghaiMonth(releasedAt);
    }
    let byDestination = this.#months.get(this.#month);
    if (byDestination === undefined) {
      byDestination = new Map();
      this.#months.set(this.#month, byDestination);
    }
    byDestination.set(destination, (byDestination.get(destination) ?? 0) + 1);
  }

  /**
   * The applications (under the 2018 rule) of every month with released lists: in month order,
   * and within a month in merge-key order, each keyed by its month and merge keys.
   */
  facts(calendar: WorkCalendar): SummaryFacts[] {
    return [...this.#months.keys()].sort().flatMap((month) => {
      const deadline = summaryDeadline(month, SUMMARY_RULE_2018, calendar);
      const byKey = [...this.#months.get(month)!].map(([destination, lists]) => ({ key: `${this.#head}|${destination}|${this.#exitPort}`, lists }));
      return byKey.sort((a, b) => (a.key < b.key ? -1 : 1)).map(({ key, lists }) => ({ key: `${month}|${key}`, lists, deadline }));
    });
  }
}
