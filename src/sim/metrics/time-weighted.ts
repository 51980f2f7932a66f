/**
 * A time-weighted average of a level that changes at instants (a queue length, a stock level),
 * with its maximum, in constant memory.
 */
export class TimeWeighted {
  #level = 0;
  #since: number;
  #area = 0;
  #max = 0;
  readonly #start: number;

  /** @param start - the instant observation starts, epoch ms */
  constructor(start: number) {
    this.#start = start;
    this.#since = start;
  }

  /** The current level. */
  get level(): number {
    return this.#level;
  }

  /** Sets the level at instant `t` (not before the last change). */
  set(t: number, level: number): void {
    this.#area += this.#level * (t - this.#since);
    this.#since = t;
    this.#level = level;
    if (level > this.#max) this.#max = level;
  }

  /** Changes the level by `delta` at instant `t`. */
  add(t: number, delta: number): void {
    this.set(t, this.#level + delta);
  }

  /** Average level from the start to `end`, and the maximum seen. */
  summary(end: number): { readonly mean: number; readonly max: number } {
    const area = this.#area + this.#level * (end - this.#since);
    const span = end - this.#start;
    return { mean: span > 0 ? area / span : this.#level, max: this.#max };
  }
}
