/**
 * Customs as a resource: lists wait in one queue for a decision, served at the scenario's
 * capacity; outages stop the e-port forwarding declarations until they end. In a run of S shards
 * each shard has a desk of its own: one of S equal lanes of the port, at capacityPerHour / S.
 */
import { MS } from '../clock.js';
import { TimeWeighted } from '../metrics/time-weighted.js';

/** Outage windows, epoch ms, sorted. */
export type Outages = readonly { readonly start: number; readonly end: number }[];

/** The customs decision desk of a run. */
export class CustomsDesk {
  readonly #serviceMs: number;
  readonly #outages: Outages;
  readonly #queue: TimeWeighted;
  #nextFree: number;
  #busyMs = 0;
  #decisions = 0;
  #decisionsAtLastSample = 0;

  constructor(start: number, capacityPerHour: number, outages: Outages) {
    this.#serviceMs = MS.hour / capacityPerHour;
    this.#outages = [...outages].sort((a, b) => a.start - b.start);
    this.#queue = new TimeWeighted(start);
    this.#nextFree = start;
  }

  /** Takes a list into the queue at `now`; returns when its decision is made. */
  enqueue(now: number): number {
    this.#queue.add(now, 1);
    const start = Math.max(now, this.#nextFree);
    this.#nextFree = start + this.#serviceMs;
    this.#busyMs += this.#serviceMs;
    return this.#nextFree;
  }

  /** A list left the queue (decided, or withdrawn) at `now`. */
  leave(now: number): void {
    this.#queue.add(now, -1);
    this.#decisions++;
  }

  /** Lists waiting now, and the share of the last hour spent deciding (call once an hour). */
  sampleHour(): { lists: number; utilisation: number } {
    const decided = this.#decisions - this.#decisionsAtLastSample;
    this.#decisionsAtLastSample = this.#decisions;
    return { lists: this.#queue.level, utilisation: Math.min(1, Math.round(((decided * this.#serviceMs) / MS.hour) * 1e6) / 1e6) };
  }

  /** `t`, or the end of the outage `t` falls in. */
  afterOutage(t: number): number {
    for (const o of this.#outages) if (t >= o.start && t < o.end) return o.end;
    return t;
  }

  /** Queue statistics and utilisation up to `end`. */
  summary(start: number, end: number): { queue: { mean: number; max: number }; utilisation: number; decisions: number } {
    const span = end - start;
    return { queue: this.#queue.summary(end), utilisation: span > 0 ? Math.min(1, this.#busyMs / span) : 0, decisions: this.#decisions };
  }
}
