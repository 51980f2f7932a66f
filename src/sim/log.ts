/**
 * The transition log: one NDJSON record per accepted transition, streamed with backpressure.
 * Loads directly into DuckDB, Spark or ClickHouse (`read_json_auto('orders.ndjson')`).
 */
import type { Writable } from 'node:stream';

/**
 * One transition of one order. Every record has every key: `status` is empty when the transition
 * produced no receipt, `reason` is null unless it refused something.
 */
export interface TransitionRecord {
  /** Simulated time, epoch ms. */
  readonly t: number;
  readonly orderNo: string;
  readonly channel: string;
  /** The state before (empty for an order's first transition when no state is known). */
  readonly from: string;
  readonly event: string;
  readonly to: string;
  /** Receipt status codes the transition produced, in order; empty when none. */
  readonly status: readonly number[];
  /** The reason code of a refusal (status 100) the transition produced, or null. */
  readonly reason: string | null;
}

/** Where transitions go. */
export interface TransitionLog {
  /** Appends one record (buffered). */
  write(record: TransitionRecord): void;
  /**
   * Appends one record already written as an NDJSON line: the record's `JSON.stringify` and a
   * newline. Optional: a run writes lines this way when the log offers it (it saves building
   * the record), and records through {@link write} otherwise.
   */
  writeLine?(line: string): void;
  /**
   * Appends NDJSON already encoded as UTF-8, in order (a line may end in a later call's bytes; the
   * log takes the bytes over). Optional: a run encodes its lines itself when the log offers this,
   * the cheapest way of all.
   */
  writeBytes?(bytes: Uint8Array): void;
  /** True while the underlying stream wants the writer to wait (await {@link drained}). */
  readonly congested: boolean;
  /** Resolves when the stream can take more. */
  drained(): Promise<void>;
  /** Flushes and closes the stream. */
  close(): Promise<void>;
}

/** Characters of NDJSON gathered before one write to the stream. */
const CHUNK = 1 << 20;
/**
 * Bytes the log lets wait in the stream's buffer before it asks the run to wait. A stream's own
 * high-water mark (16 KiB for a file) is smaller than one chunk, so waiting on it would stop the
 * run at every chunk until the chunk is on disk; with a few chunks queued, simulating and writing
 * go on side by side, and the memory the log holds stays bounded.
 */
const QUEUED_BYTES = 16 * CHUNK;

/**
 * A log writing NDJSON lines to `stream`. Lines are batched into chunks of about 1 MiB; the
 * writer reports congestion when the stream's buffer is full and holds 16 MiB or more, so the run
 * can pause until it drains (and otherwise goes on while the stream writes).
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
  // An object-mode stream counts chunks, not bytes: a chunk is at most about CHUNK bytes.
  const budget = stream.writableObjectMode ? QUEUED_BYTES / CHUNK : QUEUED_BYTES;
  /** Writes to the stream; a write the stream refused while it holds the budget or more congests the log (the stream will emit 'drain'). */
  const put = (chunk: string | Uint8Array) => {
    if (!stream.write(chunk) && stream.writableLength >= budget) congested = true;
  };
  const flush = () => {
    if (buffer.length === 0 || failure) return;
    put(buffer);
    buffer = '';
  };
  const writeLine = (line: string) => {
    if (failure) return;
    buffer += line;
    if (buffer.length >= CHUNK) flush();
  };
  return {
    write: (record) => writeLine(`${JSON.stringify(record)}\n`),
    writeLine,
    writeBytes(bytes) {
      if (failure) return;
      flush();
      put(bytes);
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
        // A stream that failed before its 'error' event came hands the error to end's callback.
        stream.end((error?: Error | null) => {
          const failed = failure ?? error ?? undefined;
          if (failed === undefined) resolve();
          else reject(failed);
        });
      });
    },
  };
}
