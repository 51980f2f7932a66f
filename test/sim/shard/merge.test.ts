import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { buildReport } from '../../../src/sim/report/build.js';
import { RUNNERS } from '../../../src/sim/runner/registry.js';
import type { ShardFacts } from '../../../src/sim/shard/facts.js';
import { mergeShardFacts } from '../../../src/sim/shard/merge.js';
import { shardTask, type RunPlan } from '../../../src/sim/shard/plan.js';
import { runShard } from '../../../src/sim/shard/run-shard.js';
import { createSimulation } from '../../../src/sim/simulation.js';
import { smallScenario } from './fixtures.js';

const RUNS = 6;

/** Every shard of `plan`, simulated in the thread in the order `order` gives (as a worker would take them). */
async function shardsInOrder(plan: RunPlan, order: readonly number[]): Promise<ShardFacts[]> {
  const facts: ShardFacts[] = [];
  for (const shard of order) facts.push(await runShard(shardTask(plan, shard), RUNNERS.compiled));
  return facts;
}

const sum = (facts: readonly ShardFacts[], pick: (f: ShardFacts) => number) => facts.reduce((n, f) => n + pick(f), 0);

describe('merging shard facts', () => {
  test.prop([smallScenario, fc.integer({ min: 1, max: 4 })], { numRuns: RUNS })(
    'is independent of which worker ran which shard, and in what order',
    async ({ scenario, seed }, workers) => {
      const plan: RunPlan = { scenario, seed, shards: scenario.shards, maxOrders: undefined };
      const inOrder = await shardsInOrder(plan, [...Array(plan.shards).keys()]);
      // worker w takes shards w, w + W, ...: the thread sees them in that interleaved order
      const w = Math.min(workers, plan.shards);
      const assigned = [...Array(w).keys()].flatMap((worker) => [...Array(plan.shards).keys()].filter((k) => k % w === worker));
      const byWorkers = await shardsInOrder(plan, assigned);
      expect(mergeShardFacts(byWorkers)).toEqual(mergeShardFacts(inOrder));
    },
  );

  test.prop([smallScenario], { numRuns: RUNS })('adds the shards up: orders, events, per-channel counts and the report totals', async ({ scenario, seed }) => {
    const plan: RunPlan = { scenario, seed, shards: scenario.shards, maxOrders: undefined };
    const shards = await shardsInOrder(plan, [...Array(plan.shards).keys()]);
    const merged = mergeShardFacts(shards);
    expect(merged.created).toBe(sum(shards, (f) => f.created));
    expect(merged.events).toBe(sum(shards, (f) => f.events));
    expect(merged.customs.decisions).toBe(sum(shards, (f) => f.customs.decisions));
    for (const channel of merged.channels) {
      const own = shards.map((f) => f.channels.find((c) => c.channel === channel.channel)!);
      expect(channel.orders).toBe(own.reduce((n, c) => n + c.orders, 0));
      expect(channel.clearance.count).toBe(own.reduce((n, c) => n + c.clearance.count, 0));
    }
    const report = buildReport({ scenario, seed, runner: 'compiled', facts: merged });
    expect(report.totals.orders).toBe(sum(shards, (f) => f.created));
    expect(report.totals.terminal + report.totals.inFlight).toBe(report.totals.orders);
    expect(report.exportSummary.lists).toBe(sum(shards, (f) => f.summaries.reduce((n, s) => n + s.lists, 0)));
  });

  test.prop([smallScenario], { numRuns: RUNS })('reconciles every order across 1 to 4 shards', async ({ scenario, seed }) => {
    const report = await createSimulation(scenario, { seed }).run();
    expect(report.reconciliation.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.totals.orders).toBeGreaterThan(0);
  });
});
