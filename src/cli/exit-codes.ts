/**
 * The exit codes of `cbec-sim`, the same whatever the number of shards or workers: a shard's
 * failure exits with the code of what failed in it.
 */
import { ShardError } from '../sim/shard/errors.js';

/** Every exit code the command uses. */
export const EXIT = {
  /** Done: the reconciliation passed, the file is valid. */
  ok: 0,
  /** The run's reconciliation failed; the file `validate` checked is invalid; an experiment could not finish. */
  failed: 1,
  /** A bad argument, scenario, order, tariff or experiment; an optional package that is missing. */
  usage: 2,
  /** A bug: please report it (the stack is printed under --debug). */
  internal: 70,
  /** An output could not be written (full disk, read-only file, a directory in the way). */
  io: 74,
  /** The output directory is locked by another run. */
  locked: 75,
  /** Interrupted by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal's number. */
  sigint: 130,
  sigterm: 143,
} as const;

/** Codes of cbec-sim errors about bad input, or an optional package the command needs and does not find. */
const INPUT_CODES = new Set(['VALIDATION', 'INVALID_MONEY', 'INVALID_SCENARIO', 'INVALID_MESSAGE', 'RULE', 'INVALID_TARIFF', 'INVALID_EXPERIMENT', 'MISSING_DEPENDENCY']);

/** Codes of cbec-sim errors about work that could not finish for a reason it names: an experiment's replication, a sandbox's answer. */
const FAILED_CODES = new Set(['EXPERIMENT', 'SANDBOX']);

/** A system error code of a failed read or write (`ENOSPC`, `EACCES`, ...). */
const isSystemCode = (code: unknown): boolean => typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);

/** The exit code for `error`; a {@link ShardError} exits with the code of its cause, from whichever thread. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof ShardError) return exitCodeOf(error.cause);
  const code = (error as { code?: unknown } | null)?.code;
  // a cause rebuilt from a worker thread keeps its code, not its class
  if (typeof code === 'string' && INPUT_CODES.has(code)) return EXIT.usage;
  // cbec-sim's own codes first: EXPERIMENT looks like a system code
  if (typeof code === 'string' && FAILED_CODES.has(code)) return EXIT.failed;
  if (code === 'IO' || isSystemCode(code)) return EXIT.io;
  if (code === 'LOCKED') return EXIT.locked;
  return EXIT.internal;
}
