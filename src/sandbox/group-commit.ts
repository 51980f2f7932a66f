/**
 * Group commit: units of work that arrive together (messages posted at the same moment on
 * different connections) are committed in one transaction, each in a savepoint of its own, and
 * each is answered only once that transaction has committed. A unit that fails is undone alone
 * and answered with its error; a commit that fails answers every unit of the group with that
 * error, unless the failure is transient (the database was locked for a moment by a checkpoint):
 * then nothing was kept, and the group is tried again a little later, still ahead of the units
 * that came after it. One commit per group instead of one per message is what lets a database
 * file keep up.
 */

/** How one unit of a group ended. */
export type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Runs `units` in one transaction (each in its own savepoint) and commits; throws when the commit fails. */
export type CommitGroup = (units: readonly (() => unknown)[]) => readonly Settled[];

/** Whether a commit that threw `error` kept nothing and may succeed if tried again. */
export type TransientFailure = (error: unknown) => boolean;

interface Waiting {
  readonly unit: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Most units in one transaction: a bigger group waits for the next turn of the event loop. */
export const MAX_GROUP = 256;

/**
 * The waits before each new try of a group whose commit failed for a transient reason (about
 * 5 s in all, the database's own busy timeout); after the last, the group is answered with the
 * error.
 */
export const RETRY_DELAYS_MS: readonly number[] = [2, 5, 10, 20, 50, 100, 200, 500, 1000, 1000, 1000, 1000];

/** Collects units until the event loop has taken every request that arrived, then commits them together. */
export class GroupCommit {
  readonly #commit: CommitGroup;
  readonly #transient: TransientFailure;
  readonly #waiting: Waiting[] = [];
  /** What will commit the waiting units: the next turn of the event loop, a retry's timer, or nothing yet. */
  #next: 'none' | 'turn' | 'retry' = 'none';
  /** Tries so far of the group at the head of the queue. */
  #tries = 0;

  /** @param transient - which commit failures are worth trying again (default: none) */
  constructor(commit: CommitGroup, transient: TransientFailure = () => false) {
    this.#commit = commit;
    this.#transient = transient;
  }

  /** Units waiting for their commit. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Queues `unit`; the promise settles once the transaction it ran in has committed (or failed). */
  submit<T>(unit: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      if (this.#next === 'none') this.#nextTurn();
    });
  }

  /**
   * Commits every waiting unit now, in order (before work that must come after them). A transient
   * failure is not waited out here: its group is answered with the error.
   */
  flush(): void {
    while (this.#waiting.length > 0) this.#commitNext(false);
  }

  #nextTurn(): void {
    this.#next = 'turn';
    // after the I/O callbacks of this turn: the requests that arrived together are all queued by then
    setImmediate(() => this.#run());
  }

  #run(): void {
    this.#next = 'none';
    this.#commitNext(true);
    if (this.#next === 'none' && this.#waiting.length > 0) this.#nextTurn();
  }

  #commitNext(mayWait: boolean): void {
    const group = this.#waiting.splice(0, MAX_GROUP);
    if (group.length === 0) return;
    let settled: readonly Settled[];
    try {
      settled = this.#commit(group.map((w) => w.unit));
    } catch (error) {
      const delay = RETRY_DELAYS_MS[this.#tries];
      if (mayWait && delay !== undefined && this.#transient(error)) {
        this.#tries++;
        this.#waiting.unshift(...group);
        this.#next = 'retry';
        setTimeout(() => this.#run(), delay);
        return;
      }
      this.#tries = 0;
      for (const w of group) w.reject(error);
      return;
    }
    this.#tries = 0;
    group.forEach((w, i) => {
      const outcome = settled[i];
      if (outcome?.ok) w.resolve(outcome.value);
      else w.reject(outcome === undefined ? new Error('unit not run') : outcome.error);
    });
  }
}
