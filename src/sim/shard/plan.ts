/**
 * The shard plan of a run: how a scenario splits into S independent partitions along the keys of
 * its shared state (buyer for the annual quota, warehouse for the bonded account book, customs
 * lane for the port's capacity), and which worker thread simulates which shard.
 *
 * Shards are part of the model, workers only of the execution: the report of a run depends on the
 * scenario, the seed and the number of shards, never on the number of workers.
 */
import type { ValidationIssue } from '../../domain/errors.js';
import type { Scenario } from '../scenario/schema.js';

/** What every shard of a run shares: the whole scenario, the seed, the number of shards, the order cap. */
export interface RunPlan {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly shards: number;
  /** The run's order cap, if it has one. */
  readonly maxOrders: number | undefined;
}

/** Which shard of which run to simulate. */
export interface ShardTask extends RunPlan {
  /** The shard's index, 0 to `shards` - 1. */
  readonly shard: number;
  /** The shard's share of the run's order cap, if the run has one. */
  readonly maxOrders: number | undefined;
}

/** The most shards a run may have. */
export const MAX_SHARDS = 64;

/**
 * Shard `shard`'s share of `total` whole units split `shards` ways: the floor of an even split,
 * plus one for the first `total mod shards` shards, so the shares add up to `total`.
 *
 * @example
 * ```ts
 * [0, 1, 2].map((k) => shareOf(10, k, 3)); // [4, 3, 3]
 * ```
 */
export function shareOf(total: number, shard: number, shards: number): number {
  return Math.floor(total / shards) + (shard < total % shards ? 1 : 0);
}

/**
 * What shard `shard` of `shards` simulates: 1/S of every arrival stream, a customs lane with
 * 1/S of the port's capacity (the port is modelled as S equal, independent lanes), and its own
 * bonded warehouse holding its {@link shareOf} share of the opening stock, reorder point and
 * reorder quantity. With one shard, the scenario itself.
 */
export function shardScenario(scenario: Scenario, shard: number, shards: number): Scenario {
  if (shards === 1) return scenario;
  const { bonded, customs } = scenario;
  return {
    ...scenario,
    arrivals: scenario.arrivals.map((a) => ({ ...a, ordersPerDay: a.ordersPerDay / shards })),
    customs: { ...customs, capacityPerHour: customs.capacityPerHour / shards },
    bonded: {
      ...bonded,
      initialStock: shareOf(bonded.initialStock, shard, shards),
      reorderPoint: shareOf(bonded.reorderPoint, shard, shards),
      reorderQuantity: shareOf(bonded.reorderQuantity, shard, shards),
    },
  };
}

/** Shard `shard` of `plan`, with its {@link shareOf} share of the order cap. */
export function shardTask(plan: RunPlan, shard: number): ShardTask {
  return { ...plan, shard, maxOrders: plan.maxOrders === undefined ? undefined : shareOf(plan.maxOrders, shard, plan.shards) };
}

/**
 * The sequence number of a shard's `n`th order (1-based): the shards interleave, so numbers (and
 * the order, payment and waybill numbers made from them) are unique across shards; with one shard, `n`.
 */
export function shardSerial(n: number, shard: number, shards: number): number {
  return (n - 1) * shards + shard + 1;
}

/** The shards worker `worker` of `workers` simulates, in shard order: shard k runs on worker k mod W. */
export function shardsOfWorker(worker: number, workers: number, shards: number): number[] {
  const mine: number[] = [];
  for (let k = worker; k < shards; k += workers) mine.push(k);
  return mine;
}

/**
 * What is wrong with splitting `scenario` into `shards` shards: a whole number from 1 to
 * {@link MAX_SHARDS}, and no more than the buyers or the reorder quantity (every shard needs buyers
 * of its own and a warehouse that reorders at least one unit). Empty when it is fine.
 */
export function shardCountIssues(shards: number, scenario: { readonly buyers: { readonly population: number }; readonly bonded: { readonly reorderQuantity: number } }): ValidationIssue[] {
  const issue = (reason: string): ValidationIssue[] => [{ path: ['shards'], value: shards, reason }];
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS) return issue(`must be a whole number from 1 to ${MAX_SHARDS}.`);
  if (shards > scenario.buyers.population) return issue(`must not exceed buyers.population (${scenario.buyers.population}): every shard needs buyers of its own.`);
  if (shards > scenario.bonded.reorderQuantity) return issue(`must not exceed bonded.reorderQuantity (${scenario.bonded.reorderQuantity}): every shard's warehouse reorders its share of it.`);
  return [];
}

/**
 * What is wrong with running `shards` shards on `workers` worker threads: a whole number from 1 to
 * the number of shards. Empty when it is fine.
 */
export function workerCountIssues(workers: number, shards: number): ValidationIssue[] {
  if (Number.isInteger(workers) && workers >= 1 && workers <= shards) return [];
  const hint = shards === 1 ? ' Give the run more shards (scenario field shards, or --shards) to use more workers.' : '';
  return [{ path: ['workers'], value: workers, reason: `must be a whole number from 1 to the number of shards (${shards}).${hint}` }];
}
