/**
 * An order's documents, built on demand from its row: its draws again (from its serial), its
 * buyer (and a payer who is someone else), the mode in force when it was placed, the tax withheld.
 * Nothing of them is kept: asked again, they are built again, the same.
 */
import { CHANNEL_IDS } from '../../channels/registry.js';
import { modeAt } from '../../rules/modes.js';
import type { Companies } from '../parties/companies.js';
import { CHANNEL_PROFILES, orderDocuments, type OrderDocuments } from '../parties/platform.js';
import type { Population } from '../parties/population.js';
import type { Scenario } from '../scenario/schema.js';
import { OrderLines, type OrderDraws } from './order-draws.js';
import type { OrderRandom } from './order-random.js';
import type { OrderRows } from './rows.js';

/** Builds the documents of a run's orders in flight. */
export class OrderDocumentsSource {
  readonly #lines: OrderLines;

  constructor(
    readonly scenario: Scenario,
    readonly companies: Companies,
    readonly population: Population,
    readonly draws: OrderDraws,
    readonly random: OrderRandom,
    readonly rows: OrderRows,
  ) {
    this.#lines = new OrderLines(scenario.buyers.maxLinesPerOrder);
  }

  /** The documents of the order in `slot`. */
  of(slot: number): OrderDocuments {
    const { rows, population } = this;
    const channel = CHANNEL_IDS[rows.channel[slot]!]!;
    const serial = rows.serial[slot]!;
    const placedAt = rows.placedAt[slot]!;
    const lines = this.draws.draw(rows.channel[slot]!, this.random.start(serial), this.#lines);
    const member = lines.buyer >= 0 ? population.member(lines.buyer) : undefined;
    const payer = member !== undefined && lines.otherPayer ? population.member((lines.buyer + 1) % population.size).buyer : undefined;
    return orderDocuments(this.scenario, this.companies, {
      channel,
      serial,
      placedAt,
      tradeMode: modeAt(placedAt, CHANNEL_PROFILES[channel].wanted),
      lines,
      member,
      payer,
      withheld: rows.withheld.get(slot),
    });
  }
}
