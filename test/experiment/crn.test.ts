/**
 * Common random numbers: replication r of every point runs with the same seed, so the difference
 * between two points is not noise from the seeds. Shown on a synthetic output whose variance is
 * known, and on the simulator itself, where arrivals do not depend on customs settings.
 */
import { describe, expect, it } from 'vitest';
import { estimateMean } from '../../src/experiment/estimate.js';
import { createExperiment } from '../../src/experiment/experiment.js';
import { replicationSeed } from '../../src/experiment/seeds.js';
import { createRng } from '../../src/sim/rng.js';
import { TINY_SCENARIO } from './fixtures.js';

const variance = (xs: readonly number[]) => estimateMean(xs, 0.95).stdDev! ** 2;

describe('seeds of replications', () => {
  it('are shared by every point of a replication with common random numbers, and distinct otherwise', () => {
    const crn = [0, 1, 2].map((p) => replicationSeed(7, true, p, 3));
    expect(new Set(crn).size).toBe(1);
    expect(replicationSeed(7, true, 0, 4)).not.toBe(crn[0]);
    const independent = [0, 1, 2].map((p) => replicationSeed(7, false, p, 3));
    expect(new Set(independent).size).toBe(3);
    expect(replicationSeed(8, true, 0, 3)).not.toBe(crn[0]);
  });
});

describe('variance reduction by common random numbers', () => {
  /**
   * Output of level `level` in a replication seeded `seed`: level + a shared part drawn from the
   * seed (sd 3) + a part of the point's own (sd 0.5). The difference of two levels has variance
   * 2 * 0.5^2 = 0.5 when the seeds are common, and 2 * (3^2 + 0.5^2) = 18.5 when independent.
   */
  const output = (level: number, seed: number, point: number) => level + createRng(seed).normal(0, 3) + createRng(seed).stream(`own-${point}`).normal(0, 0.5);
  const differences = (crn: boolean) => Array.from({ length: 400 }, (_, r) => output(12, replicationSeed(5, crn, 1, r), 1) - output(10, replicationSeed(5, crn, 0, r), 0));

  it('on a known case: the variance of a difference falls from 18.5 to 0.5', () => {
    const common = variance(differences(true));
    const independent = variance(differences(false));
    expect(common).toBeGreaterThan(0.5 * 0.8);
    expect(common).toBeLessThan(0.5 * 1.2);
    expect(independent).toBeGreaterThan(18.5 * 0.8);
    expect(independent).toBeLessThan(18.5 * 1.2);
  });

  it('in the simulator: two customs capacities see the same orders in every replication, so their difference in orders and declared lists is exactly 0', async () => {
    const run = (commonRandomNumbers: boolean) =>
      createExperiment({ scenario: TINY_SCENARIO, seed: 3, factors: { 'customs.capacityPerHour': [5, 20] }, replications: 6, commonRandomNumbers, outputs: ['totals.orders', 'channels[9610-import].listsDeclared', 'channels[9610-import].clearance.p90'] }).run();
    const [common, independent] = [await run(true), await run(false)];
    const difference = (result: typeof common, output: string) => result.points[1]!.differences![output]!;
    expect(difference(common, 'totals.orders')).toMatchObject({ method: 'paired', mean: 0, halfWidth: 0 });
    expect(difference(common, 'channels[9610-import].listsDeclared')).toMatchObject({ mean: 0, halfWidth: 0 });
    expect(difference(independent, 'totals.orders')).toMatchObject({ method: 'welch' });
    expect(difference(independent, 'totals.orders').halfWidth).toBeGreaterThan(5);
    // Clearance depends on the capacity: the difference is real, and common seeds pin it down tighter.
    expect(difference(common, 'channels[9610-import].clearance.p90').halfWidth!).toBeLessThan(difference(independent, 'channels[9610-import].clearance.p90').halfWidth!);
  });
});
