import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TransitionLog, TransitionRecord } from '../../../src/sim/log.js';
import { reportToJson } from '../../../src/sim/report/render.js';
import { createSimulation } from '../../../src/sim/simulation.js';
import { loadScenario } from '../../../src/sim/scenario/load.js';
import { example, runLogged } from './fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sharded runs are deterministic', () => {
  it('gives the same report and log bytes on the lean, compiled and xstate runners (guangzhou-three-channels, 1500 orders)', async () => {
    const lean = await runLogged(example, { orders: 1500 });
    expect(lean.report.runner).toBe('lean');
    for (const runner of ['compiled', 'xstate'] as const) {
      const other = await runLogged(example, { orders: 1500, runner });
      expect(other.report.runner).toBe(runner);
      expect(reportToJson({ ...other.report, runner: 'lean' })).toBe(reportToJson(lean.report));
      expect(other.log).toBe(lean.log);
    }
  });

  it('gives the bytes it gave when they were stored (guangzhou-three-channels, 3000 orders): a change is a change to the model or its draws', async () => {
    const { report, log } = await runLogged(example, { orders: 3000 });
    expect(sha256(reportToJson(report))).toBe('df8737ff25641c7ccea6de55a920f8b7bd9cac0402b3baf65220d4ddf58891f3');
    expect(sha256(log)).toBe('5298b8a83cb68e0bba3cc5c6a4f448a33a5af58d572831b80be2ae4a1e670566');
  });

  it('gives the same report and log bytes with 1 and 2 worker threads for 4 shards', async () => {
    const one = await runLogged(example, { orders: 800, shards: 4, workers: 1 });
    const two = await runLogged(example, { orders: 800, shards: 4, workers: 2 });
    expect(reportToJson(two.report)).toBe(reportToJson(one.report));
    expect(two.log).toBe(one.log);
    expect(one.report.scenario.shards).toBe(4);
    expect(one.report.totals.orders).toBe(800);
    expect(one.report.reconciliation.ok).toBe(true);
  });

  it('groups the log by shard, in shard order, with order numbers unique across shards', async () => {
    const { log } = await runLogged(example, { orders: 400, shards: 2 });
    const records = log
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { orderNo: string });
    const serialOf = (orderNo: string) => Number(orderNo.slice(-10));
    const shardOf = (orderNo: string) => (serialOf(orderNo) - 1) % 2;
    const firstOfShard1 = records.findIndex((r) => shardOf(r.orderNo) === 1);
    expect(firstOfShard1).toBeGreaterThan(0);
    expect(records.slice(0, firstOfShard1).every((r) => shardOf(r.orderNo) === 0)).toBe(true);
    expect(records.slice(firstOfShard1).every((r) => shardOf(r.orderNo) === 1)).toBe(true);
    expect(new Set(records.map((r) => r.orderNo)).size).toBe(400);
  });
});

describe('the transition log', () => {
  it('writes as bytes exactly the NDJSON of its records, line for line (guangzhou-three-channels, 600 orders)', async () => {
    const records: TransitionRecord[] = [];
    const recordOnly: TransitionLog = { write: (record) => void records.push(record), congested: false, drained: () => Promise.resolve(), close: () => Promise.resolve() };
    await createSimulation(example, { orders: 600 }).run({ log: recordOnly });
    const { log } = await runLogged(example, { orders: 600 });
    expect(records.length).toBeGreaterThan(600 * 10);
    expect(log).toBe(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  });
});

describe('the lean runner on every example scenario', () => {
  const dir = new URL('../../../examples/scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it.each(files)('gives the compiled runner\'s report and log bytes on %s (600 orders): its fen taxes and rates are the reference\'s', async (file) => {
    const scenario = loadScenario(new URL(file, dir).pathname);
    const lean = await runLogged(scenario, { orders: 600 });
    const compiled = await runLogged(scenario, { orders: 600, runner: 'compiled' });
    expect(reportToJson({ ...compiled.report, runner: 'lean' })).toBe(reportToJson(lean.report));
    expect(compiled.log).toBe(lean.log);
    expect(lean.report.reconciliation.ok).toBe(true);
  });

  it("gives the compiled runner's report and log bytes with a positive list half the catalogue is off (guangzhou-three-channels, 600 orders)", async () => {
    const lines = [...new Set(example.catalogue.map((g) => g.hsCode.slice(0, 8)))].filter((_, i) => i % 2 === 0);
    const scenario = { ...example, positiveList: { version: '2019-01-01', lines } };
    const lean = await runLogged(scenario, { orders: 600 });
    const compiled = await runLogged(scenario, { orders: 600, runner: 'compiled' });
    expect(reportToJson({ ...compiled.report, runner: 'lean' })).toBe(reportToJson(lean.report));
    expect(compiled.log).toBe(lean.log);
    expect(lean.report.channels.some((c) => (c.rejections['not-on-positive-list'] ?? 0) > 0)).toBe(true);
  });
});
