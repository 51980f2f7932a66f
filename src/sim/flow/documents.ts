/**
 * An order's documents, built on demand from its row: its draws again (from its serial), its
 * buyer (and a payer who is someone else), the mode in force when it was placed, the tax withheld.
 * Nothing of them is kept: asked again, they are built again, the same.
 */
import { CHANNEL_IDS, type ChannelId } from '../../channels/registry.js';
import type { Order, TradeMode } from '../../domain/model.js';
import { fenOf } from '../../money/fen.js';
import type { Money } from '../../money/money.js';
import { modeAt } from '../../rules/modes.js';
import type { Companies } from '../parties/companies.js';
import { CHANNEL_PROFILES, orderDocuments, type OrderDocuments } from '../parties/platform.js';
import type { Population } from '../parties/population.js';
import type { Rng } from '../rng.js';
import type { Scenario } from '../scenario/schema.js';
import { OrderDraws, OrderLines } from './order-draws.js';
import { keyOf, OrderRandom } from './order-random.js';
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
    const channel = CHANNEL_IDS[rows.channel(slot)]!;
    const serial = rows.serial(slot);
    const placedAt = rows.placedAt(slot);
    const lines = this.draws.draw(rows.channel(slot), this.random.start(serial), this.#lines);
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
      withheld: rows.withheld(slot),
    });
  }
}

/** What {@link createOrderFactory} needs: the scenario, a stream to key the orders' draws, the buyers, the companies. */
export interface OrderFactoryDeps {
  readonly scenario: Scenario;
  readonly rng: Rng;
  readonly population: Population;
  readonly companies: Companies;
  /** The supervision mode in force at an instant for a wanted mode (0110 before it existed); `modeAt` by default. */
  readonly modeAt?: (at: number, wanted: TradeMode) => TradeMode;
  /** The tax the platform withholds for an import order (the buyer pays it with the goods); none by default. */
  readonly withheldTax?: (order: Order, buyerIndex: number) => Money;
}

/** Makes the documents of the `seq`th order, arriving at `now` in `channel`. */
export type OrderFactory = (channel: ChannelId, now: number, seq: number) => OrderDocuments;

/**
 * Documents of orders made outside a run, drawn as a run draws them (each from its own stream, keyed
 * by `rng` and the order's `seq`): for tools and tests that need realistic documents.
 */
export function createOrderFactory(deps: OrderFactoryDeps): OrderFactory {
  const { scenario, population, companies } = deps;
  const draws = new OrderDraws(scenario, population.size);
  const random = new OrderRandom(keyOf(deps.rng.words()));
  const lines = new OrderLines(scenario.buyers.maxLinesPerOrder);
  const modeOf = deps.modeAt ?? ((at: number, wanted: TradeMode) => modeAt(at, wanted));
  return (channel, now, seq) => {
    draws.draw(CHANNEL_IDS.indexOf(channel), random.start(seq), lines);
    const member = lines.buyer >= 0 ? population.member(lines.buyer) : undefined;
    const payer = member !== undefined && lines.otherPayer ? population.member((lines.buyer + 1) % population.size).buyer : undefined;
    const draft = { channel, serial: seq, placedAt: now, tradeMode: modeOf(now, CHANNEL_PROFILES[channel].wanted), lines, member, payer, withheld: 0 };
    const withheld = member !== undefined && deps.withheldTax !== undefined ? deps.withheldTax(orderDocuments(scenario, companies, draft).order, member.index) : undefined;
    return orderDocuments(scenario, companies, { ...draft, withheld: withheld === undefined ? 0 : (fenOf(withheld) ?? 0) });
  };
}
