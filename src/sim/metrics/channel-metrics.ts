/**
 * Per-channel figures gathered as a run goes, in fixed memory: counts, histograms, tax sums.
 */
import { ZERO, type Money } from '../../money/money.js';
import { MS } from '../clock.js';
import { Histogram } from './histogram.js';
import type { ChannelReport } from '../report/types.js';

/** Upper edges (minutes) of the clearance-time buckets of the report. */
export const CLEARANCE_EDGES: readonly number[] = [5, 15, 30, 60, 120, 240, 480, 1440, 2880];

/** Figures of one channel. */
export class ChannelMetrics {
  readonly channel: string;
  orders = 0;
  listsDeclared = 0;
  reviews = 0;
  inspections = 0;
  quotaRefusals = 0;
  transitionErrors = 0;
  readonly finalStates = new Map<string, number>();
  readonly rejections = new Map<string, number>();
  readonly clearance = new Histogram();
  readonly leadTime = new Histogram();
  /** Lists released within each of {@link CLEARANCE_EDGES} minutes, plus one open bucket. */
  readonly clearanceBuckets: number[] = new Array<number>(CLEARANCE_EDGES.length + 1).fill(0);
  /** Orders created per hour, keyed by the Shanghai hour `'YYYY-MM-DD HH:00'`. */
  readonly ordersPerHour = new Map<string, number>();
  customsDuty: Money = ZERO;
  vat: Money = ZERO;
  consumptionTax: Money = ZERO;

  constructor(channel: string) {
    this.channel = channel;
  }

  /** Counts one more under `key` in `map`. */
  static bump(map: Map<string, number>, key: string, by = 1): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  /** Records one list's clearance time (declaration to release), ms. */
  cleared(ms: number): void {
    this.clearance.record(ms);
    const minutes = ms / MS.minute;
    const i = CLEARANCE_EDGES.findIndex((edge) => minutes <= edge);
    this.clearanceBuckets[i === -1 ? CLEARANCE_EDGES.length : i]!++;
  }

  /** Adds (sign 1) or removes (sign -1) a tax bill. */
  tax(sign: 1 | -1, bill: { customsDuty: Money; vat: Money; consumptionTax: Money }): void {
    this.customsDuty = this.customsDuty.plus(bill.customsDuty.times(sign));
    this.vat = this.vat.plus(bill.vat.times(sign));
    this.consumptionTax = this.consumptionTax.plus(bill.consumptionTax.times(sign));
  }

  /** The channel's section of the report; `inFlight` counts orders by current state. */
  toReport(inFlight: ReadonlyMap<string, number>): ChannelReport {
    const byState: Record<string, number> = {};
    for (const [state, n] of [...this.finalStates].sort()) byState[state] = n;
    let inFlightTotal = 0;
    for (const [state, n] of [...inFlight].sort()) {
      byState[`in flight: ${state}`] = n;
      inFlightTotal += n;
    }
    const terminal = [...this.finalStates.values()].reduce((a, b) => a + b, 0);
    const minutes = (h: Histogram) => {
      const s = h.summary();
      const m = (v: number) => Math.round((v / MS.minute) * 10) / 10;
      return { count: s.count, min: m(s.min), p50: m(s.p50), p90: m(s.p90), p99: m(s.p99), max: m(s.max), mean: m(s.mean) };
    };
    const rejections: Record<string, number> = {};
    for (const [reason, n] of [...this.rejections].sort()) rejections[reason] = n;
    const total = this.customsDuty.plus(this.vat).plus(this.consumptionTax);
    return {
      channel: this.channel,
      orders: this.orders,
      byState,
      terminal,
      inFlight: inFlightTotal,
      clearance: minutes(this.clearance),
      leadTime: minutes(this.leadTime),
      listsDeclared: this.listsDeclared,
      reviewRate: this.listsDeclared ? this.reviews / this.listsDeclared : 0,
      inspectionRate: this.listsDeclared ? this.inspections / this.listsDeclared : 0,
      rejections,
      taxes: { customsDuty: this.customsDuty.toFixed(2), vat: this.vat.toFixed(2), consumptionTax: this.consumptionTax.toFixed(2), total: total.toFixed(2) },
      quotaRefusals: this.quotaRefusals,
      transitionErrors: this.transitionErrors,
      clearanceBuckets: this.clearanceBuckets.map((lists, i) => ({ upToMinutes: CLEARANCE_EDGES[i] ?? null, lists })),
      ordersPerHour: [...this.ordersPerHour].sort(([a], [b]) => (a < b ? -1 : 1)).map(([hour, orders]) => ({ hour, orders })),
    };
  }
}
