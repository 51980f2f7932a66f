import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { ChannelEvent } from '../../../src/channels/events.js';
import { createPopulation } from '../../../src/sim/parties/population.js';
import { createRng } from '../../../src/sim/rng.js';
import { xstateRunner } from '../../../src/sim/runner/xstate.js';
import type { OrderRunner } from '../../../src/sim/runner/types.js';
import { shardScenario, shardsOfWorker, shardSerial, shareOf } from '../../../src/sim/shard/plan.js';
import { createSimulation } from '../../../src/sim/simulation.js';
import { example } from './fixtures.js';

describe('the shard plan', () => {
  test.prop([fc.nat({ max: 100_000 }), fc.integer({ min: 1, max: 64 })])('splits a whole number into shares that add up and differ by at most one', (total, shards) => {
    const shares = [...Array(shards).keys()].map((k) => shareOf(total, k, shards));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  test.prop([fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 })])('runs every shard on exactly one worker, shard k on worker k mod W', (shards, w) => {
    const workers = Math.min(w, shards);
    const all = [...Array(workers).keys()].flatMap((worker) => shardsOfWorker(worker, workers, shards).map((k) => [k, worker] as const));
    expect(all.map(([k]) => k).sort((a, b) => a - b)).toEqual([...Array(shards).keys()]);
    expect(all.every(([k, worker]) => k % workers === worker)).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 8 })])('gives each buyer to exactly one shard, the same person in the slice as in the whole', (size, shards) => {
    const rng = createRng(5).stream('buyers');
    const whole = createPopulation(size, rng);
    const seen: string[] = [];
    for (let k = 0; k < shards; k++) {
      const slice = createPopulation(size, rng, { shard: k, shards });
      for (let i = 0; i < slice.size; i++) {
        const member = slice.member(i);
        expect(member.buyer).toEqual(whole.member(i * shards + k).buyer);
        seen.push(member.buyer.regNo);
      }
    }
    expect(seen.sort()).toEqual([...Array(size).keys()].map((i) => whole.member(i).buyer.regNo).sort());
  });

  it('gives each shard 1/S of the arrivals and of the customs capacity, and its share of the bonded stock', () => {
    const s = shardScenario(example, 1, 3);
    expect(s.arrivals.map((a) => a.ordersPerDay)).toEqual(example.arrivals.map((a) => a.ordersPerDay / 3));
    expect(s.customs.capacityPerHour).toBe(example.customs.capacityPerHour / 3);
    expect([0, 1, 2].map((k) => shardScenario(example, k, 3).bonded.initialStock).reduce((a, b) => a + b, 0)).toBe(example.bonded.initialStock);
    expect(shardScenario(example, 0, 1)).toBe(example);
  });

  it('numbers orders and inventory lists in interleaved ranges, one per shard', () => {
    expect([1, 2, 3].map((n) => shardSerial(n, 1, 4))).toEqual([2, 6, 10]);
    expect([1, 2, 3].map((n) => shardSerial(n, 0, 1))).toEqual([1, 2, 3]);
  });

  it('keeps inventory-list numbers unique across the shards of a run', async () => {
    const invtNos: string[] = [];
    const recording: OrderRunner = {
      name: 'recording',
      start(channel, order) {
        const instance = xstateRunner.start(channel, order);
        return {
          get state() {
            return instance.state;
          },
          get done() {
            return instance.done;
          },
          can: (event: ChannelEvent) => instance.can(event),
          send(event: ChannelEvent) {
            const outcome = instance.send(event);
            if (outcome.accepted && event.type === 'CUSTOMS_ACCEPTED') invtNos.push(event.invtNo);
            return outcome;
          },
        };
      },
    };
    const report = await createSimulation(example, { orders: 300, shards: 3, runner: recording }).run();
    expect(invtNos.length).toBeGreaterThan(200);
    expect(new Set(invtNos).size).toBe(invtNos.length);
    expect(report.runner).toBe('recording');
  });
});
