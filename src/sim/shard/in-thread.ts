/**
 * Runs every shard of a run in the calling thread, one after another.
 */
import type { OrderRunner } from '../runner/types.js';
import { ShardError } from './errors.js';
import type { ShardFacts } from './facts.js';
import { shardTask, type RunPlan } from './plan.js';
import { runShard, type ShardHooks, type ShardsHooks } from './run-shard.js';

/**
 * Simulates the shards of `plan` in shard order on this thread, each writing to the run's log in
 * turn (so the log holds shard 0's records, then shard 1's, and so on); resolves to their facts.
 *
 * @throws what the simulation threw, as it is, when the run has one shard; otherwise a
 *   {@link ShardError} naming the shard whose simulation threw
 */
export async function runShardsInThread(plan: RunPlan, runner: OrderRunner, hooks: ShardsHooks): Promise<ShardFacts[]> {
  const facts: ShardFacts[] = [];
  const { onProgress, ...shared } = hooks;
  for (let shard = 0; shard < plan.shards; shard++) {
    const own: ShardHooks = onProgress ? { ...shared, onProgress: (p) => onProgress(shard, p) } : shared;
    try {
      facts.push(await runShard(shardTask(plan, shard), runner, own));
    } catch (e) {
      if (plan.shards === 1) throw e;
      throw new ShardError(shard, plan.shards, e);
    }
  }
  return facts;
}
