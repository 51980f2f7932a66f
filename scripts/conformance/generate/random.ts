/** Seeded choices for the instance generator (mulberry32 underneath, so a seed gives one run). */
import { seeded } from '../mutations.js';

export class Random {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = seeded(seed);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.#next();
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#next() * items.length)]!;
  }

  /** One of `items`, each with its weight. */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    let at = this.#next() * items.reduce((sum, [w]) => sum + w, 0);
    for (const [w, item] of items) {
      at -= w;
      if (at < 0) return item;
    }
    return items.at(-1)![1];
  }

  /** A length from `min` to `max`, often one of the limits. */
  length(min: number, max: number): number {
    if (min >= max) return min;
    return this.weighted([
      [3, max],
      [2, min],
      [1, Math.min(min + 1, max)],
      [1, Math.max(max - 1, min)],
      [5, this.int(min, max)],
    ]);
  }

  /** A seed for a derived generator. */
  seed(): number {
    return Math.floor(this.#next() * 0x100000000);
  }
}
