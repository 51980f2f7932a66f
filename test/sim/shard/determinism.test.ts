import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../../src/sim/report/render.js';
import { example, runLogged } from './fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sharded runs are deterministic', () => {
  it('gives, with one shard on one thread, the bytes an unsharded run gave (guangzhou-three-channels, 3000 orders, xstate runner)', async () => {
    const { report, log } = await runLogged(example, { orders: 3000, runner: 'xstate' });
    expect(sha256(reportToJson(report))).toBe('3ecd24daf785c6ad3bfbd62ab4f77190a794daad57d2d1574406078767eb3d13');
    expect(sha256(log)).toBe('be332d4acbc8026b9348d3eb158751491f09893a608f125944ab67dd33ad0b5b');
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
