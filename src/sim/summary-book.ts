/**
 * Released retail export lists waiting for their monthly summary declaration (CEB701), and the
 * applications they make when the run ends (DOMAIN.md 5).
 */
import { summarise, SUMMARY_RULE_2018, type SummaryApplication, type SummaryCandidate } from '../customs/summary.js';
import { shanghaiDate, type WorkCalendar } from './clock.js';
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

/** The run's released export lists, by month. */
export class SummaryBook {
  readonly #candidates: SummaryCandidate[] = [];
  readonly #scenario: Scenario;
  readonly #rng: Rng;

  constructor(scenario: Scenario, rng: Rng) {
    this.#scenario = scenario;
    this.#rng = rng;
  }

  /** Records a released list for its month's summary. */
  add(docs: OrderDocuments, invtNo: string, releasedAt: number): void {
    const destination = this.#rng.weighted(DESTINATIONS);
    this.#candidates.push({
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

  /** The summary applications of every month with released lists, in month order. */
  applications(calendar: WorkCalendar): SummaryApplication[] {
    const months = [...new Set(this.#candidates.map((c) => shanghaiDate(c.releasedAt).slice(0, 7)))].sort();
    return months.flatMap((month) => summarise(this.#candidates, month, SUMMARY_RULE_2018, calendar));
  }
}
