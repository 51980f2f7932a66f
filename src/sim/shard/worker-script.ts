/**
 * Starts a shard worker thread. From the built package the worker is `shard-worker.js`, beside the
 * module that starts it (ESM, and CJS through tsup's `import.meta.url` shim); from TypeScript
 * sources (tests, tsx) it is `worker.ts`, which the thread loads after registering tsx's loader
 * (a worker thread does not inherit the loader of the thread that starts it).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerJob } from './protocol.js';

/** Starts a worker thread for `job`. */
export function startShardWorker(job: WorkerJob): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./shard-worker.js', here), { workerData: job });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', here).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, workerData: job });
}
