/**
 * Estimators and confidence intervals (Law and Kelton, Simulation Modeling and Analysis, ch. 9
 * and 10): the mean of independent replications with a Student t interval; the difference of
 * two points by paired replications (common random numbers: replication r of both points shares
 * its seed) or, for independent seeds, by Welch's interval.
 */
import { createRequire } from 'node:module';
import type jstatModule from 'jstat';

/** jStat, loaded on the first quantile asked for: a bundle that never estimates never carries it. */
let jstat: typeof jstatModule | undefined;

/** A mean and its confidence interval. */
export interface Estimate {
  /** Replications with a value. */
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation (n - 1 in the denominator); `null` below 2 values. */
  readonly stdDev: number | null;
  /** Half-width of the interval; `null` below 2 values. */
  readonly halfWidth: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Half-width over the absolute mean; `null` when either is missing or the mean is zero. */
  readonly relativeHalfWidth: number | null;
}

/** The difference of a point from the baseline: an {@link Estimate} of point minus baseline, and how it was taken. */
export interface Difference extends Estimate {
  /** `paired`: over the replications both points ran with the same seed; `welch`: two independent samples. */
  readonly method: 'paired' | 'welch';
  /** Degrees of freedom of the t quantile; `null` below 2 values. `stdDev` is that of the paired differences, `null` for Welch. */
  readonly degreesOfFreedom: number | null;
}

/**
 * The two-sided Student t quantile: `t` with `P(|T| <= t) = confidence` for `dof` degrees of freedom.
 *
 * @example
 * ```ts
 * studentT(0.95, 9); // 2.2621...
 * ```
 */
export function studentT(confidence: number, dof: number): number {
  jstat ??= createRequire(import.meta.url)('jstat') as typeof jstatModule;
  return jstat.jStat.studentt.inv(1 - (1 - confidence) / 2, dof);
}

function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function varianceOf(values: readonly number[], mean: number): number {
  let sum = 0;
  for (const v of values) sum += (v - mean) * (v - mean);
  return sum / (values.length - 1);
}

function interval(n: number, mean: number | null, stdDev: number | null, halfWidth: number | null): Estimate {
  const has = mean !== null && halfWidth !== null;
  return {
    n,
    mean,
    stdDev,
    halfWidth,
    lower: has ? mean - halfWidth : null,
    upper: has ? mean + halfWidth : null,
    relativeHalfWidth: has && mean !== 0 ? halfWidth / Math.abs(mean) : null,
  };
}

const present = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);

/**
 * The mean of `values` (one per replication; `null` where a replication lacks the figure) with its
 * Student t interval at `confidence`: mean +- t(n-1) s / sqrt(n).
 *
 * @example
 * ```ts
 * estimateMean([1, 2, 3, 4], 0.95); // { n: 4, mean: 2.5, stdDev: 1.29..., halfWidth: 2.05..., ... }
 * ```
 */
export function estimateMean(values: readonly (number | null)[], confidence: number): Estimate {
  const xs = present(values);
  if (xs.length === 0) return interval(0, null, null, null);
  const mean = meanOf(xs);
  if (xs.length < 2) return interval(1, mean, null, null);
  const stdDev = Math.sqrt(varianceOf(xs, mean));
  return interval(xs.length, mean, stdDev, (studentT(confidence, xs.length - 1) * stdDev) / Math.sqrt(xs.length));
}

/**
 * Point minus baseline over paired replications: replication r of both ran with the same seed,
 * so `point[r] - baseline[r]` are independent differences with the common noise cancelled; the
 * interval is Student t on them. Replications missing either value are left out.
 */
export function pairedDifference(point: readonly (number | null)[], baseline: readonly (number | null)[], confidence: number): Difference {
  const n = Math.min(point.length, baseline.length);
  const differences: (number | null)[] = [];
  for (let r = 0; r < n; r++) {
    const a = point[r] ?? null;
    const b = baseline[r] ?? null;
    differences.push(a === null || b === null ? null : a - b);
  }
  const estimate = estimateMean(differences, confidence);
  return { ...estimate, method: 'paired', degreesOfFreedom: estimate.halfWidth === null ? null : estimate.n - 1 };
}

/**
 * Point minus baseline for independent samples (no common random numbers): Welch's interval,
 * with the Welch-Satterthwaite degrees of freedom. `n` is the smaller of the two sample sizes.
 */
export function welchDifference(point: readonly (number | null)[], baseline: readonly (number | null)[], confidence: number): Difference {
  const a = present(point);
  const b = present(baseline);
  const n = Math.min(a.length, b.length);
  if (n === 0) return { ...interval(0, null, null, null), method: 'welch', degreesOfFreedom: null };
  const mean = meanOf(a) - meanOf(b);
  if (n < 2) return { ...interval(n, mean, null, null), method: 'welch', degreesOfFreedom: null };
  const va = varianceOf(a, meanOf(a)) / a.length;
  const vb = varianceOf(b, meanOf(b)) / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { ...interval(n, mean, null, 0), method: 'welch', degreesOfFreedom: a.length + b.length - 2 };
  const dof = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { ...interval(n, mean, null, studentT(confidence, dof) * se), method: 'welch', degreesOfFreedom: dof };
}
