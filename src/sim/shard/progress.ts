/**
 * Progress of a run by work done: events executed against the events the arrival plan makes
 * expected. Simulated time is a poor measure: a run spends nearly all its work in the days orders
 * arrive and little in the weeks they take to close. Shards advance separately (one after another
 * in this thread, or side by side on worker threads); their figures add up, and the run reports at
 * a steady pace, at most every {@link PROGRESS_INTERVAL_MS}, and once more when it ends.
 */
import type { Progress } from '../engine/engine.js';

/**
 * Events an order takes on average, for the expected total: 17 to 19 in the example scenarios
 * (declaration, receipts, clearance, delivery and close, plus the run's hourly and daily samples).
 */
export const EVENTS_PER_ORDER = 19;

/** The most often a run reports progress: ten times a second. */
export const PROGRESS_INTERVAL_MS = 100;

/** What one shard says as it runs. */
export interface ShardProgress extends Progress {
  /** Orders created so far. */
  readonly orders: number;
  /** Orders the shard's arrival plan makes expected (at most its order cap). */
  readonly expectedOrders: number;
  /** True once the shard has finished. */
  readonly done: boolean;
}

/** Progress of a run, for progress bars: figures summed over the shards. */
export interface RunProgress extends ShardProgress {
  /** Events expected in all: 19 per expected order, about what an order takes in the example scenarios (an estimate). */
  readonly expectedEvents: number;
  /**
   * Work done, 0 to 1: events executed against the expected total. It stays below 1 until the run
   * has finished (the estimate may fall short), and is 1 when it has.
   */
  readonly share: number;
}

/** The share of work done: below 1 until every shard is done. */
function workShare(events: number, expectedEvents: number, done: boolean): number {
  if (done) return 1;
  return expectedEvents > 0 ? Math.min(0.99, events / expectedEvents) : 0;
}

/**
 * Keeps the latest progress of each of `shards` shards and reports their combination at most every
 * {@link PROGRESS_INTERVAL_MS} of `clock` (ms; `performance.now` by default), and always when the
 * last shard finishes. Events, pending events and orders add up; `now` is the earliest instant
 * every shard has reached (a shard not yet started counts as being at `start`).
 */
export function combineProgress(shards: number, start: number, report: (progress: RunProgress) => void, clock: () => number = () => performance.now()): (shard: number, progress: ShardProgress) => void {
  const latest: (ShardProgress | undefined)[] = Array.from({ length: shards }, () => undefined);
  let last = Number.NEGATIVE_INFINITY;
  return (shard, progress) => {
    latest[shard] = progress;
    const known = latest.filter((p) => p !== undefined);
    const done = known.length === shards && known.every((p) => p.done);
    const time = clock();
    if (!done && time - last < PROGRESS_INTERVAL_MS) return;
    last = time;
    const sum = (pick: (p: ShardProgress) => number) => known.reduce((n, p) => n + pick(p), 0);
    const events = sum((p) => p.events);
    // A shard not yet started has not said what it expects: count it as expecting what the others do on average.
    const expectedOrders = Math.round((sum((p) => p.expectedOrders) * shards) / Math.max(1, known.length));
    const expectedEvents = expectedOrders * EVENTS_PER_ORDER;
    report({
      now: latest.every((p) => p !== undefined) ? Math.min(...known.map((p) => p.now)) : start,
      events,
      pending: sum((p) => p.pending),
      orders: sum((p) => p.orders),
      expectedOrders,
      expectedEvents,
      share: workShare(events, expectedEvents, done),
      done,
    });
  };
}
