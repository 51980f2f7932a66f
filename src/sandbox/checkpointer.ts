/**
 * Checkpoints of the sandbox database on a thread of their own. In WAL mode a commit appends to
 * the write-ahead log; copying the log back into the database file (a checkpoint) is done by
 * SQLite, by default, inside the commit that fills the log past 1,000 pages: the thread taking
 * messages would stop for it, file syncs included. With a checkpointer, the writer's connection
 * does no automatic checkpoints and the checkpoint thread does them beside it.
 */
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../sim/shard/worker-script.js';

/** What the checkpoint thread is given. */
export interface CheckpointJob {
  readonly path: string;
  readonly intervalMs: number;
  /** Log size past which the checkpoint thread makes the writer wait once so the log restarts. */
  readonly restartBytes: number;
  /** How long the restart waits for the writer's lock and for readers to leave. */
  readonly busyTimeoutMs: number;
}

/** How often the log is checkpointed. */
const INTERVAL_MS = 200;
/** 256 MiB: a log the passive checkpoints could not keep short is restarted past this. */
const RESTART_BYTES = 256 * 1024 * 1024;
/**
 * A restart holds the writer's lock while it waits for readers; the writer, starting its next
 * transaction, holds a read lock while it waits for that lock. Each waits on the other until one
 * gives up, so the restart gives up soon (and is tried again at the next interval) rather than
 * the writer, which would refuse the messages of that transaction.
 */
const RESTART_WAIT_MS = 50;

/** A running checkpoint thread for one database file. */
export class Checkpointer {
  readonly #worker: Worker;
  #exited = false;
  #stopping = false;

  /**
   * Starts checkpointing the database file `path` (whose writer has automatic checkpoints off);
   * `onFailure` is called if the thread fails, to hand checkpoints back to the writer.
   */
  constructor(path: string, onFailure: () => void) {
    const job: CheckpointJob = { path, intervalMs: INTERVAL_MS, restartBytes: RESTART_BYTES, busyTimeoutMs: RESTART_WAIT_MS };
    this.#worker = startWorkerThread('checkpoint-worker.js', new URL('./checkpoint-worker.ts', import.meta.url), job);
    // the sandbox keeps the process alive, not its checkpoints
    this.#worker.unref();
    // an error ends the thread: handled where it exits
    this.#worker.on('error', () => undefined);
    this.#worker.once('exit', () => {
      this.#exited = true;
      if (!this.#stopping) onFailure();
    });
  }

  /** Tells the thread to close its connection and end; resolves when it has. */
  stop(): Promise<void> {
    this.#stopping = true;
    if (this.#exited) return Promise.resolve();
    // kept alive until it has ended, so a process stopping waits for the connection to close
    this.#worker.ref();
    return new Promise((resolve) => {
      this.#worker.once('exit', () => resolve());
      this.#worker.postMessage('stop');
    });
  }
}
