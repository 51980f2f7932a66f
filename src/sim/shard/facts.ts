/**
 * Shard facts: everything the report needs from one shard of a run, as plain data that crosses
 * worker threads by structured clone (and would serialise as JSON for a job engine).
 */
import type { ChannelFacts } from '../metrics/channel-facts.js';

/** The customs lane of a shard at its end. */
export interface DeskFacts {
  /** Time-weighted mean and maximum number of lists waiting for a decision. */
  readonly queue: { readonly mean: number; readonly max: number };
  /** Share of the lane's capacity used, 0 to 1. */
  readonly utilisation: number;
  readonly decisions: number;
}

/** Lists waiting at the end of a simulated hour (Shanghai), and the share of that hour spent deciding. */
export interface HourlyQueue {
  readonly hour: string;
  readonly lists: number;
  readonly utilisation: number;
}

/** Units on hand, all item records, at the end of a simulated day (Shanghai). */
export interface DailyStock {
  readonly date: string;
  readonly units: number;
}

/** A shard's bonded account book at its end. */
export interface BondedFacts {
  readonly dailyStock: readonly DailyStock[];
  readonly replenishments: number;
  readonly shortages: number;
  /** Item records the book holds (the same records in every shard's warehouse). */
  readonly itemRecords: number;
  /** Item balances below zero, as text (must be none). */
  readonly negativeStock: readonly string[];
  /** Stock reservations held by no order in flight (must be none). */
  readonly orphanedReservations: number;
}

/** One export summary application (CEB701), by what identifies it across shards. */
export interface SummaryFacts {
  /** The month and the merge keys the application groups lists by, joined. */
  readonly key: string;
  readonly lists: number;
  /** Epoch ms of the day it is due. */
  readonly deadline: number;
}

/** Counts of what must never happen (each a reconciliation check), with examples. */
export interface ViolationFacts {
  readonly receiptOrderViolations: number;
  readonly unmatchedReleases: number;
  readonly quotaOverruns: number;
  /** At most ten refused events, `orderNo: EVENT in state`. */
  readonly transitionErrorExamples: readonly string[];
}

/** Everything the report needs from one shard, at the shard's end. */
export interface ShardFacts {
  /** The shard's index, 0 to shards - 1. */
  readonly shard: number;
  /** Simulated time the shard ended, epoch ms. */
  readonly end: number;
  /** Orders the shard created. */
  readonly created: number;
  /** Events the shard's engine executed. */
  readonly events: number;
  /** The channels the scenario's arrivals use, in channel order. */
  readonly channels: readonly ChannelFacts[];
  readonly customs: DeskFacts;
  /** While arrivals last (and a day after). */
  readonly hourlyQueue: readonly HourlyQueue[];
  readonly bonded: BondedFacts;
  readonly summaries: readonly SummaryFacts[];
  readonly violations: ViolationFacts;
}

/** The facts of every shard of a run combined by `mergeShardFacts`. */
export interface MergedFacts extends Omit<ShardFacts, 'shard'> {
  /** How many shards were merged. */
  readonly shards: number;
  /** Shards whose own orders do not add up (created, finished, in flight); must be none. */
  readonly unbalancedShards: readonly number[];
}
