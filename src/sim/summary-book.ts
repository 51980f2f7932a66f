/**
 * The monthly summary declarations (CEB701) of a run's released retail export lists (docs/domain.md §5):
 * each list is folded into its month's application as it is released, so the book holds one
 * tally per month and merge-key group, not the lists.
 */
import { SummaryBuilder, SUMMARY_RULE_2018, type CountedSummaryApplication } from '../customs/summary.js';
import type { WorkCalendar } from './clock.js';
import type { OrderDocuments } from './parties/platform.js';
import type { Rng } from './rng.js';
import type { Scenario } from './scenario/schema.js';

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
  readonly #builder = new SummaryBuilder();
  readonly #scenario: Scenario;
  readonly #rng: Rng;

  constructor(scenario: Scenario, rng: Rng) {
    this.#scenario = scenario;
    this.#rng = rng;
  }

  /** Counts a released list into its month's summary (drawing its destination country). */
  add(docs: OrderDocuments, invtNo: string, releasedAt: number): void {
    const destination = this.#rng.weighted(DESTINATIONS);
    this.#builder.add({
      invtNo,
      releasedAt,
      customsCode: this.#scenario.customsCode,
      consignorCode: docs.order.ebc.code,
      trafMode: TRAF_MODE,
      ownerCode: docs.order.ebc.code,
      destinationCountry: destination,
      exitPort: this.#scenario.customsCode,
      lines: docs.order.lines.map((l) => ({ hsCode: l.goods.hsCode, currency: docs.order.currency, finalDestination: destination, totalPrice: l.totalPrice })),
    });
  }

  /** The summary applications (under the 2018 rule) of every month with released lists, in month order. */
  applications(calendar: WorkCalendar): CountedSummaryApplication[] {
    return this.#builder.applications(SUMMARY_RULE_2018, calendar);
  }
}
