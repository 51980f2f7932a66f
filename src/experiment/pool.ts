/**
 * Runs units of work on this machine: in the calling thread, one after another, or on worker
 * threads, each taking the next unit as it finishes one. Outcomes are handed on as they come, one
 * at a time; which thread ran a unit never shows in its outcome.
 */
import type { Worker } from 'node:worker_threads';
import { errorFromData, type ErrorData } from '../sim/shard/protocol.js';
import { startWorkerThread } from '../sim/shard/worker-script.js';
import { ExperimentRunError } from './errors.js';
import { runUnit, type UnitJob, type UnitOutcome } from './run-unit.js';

/** What the calling thread sends an experiment worker: a unit to run. */
export interface ToUnitWorker {
  readonly type: 'unit';
  readonly job: UnitJob;
}

/** What an experiment worker answers: the unit's outcome, or its failure. */
export type FromUnitWorker = { readonly type: 'done'; readonly outcome: UnitOutcome } | { readonly type: 'failed'; readonly index: number; readonly error: ErrorData };

/** Receives each outcome; the next is handed on only after it resolves. */
export type OutcomeSink = (outcome: UnitOutcome) => void | Promise<void>;

const describe = (job: UnitJob) => `unit ${job.unit.index} (point ${job.unit.point}, replication ${job.unit.replication})`;

function failed(job: UnitJob, cause: unknown): ExperimentRunError {
  if (cause instanceof ExperimentRunError) return cause;
  return new ExperimentRunError(`The simulation of ${describe(job)} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}

const aborted = () => new ExperimentRunError('The experiment was aborted; the units finished so far were handed on, and a later run or merge can use them.');

async function inThread(jobs: readonly UnitJob[], sink: OutcomeSink, signal: AbortSignal | undefined): Promise<void> {
  for (const job of jobs) {
    if (signal?.aborted) throw aborted();
    let outcome: UnitOutcome;
    try {
      outcome = await runUnit(job, signal);
    } catch (e) {
      throw signal?.aborted ? aborted() : failed(job, e);
    }
    await sink(outcome);
  }
}

function onThreads(jobs: readonly UnitJob[], workers: number, sink: OutcomeSink, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const queue = [...jobs];
    const threads: Worker[] = [];
    let chain = Promise.resolve();
    let busy = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      threads.forEach((t) => void t.terminate());
      if (error === undefined) chain.then(resolve, reject);
      else reject(error);
    };
    const onAbort = () => settle(aborted());
    const feed = (thread: Worker, running: { job: UnitJob | undefined }) => {
      running.job = queue.shift();
      if (running.job) thread.postMessage({ type: 'unit', job: running.job } satisfies ToUnitWorker);
      else if (--busy === 0) settle();
    };
    for (let w = 0; w < Math.min(workers, jobs.length); w++) {
      const thread = startWorkerThread('experiment-worker.js', new URL('./worker.ts', import.meta.url), undefined);
      const running: { job: UnitJob | undefined } = { job: undefined };
      threads.push(thread);
      busy++;
      thread.on('message', (message: FromUnitWorker) => {
        if (message.type === 'failed') return settle(failed(running.job!, errorFromData(message.error)));
        chain = chain.then(() => sink(message.outcome)).catch((e: unknown) => settle(e));
        feed(thread, running);
      });
      thread.on('error', (e) => settle(failed(running.job!, e)));
      thread.on('exit', (code) => {
        if (running.job) settle(failed(running.job, new Error(`its worker thread exited with code ${code}`)));
      });
      feed(thread, running);
    }
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `jobs` on `workers` threads (1: in the calling thread) and hands each outcome to `sink`.
 *
 * @throws {@link ExperimentRunError} naming the unit when a simulation throws or its thread dies, or when `signal` aborts
 */
export async function runUnits(jobs: readonly UnitJob[], workers: number, sink: OutcomeSink, signal?: AbortSignal): Promise<void> {
  if (workers <= 1 || jobs.length <= 1) return inThread(jobs, sink, signal);
  return onThreads(jobs, workers, sink, signal);
}
