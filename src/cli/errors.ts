/**
 * The errors only the command line has: a bad argument (with the command's usage line), an
 * output that cannot be written, and an output directory another run holds.
 */
import { CbecError, ValidationError, type ValidationIssue } from '../domain/errors.js';

/** A bad command-line argument: the issues name the flag (`--seed`) or the argument; exit code 2. */
export class UsageError extends ValidationError {
  override readonly name: string = 'UsageError';
  /** The command's usage line, printed after the reason. */
  readonly usage: string;

  constructor(issues: readonly ValidationIssue[], usage: string) {
    super(issues, 'Invalid argument');
    this.usage = usage;
  }
}

/** An output file or directory that could not be written: names the path; exit code 74. */
export class OutputError extends CbecError {
  override readonly name: string = 'OutputError';
  /** The file or directory that could not be written. */
  readonly path: string;

  constructor(path: string, reason: string, cause?: unknown) {
    super('IO', `cannot write ${path}: ${reason}`, { cause });
    this.path = path;
  }
}

/** The output directory is locked by another run: names the lock file and its holder; exit code 75. */
export class OutputLockedError extends CbecError {
  override readonly name: string = 'OutputLockedError';
  /** The lock file. */
  readonly lock: string;

  constructor(lock: string, holder: string) {
    super('LOCKED', `${lock} is held by ${holder}; wait for that run to finish, or give another --out. If no cbec-sim run is using it, delete ${lock}.`);
    this.lock = lock;
  }
}

/** What a system error (`ENOSPC: no space left on device, write`) says, without its code and syscall. */
export function systemReason(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : undefined;
  const text = code !== undefined ? message.replace(new RegExp(`^${code}: `), '').replace(/, \w+( '[^']*')*$/, '') : message;
  return code !== undefined ? `${text} (${code})` : text;
}
