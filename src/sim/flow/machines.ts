/**
 * How the order flow steps its orders' machines: the one seam between the flow and a runner.
 * The lean runner steps the rows themselves ({@link LeanMachines}); any other runner steps its own
 * instances over documents built for the orders in flight (`ObjectMachines`). Either way the
 * effects reach the flow's sink as numbers, and the order's configuration is in its row.
 */
import { CHANNEL_IDS } from '../../channels/registry.js';
import type { FenTaxAnswer } from '../../rules/fen-tax.js';
import { LeanCursor, type LeanEvent, type LeanSink } from '../runner/lean/context.js';
import { leanTable, type LeanTable } from '../runner/lean/table.js';
import type { OrderDraws, OrderLines } from './order-draws.js';
import type { OrderRandom } from './order-random.js';
import type { OrderTaxes } from './order-tax.js';
import type { OrderRows } from './rows.js';

/** The machines of a run's orders. */
export interface OrderMachines {
  /** The runner's name, for the report. */
  readonly name: string;
  /** Starts the machine of the order in `slot`, whose row is filled. */
  start(slot: number): void;
  /** Sends `event`; its effects go to the sink, the new configuration to the row. False when refused. */
  send(slot: number, event: LeanEvent): boolean;
  /** True when the order's machine would accept `event` (nothing changes). */
  can(slot: number, event: LeanEvent): boolean;
  /** The order finished: drop whatever the machine kept for it. */
  stop(slot: number): void;
  /** The retail import tax of the order, for a buyer who used `used` fen of the year's quota before it. */
  tax(slot: number, used: number, out: FenTaxAnswer): FenTaxAnswer;
}

/** Draws an order's lines again: what the lean machines and taxes read. */
export interface LineSource {
  readonly draws: OrderDraws;
  readonly random: OrderRandom;
  readonly lines: OrderLines;
}

/** Each channel's lean table, by channel index. */
export const LEAN_TABLES: readonly LeanTable[] = /* @__PURE__ */ CHANNEL_IDS.map((channel) => leanTable(channel));

/** The lean runner's machines: each channel's table over the rows. */
export class LeanMachines implements OrderMachines {
  readonly name = 'lean';
  readonly #rows: OrderRows;
  readonly #cursor: LeanCursor;
  readonly #taxes: OrderTaxes;
  readonly #source: LineSource;

  constructor(rows: OrderRows, sink: LeanSink, taxes: OrderTaxes, source: LineSource) {
    this.#rows = rows;
    this.#cursor = new LeanCursor(rows, sink);
    this.#taxes = taxes;
    this.#source = source;
  }

  start(): void {}

  send(slot: number, event: LeanEvent): boolean {
    this.#cursor.slot = slot;
    return LEAN_TABLES[this.#rows.channel(slot)]!.send(this.#cursor, event);
  }

  can(slot: number, event: LeanEvent): boolean {
    this.#cursor.slot = slot;
    return LEAN_TABLES[this.#rows.channel(slot)]!.select(this.#cursor, event) !== undefined;
  }

  stop(): void {}

  tax(slot: number, used: number, out: FenTaxAnswer): FenTaxAnswer {
    const { draws, random, lines } = this.#source;
    draws.draw(this.#rows.channel(slot), random.start(this.#rows.serial(slot)), lines);
    return this.#taxes.assess(lines, this.#rows.placedAt(slot), used, out);
  }
}
