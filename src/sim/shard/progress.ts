/**
 * Progress of a run whose shards advance separately (one after another in this thread, or side by
 * side on worker threads), combined into one figure for a progress bar.
 */
import type { Progress } from '../engine/engine.js';

/** Progress of a run, for progress bars. */
export interface RunProgress extends Progress {
  /** Orders created so far. */
  readonly orders: number;
  /** Share of simulated time elapsed, 0 to 1. */
  readonly share: number;
}

/**
 * Keeps the latest progress of each of `shards` shards and reports their combination: events,
 * pending events and orders add up; `share` is the shards' mean share; `now` is the earliest
 * instant every shard has reached (a shard not yet started counts as being at `start`).
 */
export function combineProgress(shards: number, start: number, report: (progress: RunProgress) => void): (shard: number, progress: RunProgress) => void {
  const latest: RunProgress[] = Array.from({ length: shards }, () => ({ now: start, events: 0, pending: 0, orders: 0, share: 0 }));
  const sum = (pick: (p: RunProgress) => number) => latest.reduce((n, p) => n + pick(p), 0);
  return (shard, progress) => {
    latest[shard] = progress;
    report({ now: Math.min(...latest.map((p) => p.now)), events: sum((p) => p.events), pending: sum((p) => p.pending), orders: sum((p) => p.orders), share: sum((p) => p.share) / shards });
  };
}
