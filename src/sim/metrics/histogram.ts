/**
 * A fixed-size log-linear histogram of non-negative durations for percentiles (the layout of an
 * HDR histogram): memory does not grow with the number of samples. Buckets are 1/1024 of a power
 * of two wide, so a percentile (the midpoint of its bucket) is within 0.05% of the exact value:
 * three significant digits, the precision {@link PERCENTILE_DIGITS} reports print. The exact
 * minimum, maximum and sum are kept. Histograms merge exactly (bucket counts add), so shards
 * give the same percentiles as one run holding every sample.
 */

const SUB_BUCKETS = 1024;
const MAX_EXPONENT = 42; // 2^42 ms is about 139 years

/** Significant digits a percentile of a {@link Histogram} supports. */
export const PERCENTILE_DIGITS = 3;

/**
 * `value` rounded to {@link PERCENTILE_DIGITS} significant digits: what a percentile is worth.
 *
 * @example
 * ```ts
 * toPercentilePrecision(3181.44); // 3180
 * ```
 */
export function toPercentilePrecision(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(PERCENTILE_DIGITS));
}

/** Percentile summary of a histogram. */
export interface PercentileSummary {
  readonly count: number;
  readonly min: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * A histogram as plain data (structured-cloneable, JSON-safe), for moving it between threads:
 * the non-empty buckets as `[bucket, samples]` pairs in bucket order.
 */
export interface HistogramData {
  readonly count: number;
  readonly sum: number;
  /** The smallest sample, or 0 when empty. */
  readonly min: number;
  readonly max: number;
  readonly buckets: readonly (readonly [number, number])[];
}

/** A histogram of durations (ms). */
export class Histogram {
  readonly #counts = new Uint32Array((MAX_EXPONENT + 1) * SUB_BUCKETS + 1);
  #count = 0;
  #sum = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = 0;

  /** Number of samples recorded. */
  get count(): number {
    return this.#count;
  }

  /** Records one sample (negative values are clamped to zero). */
  record(value: number): void {
    const v = value > 0 ? value : 0;
    this.#counts[bucketOf(v)]!++;
    this.#count++;
    this.#sum += v;
    if (v < this.#min) this.#min = v;
    if (v > this.#max) this.#max = v;
  }

  /** Adds every sample of `other` (for merging shards). */
  merge(other: Histogram): void {
    const theirs = other.#counts;
    for (let i = 0; i < theirs.length; i++) this.#counts[i]! += theirs[i]!;
    this.#count += other.#count;
    this.#sum += other.#sum;
    this.#min = Math.min(this.#min, other.#min);
    this.#max = Math.max(this.#max, other.#max);
  }

  /** The histogram as plain data; {@link Histogram.fromData} gives it back. */
  toData(): HistogramData {
    const buckets: [number, number][] = [];
    this.#counts.forEach((n, i) => {
      if (n > 0) buckets.push([i, n]);
    });
    return { count: this.#count, sum: this.#sum, min: this.#count ? this.#min : 0, max: this.#max, buckets };
  }

  /**
   * A histogram from {@link Histogram.toData}'s plain data.
   *
   * @example
   * ```ts
   * Histogram.fromData(h.toData()).summary(); // equals h.summary()
   * ```
   */
  static fromData(data: HistogramData): Histogram {
    const h = new Histogram();
    for (const [i, n] of data.buckets) h.#counts[i] = n;
    h.#count = data.count;
    h.#sum = data.sum;
    h.#min = data.count ? data.min : Number.POSITIVE_INFINITY;
    h.#max = data.max;
    return h;
  }

  /** The value at quantile `q` (0..1): the midpoint of the bucket holding it, clamped to [min, max]. */
  quantile(q: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(this.#max, Math.max(this.#min, midpointOf(i)));
    }
    return this.#max;
  }

  /** Count, min, p50, p90, p99, max and mean. */
  summary(): PercentileSummary {
    return {
      count: this.#count,
      min: this.#count ? this.#min : 0,
      p50: this.quantile(0.5),
      p90: this.quantile(0.9),
      p99: this.quantile(0.99),
      max: this.#max,
      mean: this.#count ? this.#sum / this.#count : 0,
    };
  }
}

function bucketOf(v: number): number {
  if (v < 1) return 0;
  const exponent = Math.min(MAX_EXPONENT, Math.floor(Math.log2(v)));
  const base = 2 ** exponent;
  const sub = Math.min(SUB_BUCKETS - 1, Math.floor(((v - base) / base) * SUB_BUCKETS));
  return 1 + exponent * SUB_BUCKETS + sub;
}

function midpointOf(bucket: number): number {
  if (bucket === 0) return 0;
  const exponent = Math.floor((bucket - 1) / SUB_BUCKETS);
  const sub = (bucket - 1) % SUB_BUCKETS;
  const base = 2 ** exponent;
  return base + ((sub + 0.5) * base) / SUB_BUCKETS;
}
