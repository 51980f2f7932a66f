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
 */
export function createNdjsonLog(stream: Writable): TransitionLog {
  let buffer = '';
  let congested = false;
  const flush = () => {
    if (buffer.length === 0) return;
    if (!stream.write(buffer)) congested = true;
    buffer = '';
  };
  return {
    write(record) {
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length >= 65_536) flush();
    },
    get congested() {
      return congested;
    },
    drained() {
      if (!congested) return Promise.resolve();
      return new Promise((resolve) =>
        stream.once('drain', () => {
          congested = false;
          resolve();
        }),
      );
    },
    close() {
      flush();
      return new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      });
    },
  };
}
