/**
 * The error a failed shard gives, on this thread or on a worker thread.
 */
import { CbecError } from '../../domain/errors.js';

/**
 * A shard of a run failed: its simulation threw, or its worker thread died. `shard` names it;
 * `cause` holds what it threw (rebuilt as an `Error` with the original name, message and stack
 * when it crossed from a worker thread).
 *
 * @example
 * ```ts
 * try { await sim.run(); } catch (e) { if (e instanceof ShardError) console.error(`shard ${e.shard}:`, e.cause); }
 * ```
 */
export class ShardError extends CbecError {
  override readonly name: string = 'ShardError';
  /** The failed shard's index, 0 to `shards` - 1. */
  readonly shard: number;
  /** How many shards the run has. */
  readonly shards: number;

  /** @param thread - the worker thread the shard ran on; none when it ran in the calling thread */
  constructor(shard: number, shards: number, cause: unknown, thread?: number) {
    const detail = (cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)).replace(/\.+$/, '');
    const where = thread === undefined ? '' : ` on worker thread ${thread}`;
    const next = thread === undefined ? 'The same scenario, seed and number of shards reproduce it.' : 'Run with workers: 1 to reproduce it in this thread.';
    super('SHARD', `Shard ${shard} of ${shards} failed${where}: ${detail}. ${next}`, { cause });
    this.shard = shard;
    this.shards = shards;
  }
}
