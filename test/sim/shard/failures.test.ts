import { describe, expect, it } from 'vitest';
import { ScenarioError, ValidationError } from '../../../src/domain/errors.js';
import { xstateRunner } from '../../../src/sim/runner/xstate.js';
import type { OrderRunner } from '../../../src/sim/runner/types.js';
import { scenarioJsonSchema } from '../../../src/sim/scenario/json-schema.js';
import { parseScenario } from '../../../src/sim/scenario/load.js';
import { ShardError } from '../../../src/sim/shard/errors.js';
import { createSimulation } from '../../../src/sim/simulation.js';
import type { Scenario } from '../../../src/sim/scenario/schema.js';
import { example } from './fixtures.js';

/**
 * A scenario built in code past the loader, whose only arrival stream sells nothing: the first
 * order it makes throws inside its shard. (The loader refuses it: see the last test.)
 */
const broken: Scenario = { ...example, arrivals: [{ ...example.arrivals[0]!, channel: '9710' }], catalogue: example.catalogue.filter((g) => g.channels && !g.channels.includes('9710')) };

function issuesOf(act: () => unknown): { path: string; reason: string }[] {
  try {
    act();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => ({ path: i.path.join('.'), reason: i.reason }));
  }
  throw new Error('expected a ValidationError');
}

describe('a failing shard', () => {
  it('gives a ShardError naming the shard when its worker thread throws', async () => {
    // one order in all: shard 0 (on worker 0) makes it and fails; shard 1 makes none
    const run = createSimulation(broken, { orders: 1, shards: 2, workers: 2 }).run();
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShardError);
    expect((error as ShardError).shard).toBe(0);
    expect((error as ShardError).code).toBe('SHARD');
    expect((error as Error).message).toMatch(/^Shard 0 of 2 failed on worker thread 0: ScenarioError: Invalid scenario .*catalogue: has no goods for channel 9710/s);
  });

  it('gives the same ShardError when the shard runs in this thread', async () => {
    const error: unknown = await createSimulation(broken, { orders: 3, shards: 2 })
      .run()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShardError);
    expect((error as ShardError).shard).toBe(0);
    expect((error as Error).message).toMatch(/^Shard 0 of 2 failed: ScenarioError: Invalid scenario .*catalogue: has no goods for channel 9710.*\. The same scenario, seed and number of shards reproduce it\.$/s);
  });
});

describe('a failing run of one shard', () => {
  it('throws what the simulation threw, unwrapped', async () => {
    const error: unknown = await createSimulation(broken, { orders: 3 })
      .run()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).issues).toMatchObject([{ path: ['catalogue'], value: '9710' }]);
  });
});

describe('a sharded run stopped early', () => {
  it('still reports, and reconciles, what its worker threads simulated', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await createSimulation(example, { orders: 500, shards: 2, workers: 2 }).run({ signal: controller.signal });
    expect(report.totals.orders).toBe(0);
    expect(report.reconciliation.ok).toBe(true);
  });
});

describe('shard and worker options', () => {
  it.each([0, 65, 1.5])('refuses %s shards, naming the field', (shards) => {
    expect(issuesOf(() => createSimulation(example, { shards }))).toEqual([{ path: 'shards', reason: 'must be a whole number from 1 to 64.' }]);
  });

  it('refuses more shards than buyers, or than the reorder quantity', () => {
    const few = parseScenario({ ...JSON.parse(JSON.stringify(example)), buyers: { population: 3 } });
    expect(issuesOf(() => createSimulation(few, { shards: 4 }))[0]?.reason).toMatch(/^must not exceed buyers\.population \(3\)/);
    const small = parseScenario({ ...JSON.parse(JSON.stringify(example)), bonded: { reorderQuantity: 2 } });
    expect(issuesOf(() => createSimulation(small, { shards: 3 }))[0]?.reason).toMatch(/^must not exceed bonded\.reorderQuantity \(2\)/);
  });

  it('refuses a bad shards field in a scenario file with a ScenarioError naming it', () => {
    for (const shards of [0, 2.5, 100]) {
      expect(() => parseScenario({ ...JSON.parse(JSON.stringify(example)), shards })).toThrow(ScenarioError);
    }
    try {
      parseScenario({ ...JSON.parse(JSON.stringify(example)), shards: 4, buyers: { population: 2 } });
    } catch (e) {
      expect((e as ScenarioError).issues.map((i) => i.path.join('.'))).toEqual(['shards']);
    }
    expect(parseScenario(JSON.parse(JSON.stringify(example))).shards).toBe(1);
    expect((scenarioJsonSchema()['properties'] as Record<string, unknown>)['shards']).toMatchObject({ type: 'integer', minimum: 1, maximum: 64, default: 1 });
  });

  it.each([0, 3, 1.5])('refuses %s workers for 2 shards, naming the field', (workers) => {
    expect(issuesOf(() => createSimulation(example, { shards: 2, workers }))).toEqual([{ path: 'workers', reason: 'must be a whole number from 1 to the number of shards (2).' }]);
  });

  it('refuses a runner object that is not a registered runner on worker threads, but takes it on one', () => {
    const own: OrderRunner = { name: 'own', start: (channel, order) => xstateRunner.start(channel, order) };
    expect(issuesOf(() => createSimulation(example, { shards: 2, workers: 2, runner: own }))[0]?.path).toBe('runner');
    expect(createSimulation(example, { shards: 2, workers: 1, runner: own }).shards).toBe(2);
    expect(createSimulation(example, { shards: 2, workers: 2, runner: xstateRunner }).shards).toBe(2);
    expect(issuesOf(() => createSimulation(example, { runner: 'fast' as 'compiled' }))[0]?.path).toBe('runner');
  });
});
