/**
 * A channel's figures as plain data (structured-cloneable, JSON-safe): what one shard of a run
 * hands over at its end, how the shards' figures add up, and the channel's section of the report.
 */
import { money, ZERO } from '../../money/money.js';
import { MS } from '../clock.js';
import type { ChannelReport, DurationSummary } from '../report/types.js';
import { addCounts, type Counts } from './counts.js';
import { Histogram, toPercentilePrecision, type HistogramData } from './histogram.js';

/** Upper edges (minutes) of the clearance-time buckets of the report. */
export const CLEARANCE_EDGES: readonly number[] = [5, 15, 30, 60, 120, 240, 480, 1440, 2880];

/** One channel's figures at the end of a run (or of one shard of it). */
export interface ChannelFacts {
  readonly channel: string;
  readonly orders: number;
  readonly listsDeclared: number;
  readonly reviews: number;
  readonly inspections: number;
  readonly transitionErrors: number;
  /** Finished orders by final state. */
  readonly finalStates: Counts;
  /** Orders still in flight, by current state. */
  readonly inFlight: Counts;
  /** Finished orders whose list was refused (100), by reason code: a breakdown of the refusing final states. */
  readonly rejections: Counts;
  /** Declaration to release, ms. */
  readonly clearance: HistogramData;
  /** Placed to delivery (import) or departure (export), ms. */
  readonly leadTime: HistogramData;
  /** Lists released within each of {@link CLEARANCE_EDGES} minutes, plus one open bucket. */
  readonly clearanceBuckets: readonly number[];
  /** Orders created per Shanghai hour `'YYYY-MM-DD HH:00'`. */
  readonly ordersPerHour: Counts;
  /** Taxes assessed less voided, CNY, as exact decimal text (unrounded). */
  readonly customsDuty: string;
  readonly vat: string;
  readonly consumptionTax: string;
}

const sumOf = (list: readonly ChannelFacts[], pick: (f: ChannelFacts) => number): number => list.reduce((n, f) => n + pick(f), 0);
const moneyOf = (list: readonly ChannelFacts[], pick: (f: ChannelFacts) => string): string => list.reduce((total, f) => total.plus(money(pick(f))), ZERO).toFixed();

function mergeHistograms(list: readonly HistogramData[]): HistogramData {
  const merged = new Histogram();
  for (const data of list) merged.merge(Histogram.fromData(data));
  return merged.toData();
}

/**
 * The figures of one channel across shards, given in shard order: counts add, histograms merge,
 * amounts add exactly.
 *
 * @example
 * ```ts
 * mergeChannelFacts([shard0, shard1]).orders === shard0.orders + shard1.orders; // true
 * ```
 */
export function mergeChannelFacts(list: readonly ChannelFacts[]): ChannelFacts {
  return {
    channel: list[0]?.channel ?? '',
    orders: sumOf(list, (f) => f.orders),
    listsDeclared: sumOf(list, (f) => f.listsDeclared),
    reviews: sumOf(list, (f) => f.reviews),
    inspections: sumOf(list, (f) => f.inspections),
    transitionErrors: sumOf(list, (f) => f.transitionErrors),
    finalStates: addCounts(list.map((f) => f.finalStates)),
    inFlight: addCounts(list.map((f) => f.inFlight)),
    rejections: addCounts(list.map((f) => f.rejections)),
    clearance: mergeHistograms(list.map((f) => f.clearance)),
    leadTime: mergeHistograms(list.map((f) => f.leadTime)),
    clearanceBuckets: Array.from({ length: CLEARANCE_EDGES.length + 1 }, (_, i) => sumOf(list, (f) => f.clearanceBuckets[i] ?? 0)),
    ordersPerHour: addCounts(list.map((f) => f.ordersPerHour)),
    customsDuty: moneyOf(list, (f) => f.customsDuty),
    vat: moneyOf(list, (f) => f.vat),
    consumptionTax: moneyOf(list, (f) => f.consumptionTax),
  };
}

/**
 * A duration histogram (ms) summarised in minutes: minimum, maximum and mean are exact (to a
 * tenth of a minute), percentiles carry the three significant digits the histogram supports.
 */
function minutes(data: HistogramData): DurationSummary {
  const s = Histogram.fromData(data).summary();
  const m = (v: number) => Math.round((v / MS.minute) * 10) / 10;
  const p = (v: number) => toPercentilePrecision(v / MS.minute);
  return { count: s.count, min: m(s.min), p50: p(s.p50), p90: p(s.p90), p99: p(s.p99), max: m(s.max), mean: m(s.mean) };
}

/** The channel's section of the report. */
export function channelReport(f: ChannelFacts): ChannelReport {
  const byState: Record<string, number> = {};
  for (const [state, n] of Object.entries(f.finalStates).sort()) byState[state] = n;
  let inFlightTotal = 0;
  for (const [state, n] of Object.entries(f.inFlight).sort()) {
    byState[`in flight: ${state}`] = n;
    inFlightTotal += n;
  }
  const rejections: Record<string, number> = {};
  for (const [reason, n] of Object.entries(f.rejections).sort()) rejections[reason] = n;
  const total = money(f.customsDuty).plus(money(f.vat)).plus(money(f.consumptionTax));
  return {
    channel: f.channel,
    orders: f.orders,
    byState,
    terminal: Object.values(f.finalStates).reduce((a, b) => a + b, 0),
    inFlight: inFlightTotal,
    clearance: minutes(f.clearance),
    leadTime: minutes(f.leadTime),
    listsDeclared: f.listsDeclared,
    reviewRate: f.listsDeclared ? f.reviews / f.listsDeclared : 0,
    inspectionRate: f.listsDeclared ? f.inspections / f.listsDeclared : 0,
    rejections,
    taxes: { customsDuty: money(f.customsDuty).toFixed(2), vat: money(f.vat).toFixed(2), consumptionTax: money(f.consumptionTax).toFixed(2), total: total.toFixed(2) },
    quotaRefusals: f.rejections['quota-exceeded'] ?? 0,
    transitionErrors: f.transitionErrors,
    clearanceBuckets: f.clearanceBuckets.map((lists, i) => ({ upToMinutes: CLEARANCE_EDGES[i] ?? null, lists })),
    ordersPerHour: Object.entries(f.ordersPerHour)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([hour, orders]) => ({ hour, orders })),
  };
}
