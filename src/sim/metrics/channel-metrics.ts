/**
 * Per-channel figures gathered as a run goes, in fixed memory: counts, histograms, tax sums.
 */
import { fenToText } from '../../money/fen.js';
import { MS } from '../clock.js';
import { CLEARANCE_EDGES, type ChannelFacts } from './channel-facts.js';
import { Histogram } from './histogram.js';

/** Figures of one channel. */
export class ChannelMetrics {
  readonly channel: string;
  orders = 0;
  listsDeclared = 0;
  reviews = 0;
  inspections = 0;
  transitionErrors = 0;
  /** Finished orders by final state. */
  readonly finalStates = new Map<string, number>();
  /** Finished orders whose list customs refused (100), by reason: part of {@link finalStates}, never counted apart from it. */
  readonly rejections = new Map<string, number>();
  readonly clearance = new Histogram();
  readonly leadTime = new Histogram();
  /** Lists released within each of {@link CLEARANCE_EDGES} minutes, plus one open bucket. */
  readonly clearanceBuckets: number[] = new Array<number>(CLEARANCE_EDGES.length + 1).fill(0);
  /** Orders created per hour, keyed by the Shanghai hour `'YYYY-MM-DD HH:00'`. */
  readonly ordersPerHour = new Map<string, number>();
  /** Taxes assessed less voided, fen. */
  customsDuty = 0;
  vat = 0;
  consumptionTax = 0;

  constructor(channel: string) {
    this.channel = channel;
  }

  /** Counts one more under `key` in `map`. */
  static bump(map: Map<string, number>, key: string, by = 1): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  /** Counts one finished order under its final state and, when customs refused its list, under the reason. */
  finished(state: string, refusal: string | undefined): void {
    ChannelMetrics.bump(this.finalStates, state);
    if (refusal !== undefined) ChannelMetrics.bump(this.rejections, refusal);
  }

  /** Records one list's clearance time (declaration to release), ms. */
  cleared(ms: number): void {
    this.clearance.record(ms);
    const minutes = ms / MS.minute;
    const i = CLEARANCE_EDGES.findIndex((edge) => minutes <= edge);
    this.clearanceBuckets[i === -1 ? CLEARANCE_EDGES.length : i]!++;
  }

  /** Adds (sign 1) or removes (sign -1) a tax bill, its amounts in fen. */
  tax(sign: 1 | -1, customsDuty: number, vat: number, consumptionTax: number): void {
    this.customsDuty += sign * customsDuty;
    this.vat += sign * vat;
    this.consumptionTax += sign * consumptionTax;
  }

  /** The channel's figures as plain data; `inFlight` counts its orders still in flight by current state. */
  toFacts(inFlight: ReadonlyMap<string, number>): ChannelFacts {
    return {
      channel: this.channel,
      orders: this.orders,
      listsDeclared: this.listsDeclared,
      reviews: this.reviews,
      inspections: this.inspections,
      transitionErrors: this.transitionErrors,
      finalStates: Object.fromEntries(this.finalStates),
      inFlight: Object.fromEntries(inFlight),
      rejections: Object.fromEntries(this.rejections),
      clearance: this.clearance.toData(),
      leadTime: this.leadTime.toData(),
      clearanceBuckets: [...this.clearanceBuckets],
      ordersPerHour: Object.fromEntries(this.ordersPerHour),
      customsDuty: fenToText(this.customsDuty),
      vat: fenToText(this.vat),
      consumptionTax: fenToText(this.consumptionTax),
    };
  }
}
