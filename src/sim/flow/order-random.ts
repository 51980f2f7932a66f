/**
 * An order's own random draws: a counter-based generator, where draw i of order n is a hash of
 * (the run's key, n, i). An order's draws so depend on nothing but the key and its serial: its
 * documents can be drawn again, the same, whenever something asks for them, without keeping them.
 */

/** The murmur3 finaliser: a bijection of 32-bit words that spreads every input bit over the output. */
function fmix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Draw `i` of stream `n` under `key`, a 32-bit unsigned word. */
export function counterWord(key: number, n: number, i: number): number {
  return fmix(fmix(key ^ Math.imul(n, 0x9e3779b1)) ^ Math.imul(i + 1, 0x85ebca77));
}

/** The draws of one order at a time: {@link start} it on an order's serial, then draw in a fixed order. */
export class OrderRandom {
  readonly #key: number;
  #n = 0;
  #i = 0;

  /** @param key - the run's (or shard's) key, a 32-bit word */
  constructor(key: number) {
    this.#key = key | 0;
  }

  /** Starts the draws of the order with serial `n` from its first. */
  start(n: number): this {
    this.#n = n | 0;
    this.#i = 0;
    return this;
  }

  /** Uniform in [0, 1), 53 bits. */
  float(): number {
    const hi = counterWord(this.#key, this.#n, this.#i++) >>> 5;
    const lo = counterWord(this.#key, this.#n, this.#i++) >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  bernoulli(p: number): boolean {
    return this.float() < p;
  }
}

/** A 32-bit key made from four words (e.g. an `Rng`'s `words()`), for an {@link OrderRandom}. */
export function keyOf(words: readonly [number, number, number, number]): number {
  return fmix(fmix(fmix(words[0] ^ fmix(words[1])) ^ words[2]) ^ words[3]) | 0;
}
