/**
 * What the calling thread and a shard worker thread say to each other. Everything here crosses
 * threads by structured clone: no functions, no class instances.
 */
import { join } from 'node:path';
import type { RunnerName } from '../runner/registry.js';
import type { ShardFacts } from './facts.js';
import type { RunPlan } from './plan.js';
import type { ShardProgress } from './progress.js';

/** A worker thread's job: which shards of which run, with which runner, logging where. */
export interface WorkerJob {
  readonly plan: RunPlan;
  /** The shards this worker simulates, in shard order. */
  readonly shards: readonly number[];
  readonly runner: RunnerName;
  /** Directory for the shards' transition logs ({@link shardLogFile}), when the run logs. */
  readonly logDir: string | undefined;
  /** True when the run was aborted before the worker started: its shards stop before their first event. */
  readonly aborted: boolean;
}

/** An error as data, for crossing threads. */
export interface ErrorData {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  /** The error's `code` (a cbec-sim code such as `INVALID_SCENARIO`, or a system one such as `ENOSPC`), when it has one. */
  readonly code?: string;
}

/** What a worker thread tells the calling thread. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly shard: number; readonly progress: ShardProgress }
  | { readonly type: 'facts'; readonly shard: number; readonly facts: ShardFacts }
  | { readonly type: 'failed'; readonly shard: number; readonly error: ErrorData };

/** What the calling thread tells a worker thread: stop at the next chunk boundary. */
export interface AbortMessage {
  readonly type: 'abort';
}

/** Where a worker thread writes shard `shard`'s transition log inside `dir`. */
export function shardLogFile(dir: string, shard: number): string {
  return join(dir, `shard-${shard}.ndjson`);
}

/** `error` as {@link ErrorData}. */
export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, stack: error.stack, ...(typeof code === 'string' ? { code } : {}) };
}

/** An `Error` rebuilt from {@link ErrorData}, with the original name, message, stack and code. */
export function errorFromData(data: ErrorData): Error {
  const error: Error & { code?: string } = new Error(data.message);
  error.name = data.name;
  if (data.stack !== undefined) error.stack = data.stack;
  if (data.code !== undefined) error.code = data.code;
  return error;
}
