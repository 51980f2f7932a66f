/** The example experiments run here at a reduced size, so they cannot rot, and still answer their question. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/definition.js';
import { createExperiment } from '../../src/experiment/experiment.js';
import { experimentToMarkdown } from '../../src/experiment/report/markdown.js';
import type { ExperimentInput } from '../../src/experiment/schema.js';

const example = (name: string) => loadExperiment(fileURLToPath(new URL(`../../examples/experiments/${name}`, import.meta.url)));

describe('examples/experiments/limits-2016-vs-2019.json', () => {
  it('at 400 orders and 3 replications a point: the 2019 limits refuse fewer orders as retail and collect more tax', async () => {
    const result = await createExperiment({ ...example('limits-2016-vs-2019.json'), orders: 400, replications: 3 }).run();
    const md = experimentToMarkdown(result);
    expect(md).toMatch(/^# Singles' Day week under the 2016 and the 2019 retail-import limits\n/);
    const rules2019 = result.points.find((p) => p.levels['rules'] === 'RULES_2019')!;
    expect(rules2019.differences!['channels[9610-import].rejections[over-single-limit]']!.upper!).toBeLessThan(0);
    expect(rules2019.differences!['channels[1210-import].taxes.total']!.lower!).toBeGreaterThan(0);
    expect(md).toMatch(/## 9610 orders refused as retail \(over the single limit: general trade\) \(channels\[9610-import\]\.rejections\[over-single-limit\]\)\n\n\| point \| rules \| n \| mean \| 95% interval \| half-width \|\n/);
    expect(md).toMatch(/\| 1 \| RULES_2019 \| 3 \| -[\d.]+ \| -[\d.]+ to -[\d.]+ \| lower \|/);
    expect(result.points.every((p) => p.reconciled === p.replications)).toBe(true);
  });
});

describe('examples/experiments/customs-capacity.json', () => {
  it('at a twentieth of the volume and of each capacity, 3 replications: clearance p90 falls as capacity rises', async () => {
    const full = example('customs-capacity.json');
    const scenario = full.scenario as { arrivals: { channel: string; ordersPerDay: number }[] };
    const reduced: ExperimentInput = {
      ...full,
      scenario: { ...scenario, arrivals: scenario.arrivals.map((a) => ({ ...a, ordersPerDay: a.ordersPerDay / 20 })) },
      factors: { 'customs.capacityPerHour': [15, 22.5, 30, 45] },
      baseline: { 'customs.capacityPerHour': 30 },
      replications: 3,
    };
    const result = await createExperiment(reduced).run();
    const p90 = result.points.map((p) => p.estimates['channels[9610-import].clearance.p90']!.mean!);
    expect(p90[0]).toBeGreaterThan(p90[1]!);
    expect(p90[1]).toBeGreaterThan(p90[3]!);
    expect(result.points[0]!.differences!['channels[9610-import].clearance.p90']!.mean!).toBeGreaterThan(0);
    expect(experimentToMarkdown(result)).toContain('## 9610 clearance time, 90th percentile, minutes (channels[9610-import].clearance.p90)');
  });

  it('as written: four capacities, replications added five at a time until 9610 p90 is within 10%', () => {
    const experiment = createExperiment(example('customs-capacity.json'));
    expect(experiment.definition.points.map((p) => p.label)).toEqual(['customs.capacityPerHour=300', 'customs.capacityPerHour=450', 'customs.capacityPerHour=600', 'customs.capacityPerHour=900']);
    expect(experiment.definition.baseline).toBe(2);
    expect(experiment.pending()).toHaveLength(20);
  });
});
