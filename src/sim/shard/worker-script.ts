/**
 * Starts worker threads. From the built package a worker's entry is a file beside the module that
 * starts it (ESM, and CJS through tsup's `import.meta.url` shim); from TypeScript sources (tests,
 * tsx) it is the `.ts` entry, which the thread loads after registering tsx's loader (a worker
 * thread does not inherit the loader of the thread that starts it).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerJob } from './protocol.js';

/** Starts a worker thread on `builtFile` (in the package) or `sourceFile` (from sources), with `workerData`. */
export function startWorkerThread(builtFile: string, sourceFile: URL, workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${builtFile}`, here), { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(sourceFile.href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, workerData });
}

/** Starts a shard worker thread (built as `shard-worker.js`) for `job`. */
export function startShardWorker(job: WorkerJob): Worker {
  return startWorkerThread('shard-worker.js', new URL('./worker.ts', import.meta.url), job);
}
