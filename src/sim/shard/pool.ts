/**
 * Runs the shards of a run on worker threads: shard k on worker k mod W. Progress is forwarded as
 * it comes; facts come back per shard and are returned in shard order; the shards' logs are
 * appended to the run's log in shard order as soon as every earlier shard's is in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { TransitionLog } from '../log.js';
import type { RunnerName } from '../runner/registry.js';
import { ShardError } from './errors.js';
import type { ShardFacts } from './facts.js';
import { appendLogFile } from './log-spool.js';
import { shardsOfWorker, type RunPlan } from './plan.js';
import { errorFromData, shardLogFile, type AbortMessage, type WorkerMessage } from './protocol.js';
import type { ShardsHooks } from './run-shard.js';
import { startShardWorker } from './worker-script.js';

/** A run to simulate on worker threads. */
export interface WorkerRun extends RunPlan {
  /** Worker threads, 2 to `shards`. */
  readonly workers: number;
  /** The runner, by name: worker threads cannot receive functions. */
  readonly runner: RunnerName;
}

/**
 * Simulates the shards of `run` on `run.workers` worker threads and resolves to their facts in
 * shard order. An abort (`hooks.signal`) is passed to every worker, whose shards stop at their next
 * chunk boundary and still report what they simulated.
 *
 * @throws {@link ShardError} naming the shard when a shard's simulation throws or its worker thread
 * dies; the other workers are then terminated
 */
export async function runShardsOnWorkers(run: WorkerRun, hooks: ShardsHooks): Promise<ShardFacts[]> {
  const logDir = hooks.log ? await mkdtemp(join(hooks.tempDir ?? tmpdir(), 'cbec-sim-shards-')) : undefined;
  try {
    return await new Promise<ShardFacts[]>((resolve, reject) => supervise(run, hooks, logDir, resolve, reject));
  } finally {
    if (logDir !== undefined) await rm(logDir, { recursive: true, force: true });
  }
}

/** Starts the workers and settles once, when all have finished or the first has failed. */
function supervise(run: WorkerRun, hooks: ShardsHooks, logDir: string | undefined, resolve: (facts: ShardFacts[]) => void, reject: (error: unknown) => void): void {
  const plan: RunPlan = { scenario: run.scenario, seed: run.seed, shards: run.shards, maxOrders: run.maxOrders };
  const facts = new Array<ShardFacts | undefined>(run.shards).fill(undefined);
  const threads: Worker[] = [];
  let settled = false;
  let running = run.workers;
  const abort = () => threads.forEach((t) => t.postMessage({ type: 'abort' } satisfies AbortMessage));
  const settle = (outcome: () => void) => {
    if (settled) return;
    settled = true;
    hooks.signal?.removeEventListener('abort', abort);
    outcome();
  };
  const fail = (error: unknown) =>
    settle(() => {
      threads.forEach((t) => void t.terminate());
      reject(error);
    });
  const logs = logDir !== undefined && hooks.log ? spool(logDir, hooks.log, facts, () => settled, fail) : undefined;
  for (let worker = 0; worker < run.workers; worker++) {
    const mine = shardsOfWorker(worker, run.workers, run.shards);
    const pending = [...mine];
    const lost = (cause: unknown) => fail(new ShardError(pending[0] ?? mine[mine.length - 1]!, run.shards, cause, worker));
    const thread = startShardWorker({ plan, shards: mine, runner: run.runner, logDir, aborted: hooks.signal?.aborted ?? false });
    threads.push(thread);
    thread.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') hooks.onProgress?.(message.shard, message.progress);
      else if (message.type === 'failed') fail(new ShardError(message.shard, run.shards, errorFromData(message.error), worker));
      else {
        facts[message.shard] = message.facts;
        pending.splice(pending.indexOf(message.shard), 1);
        logs?.flush();
      }
    });
    thread.on('error', lost);
    thread.on('exit', (code) => {
      if (pending.length > 0) lost(new Error(`the worker thread exited with code ${code} before the shard finished`));
      else if (--running === 0) void (logs?.done() ?? Promise.resolve()).then(() => settle(() => resolve(facts as ShardFacts[])));
    });
  }
  hooks.signal?.addEventListener('abort', abort, { once: true });
}

/**
 * Appends each shard's log file to `log` in shard order, as soon as the shard and every earlier
 * one have finished; stops once the run has settled (failed).
 */
function spool(logDir: string, log: TransitionLog, facts: readonly (ShardFacts | undefined)[], settled: () => boolean, fail: (error: unknown) => void): { flush(): void; done(): Promise<void> } {
  let next = 0;
  let chain = Promise.resolve();
  return {
    flush() {
      while (next < facts.length && facts[next] !== undefined) {
        const file = shardLogFile(logDir, next++);
        chain = chain.then(() => (settled() ? undefined : appendLogFile(file, log))).catch(fail);
      }
    },
    done: () => chain,
  };
}
