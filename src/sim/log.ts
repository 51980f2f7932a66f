/**
 * The transition log: one NDJSON record per accepted transition, streamed with backpressure.
 * Loads directly into DuckDB, Spark or ClickHouse (`read_json_auto('orders.ndjson')`).
 */
import type { Writable } from 'node:stream';

/** One transition of one order. */
export interface TransitionRecord {
  /** Simulated time, epoch ms. */
  readonly t: number;
  readonly orderNo: string;
  readonly channel: string;
  readonly from: string;
  readonly event: string;
  readonly to: string;
  /** Receipt status codes the transition produced, if any. */
  readonly status?: readonly number[];
}

/** Where transitions go. */
export interface TransitionLog {
  /** Appends one record (buffered). */
  write(record: TransitionRecord): void;
  /** True while the underlying stream wants the writer to wait (await {@link drained}). */
  readonly congested: boolean;
  /** Resolves when the stream can take more. */
  drained(): Promise<void>;
  /** Flushes and closes the stream. */
  close(): Promise<void>;
}

/**
 * A log writing NDJSON lines to `stream`. Lines are batched into chunks of about 64 KiB; the
 * writer reports congestion when the stream's buffer is full so the run can pause until it drains.
 * A stream error (a full disk, a closed pipe) never goes unhandled: records after it are dropped,
 * a writer waiting for the stream to drain is released, and {@link TransitionLog.close} rejects with it.
 */
export function createNdjsonLog(stream: Writable): TransitionLog {
  let buffer = '';
  let congested = false;
  let failure: Error | undefined;
  let waiting: (() => void)[] = [];
  const release = () => {
    congested = false;
    const resolved = waiting;
    waiting = [];
    for (const resolve of resolved) resolve();
  };
  stream.on('drain', release);
  stream.on('error', (error) => {
    failure ??= error;
    release();
  });
  const flush = () => {
    if (buffer.length === 0 || failure) return;
    if (!stream.write(buffer)) congested = true;
    buffer = '';
  };
  return {
    write(record) {
      if (failure) return;
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length >= 65_536) flush();
    },
    get congested() {
      return congested;
    },
    drained() {
      if (!congested) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      flush();
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => (failure ? reject(failure) : resolve()));
      });
    },
  };
}
