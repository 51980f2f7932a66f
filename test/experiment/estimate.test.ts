/**
 * The estimators against worked numbers (values from R / SciPy), and the coverage of their
 * intervals over many synthetic experiments whose outputs have a known distribution: a 95%
 * interval must cover the true mean in 95% of experiments, within sampling error.
 */
import { describe, expect, it } from 'vitest';
import { estimateMean, pairedDifference, studentT, welchDifference } from '../../src/experiment/estimate.js';
import { createRng, type Rng } from '../../src/sim/rng.js';

describe('Student t quantiles', () => {
  it('match the tables: t(0.975; 9) = 2.2622, t(0.975; 1) = 12.706, t(0.995; 2) = 9.9248, t(0.975; 1e6) = 1.96', () => {
    expect(studentT(0.95, 9)).toBeCloseTo(2.262157, 5);
    expect(studentT(0.95, 1)).toBeCloseTo(12.706205, 4);
    expect(studentT(0.99, 2)).toBeCloseTo(9.924843, 4);
    expect(studentT(0.95, 1e6)).toBeCloseTo(1.959966, 4);
  });
});

describe('estimators, worked numbers', () => {
  it('mean of [1, 2, 3, 4]: 2.5 +- t(0.975; 3) s / 2 = 2.5 +- 2.0543', () => {
    const e = estimateMean([1, 2, 3, 4], 0.95);
    expect(e).toMatchObject({ n: 4, mean: 2.5 });
    expect(e.stdDev).toBeCloseTo(1.290994, 6);
    expect(e.halfWidth).toBeCloseTo(2.054260, 5);
    expect(e.lower).toBeCloseTo(0.44574, 5);
    expect(e.relativeHalfWidth).toBeCloseTo(2.05426 / 2.5, 5);
  });

  it('leaves out replications without the figure, and gives no interval below two values', () => {
    expect(estimateMean([null, 4, null], 0.95)).toEqual({ n: 1, mean: 4, stdDev: null, halfWidth: null, lower: null, upper: null, relativeHalfWidth: null });
    expect(estimateMean([], 0.95).mean).toBeNull();
    expect(estimateMean([3, 3, 3], 0.95)).toMatchObject({ halfWidth: 0, lower: 3, upper: 3, relativeHalfWidth: 0 });
  });

  it('paired difference of [10, 12, 14] and [9, 10, 12]: differences [1, 2, 2], 1.6667 +- 1.4342', () => {
    const d = pairedDifference([10, 12, 14], [9, 10, 12], 0.95);
    expect(d).toMatchObject({ n: 3, method: 'paired', degreesOfFreedom: 2 });
    expect(d.mean).toBeCloseTo(5 / 3, 10);
    expect(d.halfWidth).toBeCloseTo(1.434218, 5);
  });

  it('Welch difference of [1..5] and [2, 4, .., 10]: -3, interval -6.8877 to 0.8877 on 5.882 degrees of freedom', () => {
    const d = welchDifference([1, 2, 3, 4, 5], [2, 4, 6, 8, 10], 0.95);
    expect(d).toMatchObject({ n: 5, mean: -3, method: 'welch' });
    expect(d.degreesOfFreedom).toBeCloseTo(5.882353, 5);
    expect(d.lower).toBeCloseTo(-6.887742, 4);
    expect(d.upper).toBeCloseTo(0.887742, 4);
  });
});

/** Share of `experiments` synthetic experiments whose interval covers `truth`. */
function coverage(experiments: number, interval: (rng: Rng) => { lower: number | null; upper: number | null }, truth: number, seed: number): number {
  const root = createRng(seed);
  let covered = 0;
  for (let i = 0; i < experiments; i++) {
    const { lower, upper } = interval(root.stream(`experiment-${i}`));
    if (lower !== null && upper !== null && lower <= truth && truth <= upper) covered++;
  }
  return covered / experiments;
}

/** Three standard errors of a share `p` estimated from `n` experiments: the band coverage must fall in. */
const band = (p: number, n: number) => 3 * Math.sqrt((p * (1 - p)) / n);

const sample = <T>(n: number, draw: () => T): T[] => Array.from({ length: n }, draw);

describe('coverage of the intervals, over 4,000 synthetic experiments each', () => {
  const N = 4000;

  it.each([
    [0.95, 5],
    [0.95, 20],
    [0.9, 10],
  ])('the mean of normal outputs: %s intervals from %s replications cover the true mean as often as they claim', (confidence, replications) => {
    const share = coverage(N, (rng) => estimateMean(sample(replications, () => rng.normal(10, 3)), confidence), 10, 1);
    expect(Math.abs(share - confidence)).toBeLessThan(band(confidence, N));
  });

  it('the mean of uniform outputs (not normal): 95% intervals from 10 replications', () => {
    const share = coverage(N, (rng) => estimateMean(sample(10, () => rng.uniform(0, 4)), 0.95), 2, 2);
    expect(Math.abs(share - 0.95)).toBeLessThan(band(0.95, N));
  });

  it('paired differences of correlated outputs (common noise, as with common random numbers): the true difference 1.5', () => {
    const share = coverage(
      N,
      (rng) => {
        const pairs = sample(8, () => {
          const common = rng.normal(0, 5);
          return [common + 1.5 + rng.normal(0, 1), common + rng.normal(0, 1)] as const;
        });
        return pairedDifference(pairs.map((p) => p[0]), pairs.map((p) => p[1]), 0.95);
      },
      1.5,
      3,
    );
    expect(Math.abs(share - 0.95)).toBeLessThan(band(0.95, N));
  });

  it("Welch's interval for independent outputs with unequal spreads: the true difference -2", () => {
    const share = coverage(N, (rng) => welchDifference(sample(6, () => rng.normal(8, 1)), sample(12, () => rng.normal(10, 4)), 0.95), -2, 4);
    expect(Math.abs(share - 0.95)).toBeLessThan(band(0.95, N) + 0.005);
  });
});
