/**
 * The lock of an output directory: one run at a time writes into it. The lock is a file,
 * `.cbec-sim.lock`, created exclusively and naming its holder (process id and host); a lock whose
 * holder has died (a run killed with SIGKILL) is taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OutputError, OutputLockedError, systemReason } from '../errors.js';

/** The lock file's name inside the output directory. */
export const LOCK_FILE = '.cbec-sim.lock';

/** Who holds a lock, as the lock file says. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
}

/** A held lock. */
export interface DirLock {
  /** The lock file. */
  readonly path: string;
  /** Removes the lock file (once; later calls do nothing). */
  release(): void;
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host, command: String(holder.command ?? '') } : undefined;
  } catch {
    return undefined; // gone, or not a lock this program wrote (a lock appears whole): not held
  }
}

/** True when process `pid` of this host exists (it may belong to another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** True unless `holder` ran on this host and its process is gone. */
function alive(holder: Holder): boolean {
  return holder.host !== hostname() || processAlive(holder.pid);
}

/** Creates the lock file whole: written beside it, then hard-linked into place (which fails if it exists), so a lock is never seen half-written. */
function create(path: string, command: string): boolean {
  const draft = `${path}.${process.pid}.new`;
  try {
    writeFileSync(draft, `${JSON.stringify({ pid: process.pid, host: hostname(), command } satisfies Holder)}\n`);
    linkSync(draft, path);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return false;
    throw new OutputError(path, systemReason(e), e);
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Moves a dead holder's lock out of the way: renamed first, so that of two runs taking over the
 * same stale lock only one succeeds, and put back if it turns out to be a live run's fresh lock.
 */
function takeOver(path: string, stale: Holder | undefined): boolean {
  const aside = `${path}.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return false; // someone else moved it first
  }
  const moved = readHolder(aside);
  if (moved !== undefined && (stale === undefined || moved.pid !== stale.pid || moved.host !== stale.host) && alive(moved)) {
    renameSync(aside, path);
    return false;
  }
  unlinkSync(aside);
  return true;
}

/**
 * Locks `dir` for `command` (a description of the run, kept in the lock file).
 *
 * @throws {@link OutputLockedError} naming the lock file and its holder when a live run holds it
 */
export function lockOutputDir(dir: string, command: string): DirLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (create(path, command)) {
      let held = true;
      return {
        path,
        release() {
          if (!held) return;
          held = false;
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    }
    const holder = readHolder(path);
    if (holder !== undefined && alive(holder)) throw new OutputLockedError(path, `process ${holder.pid} on ${holder.host} (${holder.command})`);
    takeOver(path, holder);
  }
  throw new OutputLockedError(path, 'another run that keeps taking it');
}
