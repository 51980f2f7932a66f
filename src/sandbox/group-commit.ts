/**
 * Group commit: units of work that arrive together (messages posted at the same moment on
 * different connections) are committed in one transaction, each in a savepoint of its own, and
 * each is answered only once that transaction has committed. A unit that fails is undone alone
 * and answered with its error; a commit that fails answers every unit of the group with that
 * error. One commit per group instead of one per message is what lets a database file keep up.
 */

/** How one unit of a group ended. */
export type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Runs `units` in one transaction (each in its own savepoint) and commits; throws when the commit fails. */
export type CommitGroup = (units: readonly (() => unknown)[]) => readonly Settled[];

interface Waiting {
  readonly unit: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Most units in one transaction: a bigger group waits for the next turn of the event loop. */
export const MAX_GROUP = 256;

/** Collects units until the event loop has taken every request that arrived, then commits them together. */
export class GroupCommit {
  readonly #commit: CommitGroup;
  readonly #waiting: Waiting[] = [];
  #scheduled = false;

  constructor(commit: CommitGroup) {
    this.#commit = commit;
  }

  /** Units waiting for their commit. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Queues `unit`; the promise settles once the transaction it ran in has committed (or failed). */
  submit<T>(unit: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** Commits every waiting unit now, in order (before work that must come after them). */
  flush(): void {
    while (this.#waiting.length > 0) this.#commitNext();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // after the I/O callbacks of this turn: the requests that arrived together are all queued by then
    setImmediate(() => {
      this.#scheduled = false;
      this.#commitNext();
      if (this.#waiting.length > 0) this.#schedule();
    });
  }

  #commitNext(): void {
    const group = this.#waiting.splice(0, MAX_GROUP);
    if (group.length === 0) return;
    let settled: readonly Settled[];
    try {
      settled = this.#commit(group.map((w) => w.unit));
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    }
    group.forEach((w, i) => {
      const outcome = settled[i];
      if (outcome?.ok) w.resolve(outcome.value);
      else w.reject(outcome === undefined ? new Error('unit not run') : outcome.error);
    });
  }
}
