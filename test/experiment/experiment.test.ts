/** Small real experiments: intervals on a figure of known distribution, determinism on 1 or 2 worker threads, resuming, merging, aborting. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { ExperimentError, ExperimentRunError } from '../../src/experiment/errors.js';
import { createExperiment, type FinishedReplication } from '../../src/experiment/experiment.js';
import { experimentToHtml } from '../../src/experiment/report/html.js';
import { experimentToJson } from '../../src/experiment/report/json.js';
import { experimentToMarkdown } from '../../src/experiment/report/markdown.js';
import type { ExperimentInput } from '../../src/experiment/schema.js';
import { TINY_SCENARIO } from './fixtures.js';

const sweep: ExperimentInput = {
  scenario: TINY_SCENARIO,
  seed: 5,
  factors: { 'customs.capacityPerHour': [5, 20] },
  replications: 3,
  outputs: ['channels[9610-import].clearance.p90', 'totals.orders'],
};

describe('a real experiment', () => {
  it('estimates orders created, a Poisson count with mean 100 (100 a day, flat profile, one day), with an interval that covers it', async () => {
    const result = await createExperiment({ scenario: TINY_SCENARIO, seed: 9, replications: 12, outputs: ['totals.orders'] }).run();
    const e = result.points[0]!.estimates['totals.orders']!;
    expect(e.n).toBe(12);
    expect(e.lower!).toBeLessThan(100);
    expect(e.upper!).toBeGreaterThan(100);
    // sd of a Poisson(100) count is 10: the half-width is about t(0.975; 11) * 10 / sqrt(12) = 6.4
    expect(e.halfWidth!).toBeGreaterThan(3);
    expect(e.halfWidth!).toBeLessThan(12);
    expect(result.points[0]!.reconciled).toBe(12);
  });

  it('gives byte-identical reports on one worker thread and on two', async () => {
    const one = await createExperiment(sweep, { workers: 1 }).run();
    const two = await createExperiment(sweep, { workers: 2 }).run();
    expect(experimentToJson(two)).toBe(experimentToJson(one));
    expect(experimentToMarkdown(two)).toBe(experimentToMarkdown(one));
    expect(await experimentToHtml(two)).toBe(await experimentToHtml(one));
  });

  it('adds replications to each point until its interval is within the target, the same on one or two threads', async () => {
    const sequential: ExperimentInput = { ...sweep, replications: { initial: 2, step: 2, max: 8, relativeHalfWidth: 0.08, outputs: ['totals.orders'] } };
    const runs: number[] = [];
    const one = await createExperiment(sequential).run({ onProgress: (p) => runs.push(p.done) });
    const two = await createExperiment(sequential, { workers: 2 }).run();
    expect(experimentToJson(two)).toBe(experimentToJson(one));
    for (const p of one.points) {
      const e = p.estimates['totals.orders']!;
      expect(p.replications).toBeGreaterThan(2);
      if (p.targetMet) expect(e.relativeHalfWidth!).toBeLessThanOrEqual(0.08);
      else expect(p.replications).toBe(8);
    }
    expect(runs.length).toBe(one.points.reduce((n, p) => n + p.replications, 0));
  });

  it('merges units handed in any order into the result of the run, and resumes from units already done', async () => {
    const experiment = createExperiment(sweep);
    const kept: FinishedReplication[] = [];
    const result = await experiment.run({ onReplication: (r) => void kept.push(r) });
    expect(kept.map((r) => r.facts.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(JSON.parse(kept[0]!.report.json).scenario.seed).toBe(kept[0]!.facts.seed);
    const shuffled = [3, 0, 5, 1, 4, 2].map((i) => kept.find((r) => r.facts.index === i)!.facts);
    expect(experimentToJson(experiment.merge(shuffled))).toBe(experimentToJson(result));
    let ran = 0;
    const resumed = await createExperiment(sweep).run({ done: shuffled.slice(0, 4), onProgress: () => ran++ });
    expect(ran).toBe(2);
    expect(experimentToJson(resumed)).toBe(experimentToJson(result));
  });

  it('refuses to merge without every unit, naming those still needed, and units of another experiment', async () => {
    const experiment = createExperiment(sweep);
    const facts: FinishedReplication['facts'][] = [];
    await experiment.run({ onReplication: (r) => void facts.push(r.facts) });
    const some = facts.filter((f) => f.index !== 1 && f.index !== 4);
    expect(() => experiment.merge(some)).toThrow(ExperimentRunError);
    expect(() => experiment.merge(some)).toThrow(/needs 2 more units before its report: 1, 4/);
    expect(experiment.pending(some).map((u) => u.index)).toEqual([1, 4]);
    const other = createExperiment({ ...sweep, seed: 6 });
    expect(() => other.merge(facts)).toThrow(ExperimentError);
  });

  it('runs one unit by its index, and refuses an index the experiment does not have', async () => {
    const experiment = createExperiment(sweep);
    const unit = await experiment.runUnit(3);
    expect(unit.facts).toMatchObject({ index: 3, point: 1, replication: 1 });
    expect(unit.report.markdown).toMatch(/^# tiny 9610 day/);
    await expect(experiment.runUnit(6)).rejects.toThrow(ValidationError);
    await expect(experiment.runUnit(6)).rejects.toThrow(/index: must be a unit of this experiment, 0 to 5/);
  });

  it('stops when aborted, after handing on the replications already finished', async () => {
    const controller = new AbortController();
    const kept: number[] = [];
    const run = createExperiment(sweep).run({ signal: controller.signal, onReplication: (r) => void kept.push(r.facts.index), onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow(/aborted/);
    expect(kept).toEqual([0]);
  });

  it('refuses a number of workers that is not a whole number from 1', () => {
    expect(() => createExperiment(sweep, { workers: 0 })).toThrow(/workers: must be a whole number from 1/);
  });
});
