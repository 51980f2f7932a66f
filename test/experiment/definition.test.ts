/** Bad experiment files are refused with the path of every issue, before anything runs. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentError } from '../../src/experiment/errors.js';
import { createExperiment } from '../../src/experiment/experiment.js';
import { defineExperiment, loadExperiment } from '../../src/experiment/definition.js';
import { TINY_SCENARIO } from './fixtures.js';

const base = { scenario: TINY_SCENARIO, replications: 3, outputs: ['totals.orders'] };

/** The issues `run` throws, as `path: reason` lines. */
async function issues(run: () => unknown): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof ExperimentError)) throw e;
    return e.issues.map((i) => `${i.path.map(String).join(' / ')}: ${i.reason}`);
  }
  throw new Error('expected an ExperimentError');
}

describe('experiment files refused', () => {
  it('lists every schema issue with its path', async () => {
    const found = await issues(() => defineExperiment({ scenario: TINY_SCENARIO, replications: 1, outputs: [], confidence: 1.5, colour: 'red' }));
    expect(found).toEqual([
      'replications: must be at least 2.',
      'outputs: must name at least one report figure.',
      'confidence: must be between 0 and 1, e.g. 0.95.',
      ': Unrecognized key: "colour".',
    ]);
  });

  it('refuses factor paths that do not exist in the scenario, and accepts fields left to their defaults or optional', async () => {
    const found = await issues(() => defineExperiment({ ...base, factors: { 'customs.capcityPerHour': [1], 'arrivals[9710].ordersPerDay': [1], 'weather': ['rain'], 'customs..x': [1], 'customs.capacityPerHour': [9], rules: ['RULES_2016'] } }));
    expect(found).toEqual([
      expect.stringMatching(/^factors \/ customs\.capcityPerHour: does not exist in the scenario: customs has no field 'capcityPerHour'; its fields are .*\bcapacityPerHour\b/),
      "factors / arrivals[9710].ordersPerDay: does not exist in the scenario: arrivals has no element '9710'; its elements are 9610-import.",
      expect.stringMatching(/^factors \/ weather: does not exist in the scenario: the document has no field 'weather'/),
      'factors / customs..x: is not a path into the scenario: it has no field name at character 9; write fields as a.b and elements as a[key].',
    ]);
  });

  it("refuses levels that make the scenario invalid, naming the factor, the level and the scenario's reason", async () => {
    const found = await issues(() => defineExperiment({ ...base, factors: { 'customs.capacityPerHour': [1000, -5, 'many'], 'customs.review': [{ medianMinutes: 30 }, { minutes: 30 }] } }));
    expect(found).toEqual([
      'factors / customs.capacityPerHour / 1: level -5 makes the scenario invalid: customs.capacityPerHour: must be from 0.01 to 10,000,000.',
      'factors / customs.capacityPerHour / 2: level many makes the scenario invalid: customs.capacityPerHour: Invalid input: expected number, received string.',
      'factors / customs.review / 1: level {"minutes":30} makes the scenario invalid: customs.review: Invalid input.',
    ]);
  });

  it('names the point when only a combination of levels is invalid', async () => {
    const found = await issues(() => defineExperiment({ ...base, factors: { 'customs.openHour': [8, 23], 'buyers.cancelRate': [0, 0.1] } }));
    expect(found).toEqual(['factors: the point customs.openHour=23, buyers.cancelRate=0 makes the scenario invalid: customs.closeHour: must be after openHour.', 'factors: the point customs.openHour=23, buyers.cancelRate=0.1 makes the scenario invalid: customs.closeHour: must be after openHour.']);
    const listed = await issues(() => defineExperiment({ ...base, factors: { 'customs.openHour': [8, 23] }, design: { points: [{ 'customs.openHour': 23 }] } }));
    expect(listed).toEqual(['design / points / 0: the point customs.openHour=23 makes the scenario invalid: customs.closeHour: must be after openHour.']);
  });

  it('refuses a listed design that is not made of the declared levels, and a baseline that is not a point', async () => {
    const found = await issues(() =>
      defineExperiment({
        ...base,
        factors: { 'customs.capacityPerHour': [10, 20], rules: ['RULES_2016', 'RULES_2019'] },
        design: { points: [{ 'customs.capacityPerHour': 10, rules: 'RULES_2016' }, { 'customs.capacityPerHour': 30, rules: 'RULES_2019', seats: 2 }, { rules: 'RULES_2019' }, { 'customs.capacityPerHour': 10, rules: 'RULES_2016' }] },
        baseline: { 'customs.capacityPerHour': 20, rules: 'RULES_2019' },
      }),
    );
    expect(found).toEqual([
      'design / points / 1 / seats: is not a factor; the factors are customs.capacityPerHour, rules.',
      'design / points / 1 / customs.capacityPerHour: is not one of the levels of customs.capacityPerHour: 10, 20.',
      'design / points / 2: gives no level for factor customs.capacityPerHour; every point names a level of every factor.',
      'design / points / 3: repeats point 0; list each point once (replications repeat it).',
    ]);
    const baseline = await issues(() => defineExperiment({ ...base, factors: { 'customs.capacityPerHour': [10, 20] }, baseline: 2 }));
    expect(baseline).toEqual(['baseline: is past the last point; the design has 2 (positions 0 to 1).']);
  });

  it('refuses a sequential rule on outputs the experiment does not estimate, or whose maximum is below its start', async () => {
    const found = await issues(() => defineExperiment({ ...base, replications: { relativeHalfWidth: 0.1, initial: 10, max: 5, outputs: ['customs.queue.mean'] } }));
    expect(found).toEqual(['replications / max: must be at least initial (10).']);
    const unknown = await issues(() => defineExperiment({ ...base, replications: { relativeHalfWidth: 0.1, outputs: ['customs.queue.mean'] } }));
    expect(unknown).toEqual(['replications / outputs / 0: is not one of the outputs: totals.orders.']);
  });

  it('refuses output paths that cannot be read, or are listed twice', async () => {
    const found = await issues(() => defineExperiment({ ...base, outputs: ['totals.orders', 'channels[9610-import]taxes', { path: 'totals.orders', title: 'orders' }] }));
    expect(found).toEqual(["outputs / 1: is not a path into the report: it has 't' at character 22 where a '.' or the end was expected.", 'outputs / 2: is listed twice.']);
  });

  it('refuses output paths the report does not have, or that are not one number, checked against a real report up front', async () => {
    const experiment = createExperiment({
      ...base,
      outputs: [
        'channels[9610-import].clearence.p90',
        'channels[9610-import].clearance',
        'channels[1239-import].orders',
        'scenario.name',
        'channels[9610-import].rejections[quota-exceeded]',
        { path: 'channels[9610-import].rejectons[quota-exceeded]', absentAs: 0 },
        { path: 'channels[9610-import].rejections[payer-mismatch]', title: 'payer mismatches', absentAs: 0 },
        'channels[9610-import].taxes.total',
      ],
    });
    const found = await issues(() => experiment.run());
    expect(found).toEqual([
      expect.stringMatching(/^outputs \/ 0: is not a figure of the report: channels\[9610-import\] has no field 'clearence'; its fields are .*\bclearance\b/),
      expect.stringMatching(/^outputs \/ 1: is a group of figures, not one; add one of its fields: .*\bp90\b/),
      "outputs / 2: is not a figure of the report: channels has no element '1239-import'; its elements are 9610-import.",
      "outputs / 3: is text ('tiny 9610 day'), not a number.",
      expect.stringMatching(/^outputs \/ 4: is not a figure of the report: channels\[9610-import\]\.rejections has no field 'quota-exceeded'/),
      expect.stringMatching(/^outputs \/ 5: is not a figure of the report: channels\[9610-import\] has no field 'rejectons'/),
    ]);
  });

  it('reads a scenario path relative to the experiment file, and names a scenario file it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbec-experiment-'));
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(TINY_SCENARIO));
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ ...base, scenario: 'scenario.json' }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...base, scenario: 'missing.json' }));
    writeFileSync(join(dir, 'invalid.json'), JSON.stringify({ ...base, scenario: { ...TINY_SCENARIO, horizonDays: -1, arrivals: [] } }));
    expect(defineExperiment(loadExperiment(join(dir, 'good.json'))).scenarioName).toBe('tiny 9610 day');
    expect(await issues(() => loadExperiment(join(dir, 'bad.json')))).toEqual([expect.stringMatching(/^scenario: names a scenario file that cannot be read: ENOENT/)]);
    expect(await issues(() => defineExperiment(loadExperiment(join(dir, 'invalid.json'))))).toEqual(['scenario / horizonDays: (the scenario) must be above zero and at most 731.', 'scenario / arrivals: (the scenario) must list at least one channel with its arrival rate.']);
  });
});
