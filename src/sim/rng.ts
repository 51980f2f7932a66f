/**
 * Seeded randomness for reproducible runs, built on pure-rand's xoroshiro128+.
 *
 * A run has one root generator made from its seed. Each party draws from its own named stream,
 * `rng.stream('customs')`, whose seed depends only on the root seed and the name: adding a stream
 * or drawing more from one never shifts the values of another.
 *
 * A seed is any safe integer (-(2^53 - 1) to 2^53 - 1), and all of it counts: a generator's key is
 * two 32-bit words, the seed's low word and its high word (the floor of seed / 2^32), and a stream's
 * key is derived from both words of its parent's, one-to-one in each. Two different seeds therefore
 * give different streams: 0 and -1 differ, and so do 1 and 2^32. Seeds from 0 to 2^32 - 1 have a
 * high word of zero and draw exactly what they always did.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { ValidationError } from '../domain/errors.js';

/** A choice with its relative weight, for {@link Rng.weighted}. */
export interface Weighted<T> {
  readonly value: T;
  readonly weight: number;
}

/** A seeded source of random draws. Mutable: each draw advances it. */
export interface Rng {
  /** The key this stream was derived from (root seed and stream names), for diagnostics. */
  readonly key: string;
  /** An independent stream for `name`; the same name always gives the same stream. */
  stream(name: string): Rng;
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  bernoulli(p: number): boolean;
  /** Exponential with the given mean (for inter-arrival times of a Poisson process). */
  exponential(mean: number): number;
  /** Standard normal draw scaled to mean `mu` and standard deviation `sigma`. */
  normal(mu: number, sigma: number): number;
  /** Lognormal: exp of a normal draw with parameters `mu`, `sigma` of the underlying normal. */
  lognormal(mu: number, sigma: number): number;
  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(choices: readonly Weighted<T>[]): T;
  /** Four 32-bit words, e.g. for a guid. */
  words(): [number, number, number, number];
}

/** FNV-1a over the UTF-16 code units of `text`, mixed into `seed`. */
function mix(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // a finaliser so that near names give far seeds
  return finalise(h);
}

/** A bijective 32-bit finaliser (murmur3's): zero only for zero. */
function finalise(word: number): number {
  let h = word;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The high word of a stream's key from its parent's: one-to-one in `hi` for a given low word and
 * name (an odd multiplier, then the finaliser), and zero only when `hi` is, so a key with a high
 * word stays apart from the keys of seeds below 2^32.
 */
function mixHigh(hi: number, lo: number, text: string): number {
  return hi === 0 ? 0 : finalise(Math.imul(hi, mix(lo ^ 0x5bd1e995, text) | 1));
}

/** The generator of a key: seeds below 2^32 (high word zero) keep pure-rand's own seeding. */
function generatorOf(hi: number, lo: number): RandomGenerator {
  // a state whose last word is the (non-zero) high word, which pure-rand's seeding never gives
  return hi === 0 ? xoroshiro128plus(lo) : xoroshiro128plusFromState([finalise(hi ^ 0x9e3779b9), ~lo, lo, hi]);
}

function checkProbability(p: number, field: string): void {
  if (!(p >= 0 && p <= 1)) throw new ValidationError([{ path: [field], value: p, reason: 'must be a probability from 0 to 1.' }]);
}

class SeededRng implements Rng {
  readonly key: string;
  /** The two words of the generator's key (see the module's comment). */
  private readonly hi: number;
  private readonly lo: number;
  private readonly gen: RandomGenerator;
  private spareNormal: number | undefined;

  constructor(hi: number, lo: number, key: string) {
    this.hi = hi;
    this.lo = lo;
    this.key = key;
    this.gen = generatorOf(hi, lo);
  }

  stream(name: string): Rng {
    return new SeededRng(mixHigh(this.hi, this.lo, name), mix(this.lo, name), `${this.key}/${name}`);
  }

  float(): number {
    return uniformFloat64(this.gen);
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }

  bernoulli(p: number): boolean {
    checkProbability(p, 'p');
    return this.float() < p;
  }

  exponential(mean: number): number {
    if (!(mean > 0)) throw new ValidationError([{ path: ['mean'], value: mean, reason: 'must be above zero.' }]);
    return -mean * Math.log(1 - this.float());
  }

  normal(mu: number, sigma: number): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mu + sigma * z;
    }
    // Box-Muller: two uniforms give two independent standard normals; keep the second.
    const u = 1 - this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mu + sigma * r * Math.cos(2 * Math.PI * v);
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  weighted<T>(choices: readonly Weighted<T>[]): T {
    let total = 0;
    for (const c of choices) {
      if (!(c.weight >= 0) || !Number.isFinite(c.weight)) {
        throw new ValidationError([{ path: ['weight'], value: c.weight, reason: 'must be a finite number, zero or more.' }]);
      }
      total += c.weight;
    }
    if (!(total > 0)) throw new ValidationError([{ path: ['choices'], value: choices.length, reason: 'need at least one choice with a weight above zero.' }]);
    let point = this.float() * total;
    for (const c of choices) {
      point -= c.weight;
      if (point < 0 && c.weight > 0) return c.value;
    }
    // Floating-point leftovers land on the last choice with weight.
    for (let i = choices.length - 1; i >= 0; i--) if (choices[i]!.weight > 0) return choices[i]!.value;
    throw new Error('unreachable: total weight was positive');
  }

  words(): [number, number, number, number] {
    return [this.gen.next(), this.gen.next(), this.gen.next(), this.gen.next()];
  }
}

/**
 * The root generator of a run.
 *
 * @param seed - any safe integer, -(2^53 - 1) to 2^53 - 1; the same seed always gives the same
 *   draws, and two different seeds different ones
 * @example
 * ```ts
 * const rng = createRng(7);
 * const customs = rng.stream('customs');
 * customs.bernoulli(0.05); // inspect this list?
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new ValidationError([{ path: ['seed'], value: seed, reason: 'must be a safe integer.' }]);
  const lo = seed | 0; // the low 32 bits, two's complement
  const hi = Math.floor(seed / 0x1_0000_0000) | 0; // -2^21 to 2^21 - 1
  return new SeededRng(mixHigh(hi, lo, 'root'), mix(lo, 'root'), String(seed));
}
