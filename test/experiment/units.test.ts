/** Units of work and the sequential rule, on synthetic unit facts (no simulation). */
import { describe, expect, it } from 'vitest';
import { defineExperiment } from '../../src/experiment/definition.js';
import type { ExperimentInput } from '../../src/experiment/schema.js';
import { pendingUnits, pointDecision, unitIndex, unitPlan, type UnitFacts } from '../../src/experiment/units.js';
import { TINY_SCENARIO } from './fixtures.js';

const experiment = (replications: ExperimentInput['replications']) => defineExperiment({ scenario: TINY_SCENARIO, factors: { 'customs.capacityPerHour': [5, 10, 20] }, replications, outputs: ['totals.orders'] });

/** Facts of point `point`'s replications with these values of the one output. */
function facts(definition: ReturnType<typeof experiment>, point: number, values: readonly number[]): UnitFacts[] {
  return values.map((value, r) => ({ ...unitPlan(definition, unitIndex(definition, point, r)), fingerprint: definition.fingerprint, values: [value], reconciled: true }));
}

const byIndex = (units: readonly UnitFacts[]) => new Map(units.map((u) => [u.index, u]));

describe('units', () => {
  it('number the first replications of every point first: unit r * points + p', () => {
    const d = experiment(2);
    expect([0, 1, 2, 3, 4, 5].map((i) => unitPlan(d, i)).map((u) => [u.point, u.replication])).toEqual([[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1]]);
    expect(pendingUnits(d, new Map()).map((u) => u.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(unitPlan(d, 4).label).toBe('customs.capacityPerHour=10');
  });
});

describe('sequential replications to a target relative half-width', () => {
  const d = experiment({ initial: 3, step: 2, max: 9, relativeHalfWidth: 0.05 });

  it('starts every point with the initial replications', () => {
    expect(pendingUnits(d, new Map()).map((u) => u.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pointDecision(d, new Map(), 0)).toEqual({ settled: false, needs: 3 });
  });

  it('settles a point whose interval is within 5% of its mean: [100, 101, 99] gives +-2.48 (2.5%)', () => {
    expect(pointDecision(d, byIndex(facts(d, 0, [100, 101, 99])), 0)).toEqual({ settled: true, replications: 3, targetMet: true });
  });

  it('adds a round of 2 to a point still too imprecise, and looks only at the first n replications', () => {
    const noisy = facts(d, 1, [100, 130, 70, 100, 100, 100, 100]);
    expect(pointDecision(d, byIndex(noisy.slice(0, 3)), 1)).toEqual({ settled: false, needs: 5 });
    expect(pendingUnits(d, byIndex([...facts(d, 0, [100, 101, 99]), ...noisy.slice(0, 3), ...facts(d, 2, [10, 10, 10])])).map((u) => [u.point, u.replication])).toEqual([[1, 3], [1, 4]]);
    // 5 replications: sd 21.2, half-width 26.3 (26%): not yet; 7: sd 17.3, half-width 16.0 (16%); 9 is the maximum
    expect(pointDecision(d, byIndex(noisy), 1)).toEqual({ settled: false, needs: 9 });
    const more = facts(d, 1, [100, 130, 70, 100, 100, 100, 100, 100, 100, 5000]);
    expect(pointDecision(d, byIndex(more), 1)).toEqual({ settled: true, replications: 9, targetMet: false });
  });

  it('needs no more units once every point has settled', () => {
    const settled = [...facts(d, 0, [100, 101, 99]), ...facts(d, 1, [50, 50, 50]), ...facts(d, 2, [10, 10.1, 9.9])];
    expect(pendingUnits(d, byIndex(settled))).toEqual([]);
  });
});
