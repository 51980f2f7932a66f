/**
 * The outputs of a run, written so the output directory never holds a corrupted or mixed set: every
 * file is written into a staging directory inside the output directory, and only when the run
 * has succeeded are the files renamed into place, under the directory's lock, with a journal that
 * lets the next run finish the renaming if this one is killed half-way. Outputs of an earlier run
 * that this one does not write again are removed at the same moment, so the directory always
 * holds the outputs of one run: the previous one, or this one.
 */
import { accessSync, closeSync, constants, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutputError, systemReason } from '../errors.js';
import { atForcedExit } from '../signals.js';
import { LOCK_FILE, lockOutputDir, processAlive, type DirLock } from './lock.js';

/** Every file a run may write into its output directory. */
export const OUTPUT_FILES = ['report.md', 'report.json', 'report.csv', 'report.html', 'orders.ndjson'] as const;

const STAGE_PREFIX = '.cbec-sim-run-';
const JOURNAL = 'COMMIT';

/** What a commit does, as its journal records it. */
interface Journal {
  readonly install: readonly string[];
  readonly remove: readonly string[];
}

const pidOf = (name: string, prefix: string): number => Number(name.slice(prefix.length).split('.')[0]);

/** Installs a journal's files (those still staged) and removes its stale outputs. */
function applyJournal(dir: string, stage: string, journal: Journal): void {
  for (const name of journal.install) {
    if (existsSync(join(stage, name))) renameSync(join(stage, name), join(dir, name));
  }
  for (const name of journal.remove) rmSync(join(dir, name), { force: true });
}

/**
 * What earlier runs left in `dir` when they were killed (the caller holds the lock): a staging
 * directory with a journal is a commit cut short, finished now; one without is abandoned work,
 * removed; so are lock drafts of dead processes.
 */
function recover(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith(STAGE_PREFIX) && pidOf(name, STAGE_PREFIX) !== process.pid) {
      const journal = join(path, JOURNAL);
      if (existsSync(journal)) applyJournal(dir, path, JSON.parse(readFileSync(journal, 'utf8')) as Journal);
      rmSync(path, { recursive: true, force: true });
    } else if (name.startsWith(`${LOCK_FILE}.`) && !processAlive(pidOf(name, `${LOCK_FILE}.`))) {
      rmSync(path, { force: true });
    }
  }
}

/** Flushes a file (or directory) to disk, so a rename after it never exposes unwritten data. */
function sync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A run's outputs on their way into an output directory. */
export class StagedOutputs {
  /** The output directory. */
  readonly dir: string;
  /** Where this run's files are written until they are installed (also the shard logs' spool). */
  readonly stage: string;
  readonly #lock: DirLock;
  readonly #forget: () => void;
  #open = true;

  private constructor(dir: string, lock: DirLock) {
    this.dir = dir;
    this.#lock = lock;
    this.stage = join(dir, `${STAGE_PREFIX}${process.pid}`);
    this.#forget = atForcedExit(() => this.abandon());
  }

  /**
   * Locks `dir` (an existing, writable directory), finishes or clears what killed runs left in it,
   * and opens a staging directory for this run.
   *
   * @throws `OutputLockedError` when another run holds the directory; `OutputError` when it cannot be written
   */
  static open(dir: string, command: string): StagedOutputs {
    const lock = lockOutputDir(dir, command);
    const staged = new StagedOutputs(dir, lock);
    try {
      recover(dir);
      rmSync(staged.stage, { recursive: true, force: true });
      mkdirSync(staged.stage);
    } catch (e) {
      staged.abandon();
      throw e instanceof OutputError ? e : new OutputError(dir, systemReason(e), e);
    }
    return staged;
  }

  /** Where `name` is written before it is installed. */
  staged(name: string): string {
    return join(this.stage, name);
  }

  /** Where `name` ends up. */
  final(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Checks that each of `names` can be replaced: absent, or a regular file this process may write.
   *
   * @throws `OutputError` naming the first that cannot (a directory in the way, a read-only file)
   */
  checkTargets(names: readonly string[]): void {
    for (const name of names) {
      const path = this.final(name);
      let stats;
      try {
        stats = lstatSync(path);
      } catch {
        continue; // absent: it will be created
      }
      if (!stats.isFile()) throw new OutputError(path, `it is ${stats.isDirectory() ? 'a directory' : 'not a regular file'}; move it away, or give another --out.`);
      try {
        accessSync(path, constants.W_OK);
      } catch {
        throw new OutputError(path, 'it is read-only; make it writable, or give another --out.');
      }
    }
  }

  /**
   * Installs `names` (each written to {@link staged}) in one step: a journal first, then each file
   * renamed into place and the outputs of earlier runs not among `names` removed, then the staging
   * directory and the lock. Synchronous, so no signal handler runs in the middle of it.
   *
   * @throws `OutputError` naming the file that could not be installed (the staging directory is then removed)
   */
  commit(names: readonly string[]): void {
    this.checkTargets(names);
    const journal: Journal = { install: names, remove: OUTPUT_FILES.filter((f) => !names.includes(f)) };
    try {
      for (const name of names) sync(this.staged(name));
      writeFileSync(join(this.stage, JOURNAL), JSON.stringify(journal));
      sync(join(this.stage, JOURNAL));
    } catch (e) {
      this.abandon();
      throw new OutputError(this.stage, systemReason(e), e);
    }
    try {
      applyJournal(this.dir, this.stage, journal);
    } catch (e) {
      // the journal stays, so the next run into the directory finishes the installation
      this.#close();
      throw new OutputError(this.dir, `${systemReason(e)}; the next run into it will finish installing the outputs.`, e);
    }
    rmSync(this.stage, { recursive: true, force: true });
    this.#close();
  }

  /** Removes the staging directory and releases the lock, leaving the previous outputs as they were. */
  abandon(): void {
    if (!this.#open) return;
    rmSync(this.stage, { recursive: true, force: true });
    this.#close();
  }

  #close(): void {
    this.#open = false;
    this.#forget();
    this.#lock.release();
  }
}
