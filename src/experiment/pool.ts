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

/** A worker thread and the unit it is running. */
interface Thread {
  readonly worker: Worker;
  job: UnitJob | undefined;
}

/** Worker threads kept across rounds of units: started as first needed, ended by `close` or a failure. */
class ThreadPool {
  readonly #size: number;
  #threads: Thread[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  run(jobs: readonly UnitJob[], sink: OutcomeSink, signal: AbortSignal | undefined): Promise<void> {
    while (this.#threads.length < Math.min(this.#size, jobs.length)) {
      this.#threads.push({ worker: startWorkerThread('experiment-worker.js', new URL('./worker.ts', import.meta.url), undefined), job: undefined });
    }
    return new Promise((resolve, reject) => {
      const queue = [...jobs];
      const threads = this.#threads;
      const unhook: (() => void)[] = [];
      let chain = Promise.resolve();
      let busy = 0;
      let settled = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        unhook.forEach((f) => f());
        if (error === undefined) return void chain.then(resolve, reject);
        this.close();
        reject(error);
      };
      const onAbort = () => settle(aborted());
      const feed = (thread: Thread) => {
        thread.job = queue.shift();
        if (thread.job) thread.worker.postMessage({ type: 'unit', job: thread.job } satisfies ToUnitWorker);
        else if (--busy === 0) settle();
      };
      for (const thread of threads) {
        const onMessage = (message: FromUnitWorker) => {
          if (message.type === 'failed') return settle(failed(thread.job!, errorFromData(message.error)));
          chain = chain.then(() => sink(message.outcome)).catch((e: unknown) => settle(e));
          feed(thread);
        };
        const onError = (e: unknown) => settle(failed(thread.job!, e));
        const onExit = (code: number) => settle(failed(thread.job!, new Error(`its worker thread exited with code ${code}`)));
        thread.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        unhook.push(() => thread.worker.off('message', onMessage).off('error', onError).off('exit', onExit));
        busy++;
        feed(thread);
      }
      if (signal?.aborted) onAbort();
      else if (signal) {
        signal.addEventListener('abort', onAbort, { once: true });
        unhook.push(() => signal.removeEventListener('abort', onAbort));
      }
    });
  }

  close(): void {
    this.#threads.forEach((t) => void t.worker.terminate());
    this.#threads = [];
  }
}

/** Runs rounds of units on this machine; `close` ends its worker threads. */
export interface UnitPool {
  /**
   * Runs `jobs` and hands each outcome to `sink`.
   *
   * @throws {@link ExperimentRunError} naming the unit when a simulation throws or its thread dies, or when `signal` aborts
   */
  run(jobs: readonly UnitJob[], sink: OutcomeSink, signal?: AbortSignal): Promise<void>;
  close(): void;
}

/** A pool of `workers` threads (1: the calling thread), kept across rounds until closed. */
export function createUnitPool(workers: number): UnitPool {
  if (workers <= 1) return { run: inThread, close: () => undefined };
  const pool = new ThreadPool(workers);
  return { run: (jobs, sink, signal) => (jobs.length <= 1 ? inThread(jobs, sink, signal) : pool.run(jobs, sink, signal)), close: () => pool.close() };
}
