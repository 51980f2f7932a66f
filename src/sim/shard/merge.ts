/**
 * Combines the facts of a run's shards into the facts of the whole run, deterministically: shards
 * are taken in shard order whatever thread simulated them, so 1 or 2 workers give the same bytes.
 */
import { ValidationError } from '../../domain/errors.js';
import { mergeChannelFacts, type ChannelFacts } from '../metrics/channel-facts.js';
import type { DailyStock, DeskFacts, HourlyQueue, MergedFacts, ShardFacts, SummaryFacts } from './facts.js';

/** How many refused events the merged facts keep as examples. */
const EXAMPLES = 10;

const total = <T>(list: readonly T[], pick: (item: T) => number): number => list.reduce((n, item) => n + pick(item), 0);

/** `items` grouped by `keyOf`, groups in the order their key first appears. */
function groups<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const group = byKey.get(keyOf(item));
    if (group) group.push(item);
    else byKey.set(keyOf(item), [item]);
  }
  return [...byKey.values()];
}

const roundMillionths = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The port's customs figures from its lanes: queue means add (the port's queue is the sum of the
 * lanes' queues over the same span), utilisation is the lanes' mean (the lanes have equal capacity),
 * decisions add. The maximum is the sum of the lanes' maxima: exact for one lane, an upper bound of
 * the port's peak queue for more (the lanes need not peak at the same instant).
 */
function mergeDesks(desks: readonly DeskFacts[]): DeskFacts {
  return {
    queue: { mean: total(desks, (d) => d.queue.mean), max: total(desks, (d) => d.queue.max) },
    utilisation: total(desks, (d) => d.utilisation) / desks.length,
    decisions: total(desks, (d) => d.decisions),
  };
}

/** The port's hourly queue: lists add; utilisation is the mean of the lanes reporting that hour. */
function mergeHours(hours: readonly HourlyQueue[]): HourlyQueue[] {
  return groups(hours, (h) => h.hour).map((g) => ({ hour: g[0]!.hour, lists: total(g, (h) => h.lists), utilisation: roundMillionths(total(g, (h) => h.utilisation) / g.length) }));
}

function mergeStock(days: readonly DailyStock[]): DailyStock[] {
  return groups(days, (d) => d.date).map((g) => ({ date: g[0]!.date, units: total(g, (d) => d.units) }));
}

/** One application per month and merge keys: the shards' lists of the same application add up. */
function mergeSummaries(summaries: readonly SummaryFacts[]): SummaryFacts[] {
  return groups(summaries, (s) => s.key).map((g) => ({ key: g[0]!.key, lists: total(g, (s) => s.lists), deadline: g[0]!.deadline }));
}

/** True when a shard's own orders add up: each created once, and finished or in flight. */
function balanced(f: ShardFacts): boolean {
  const counted = total(f.channels, (c) => c.orders);
  const placed = total(f.channels, (c) => total(Object.values(c.finalStates), (n) => n) + total(Object.values(c.inFlight), (n) => n));
  return f.created === counted && f.created === placed;
}

/**
 * The facts of a whole run from the facts of its shards (in any order; they are taken in shard
 * order): counts and time series add per key, histograms merge, amounts add exactly as decimal
 * text, customs lanes combine as {@link DeskFacts} describes, example lists are taken in shard
 * order and capped. The run ends when its last shard does.
 *
 * @throws {@link ValidationError} naming `shards` when given no facts
 * @example
 * ```ts
 * const run = mergeShardFacts([shard0, shard1]);
 * run.created === shard0.created + shard1.created; // true
 * ```
 */
export function mergeShardFacts(shards: readonly ShardFacts[]): MergedFacts {
  if (shards.length === 0) throw new ValidationError([{ path: ['shards'], value: shards, reason: 'must hold the facts of at least one shard.' }]);
  const ordered = [...shards].sort((a, b) => a.shard - b.shard);
  return {
    shards: ordered.length,
    end: Math.max(...ordered.map((f) => f.end)),
    created: total(ordered, (f) => f.created),
    events: total(ordered, (f) => f.events),
    channels: groups(
      ordered.flatMap((f) => f.channels),
      (c: ChannelFacts) => c.channel,
    ).map(mergeChannelFacts),
    customs: mergeDesks(ordered.map((f) => f.customs)),
    hourlyQueue: mergeHours(ordered.flatMap((f) => f.hourlyQueue)),
    bonded: {
      dailyStock: mergeStock(ordered.flatMap((f) => f.bonded.dailyStock)),
      replenishments: total(ordered, (f) => f.bonded.replenishments),
      shortages: total(ordered, (f) => f.bonded.shortages),
      itemRecords: Math.max(...ordered.map((f) => f.bonded.itemRecords)),
      negativeStock: ordered.flatMap((f) => f.bonded.negativeStock),
      orphanedReservations: total(ordered, (f) => f.bonded.orphanedReservations),
    },
    summaries: mergeSummaries(ordered.flatMap((f) => f.summaries)),
    violations: {
      receiptOrderViolations: total(ordered, (f) => f.violations.receiptOrderViolations),
      unmatchedReleases: total(ordered, (f) => f.violations.unmatchedReleases),
      quotaOverruns: total(ordered, (f) => f.violations.quotaOverruns),
      transitionErrorExamples: ordered.flatMap((f) => f.violations.transitionErrorExamples).slice(0, EXAMPLES),
    },
    unbalancedShards: ordered.filter((f) => !balanced(f)).map((f) => f.shard),
  };
}
