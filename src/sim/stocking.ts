/**
 * How the bonded warehouse stocks its item records: what it holds at the start, when it reorders
 * and how much (a first-line entry into the zone, arriving after `bonded.replenishment`).
 *
 * - `fixed`: `initialStock` per item; reorder `reorderQuantity` when available stock falls to
 *   `reorderPoint`.
 * - `look-ahead` (the default): the warehouse knows the scenario's arrival plan, peaks included,
 *   as a platform knows its sales forecast. It stocks up before the run for the replenishment lead
 *   time plus `coverDays`, reorders when available stock falls to the demand expected over the
 *   lead time, and orders what covers the lead time plus `coverDays`; each figure is raised by
 *   `safety` and is never below the fixed figure. Bonded warehouses stock up weeks before a peak
 *   such as Double 11, so stock-outs on the day are the exception (docs/domain.md).
 *
 * Demand is the expected number of orders (the arrival rate, hour by hour) times the expected
 * units of each item an order takes; it is a forecast, not a look at the random draws.
 */
import { CHANNEL_IDS, type ChannelId } from '../channels/registry.js';
import { scenarioArrivals } from './scenario/expected.js';
import { MS } from './clock.js';
import { CHANNEL_PROFILES, RETAIL_UNITS_PER_LINE } from './parties/platform.js';
import type { Duration, Scenario } from './scenario/schema.js';

/** When and how much the warehouse stocks, per item record (`'1'`, `'2'`, ...: catalogue position + 1). */
export interface StockingPolicy {
  /** Units of `item` on hand at the start of the run. */
  opening(item: string): number;
  /** Reorder `item` when its available stock is at or below this at `now`. */
  reorderPoint(item: string, now: number): number;
  /** Units of `item` to order at `now`, with `available` units available. */
  reorderQuantity(item: string, now: number, available: number): number;
}

/** The typical length of a duration, ms: its median, or its fixed value. */
function typicalMs(d: Duration): number {
  return ('fixedMinutes' in d ? d.fixedMinutes : d.medianMinutes) * MS.minute;
}

/** Expected orders of a channel from the start to an instant, up to the horizon. */
function cumulativeOrders(scenario: Scenario, channel: ChannelId): (t: number) => number {
  return scenarioArrivals(scenario, (a) => a.channel === channel);
}

/**
 * Expected units of each catalogue item one order of `channel` takes: the chance the item is among
 * the order's lines (lines times its share of the channel's weight, at most 1) times the mean
 * quantity of a line.
 */
function unitsPerOrder(scenario: Scenario, channel: ChannelId): Map<string, number> {
  const goods = scenario.catalogue.map((g, i) => ({ item: String(i + 1), weight: g.weight, sells: (g.channels ?? CHANNEL_IDS).includes(channel) })).filter((g) => g.sells);
  const totalWeight = goods.reduce((n, g) => n + g.weight, 0);
  const lines = Math.min(goods.length, (1 + scenario.buyers.maxLinesPerOrder) / 2);
  const quantity = (RETAIL_UNITS_PER_LINE.min + RETAIL_UNITS_PER_LINE.max) / 2;
  return new Map(goods.map((g) => [g.item, Math.min(1, (lines * g.weight) / totalWeight) * quantity]));
}

/** Expected demand for each item between two instants, in units. */
function demandForecast(scenario: Scenario): (item: string, from: number, to: number) => number {
  const channels = CHANNEL_IDS.filter((c) => CHANNEL_PROFILES[c].bonded && CHANNEL_PROFILES[c].ieFlag === 'I' && scenario.arrivals.some((a) => a.channel === c));
  const parts = channels.map((c) => ({ orders: cumulativeOrders(scenario, c), units: unitsPerOrder(scenario, c) }));
  return (item, from, to) => parts.reduce((n, p) => n + (p.units.get(item) ?? 0) * (p.orders(to) - p.orders(from)), 0);
}

/**
 * The stocking policy of `scenario`'s bonded warehouse (`bonded.policy`).
 *
 * @example
 * ```ts
 * const stocking = stockingPolicy(scenario);
 * stocking.opening('1'); // at least bonded.initialStock
 * ```
 */
export function stockingPolicy(scenario: Scenario): StockingPolicy {
  const b = scenario.bonded;
  if (b.policy === 'fixed') return { opening: () => b.initialStock, reorderPoint: () => b.reorderPoint, reorderQuantity: () => b.reorderQuantity };
  const demand = demandForecast(scenario);
  const lead = typicalMs(b.replenishment);
  const cover = b.coverDays * MS.day;
  // Whole units, rounded up; the tolerance keeps float noise (14,000.0000001) from adding a unit.
  const withSafety = (units: number) => Math.ceil(units * (1 + b.safety) - 1e-6);
  return {
    opening: (item) => Math.max(b.initialStock, withSafety(demand(item, scenario.start, scenario.start + lead + cover))),
    reorderPoint: (item, now) => Math.max(b.reorderPoint, withSafety(demand(item, now, now + lead))),
    reorderQuantity: (item, now, available) => Math.max(b.reorderQuantity, withSafety(demand(item, now, now + lead + cover)) - available),
  };
}
