import { describe, expect, it } from 'vitest';
import { progressDisplay, progressLine } from '../../src/cli/progress.js';
import { RUNNERS } from '../../src/sim/runner/registry.js';
import { loadScenario } from '../../src/sim/scenario/load.js';
import { combineProgress, PROGRESS_INTERVAL_MS, type RunProgress, type ShardProgress } from '../../src/sim/shard/progress.js';
import { runShard } from '../../src/sim/shard/run-shard.js';

const example = loadScenario(new URL('../../examples/scenarios/guangzhou-three-channels.json', import.meta.url).pathname);
const START = Date.parse('2019-11-04T00:00:00+08:00');
const shard = (p: Partial<ShardProgress>): ShardProgress => ({ now: START, events: 0, pending: 0, orders: 0, expectedOrders: 100, done: false, ...p });

describe('progress by work done', () => {
  it('a shard reports after every chunk of 2,000 events and once when done, its orders against the expected', async () => {
    const seen: ShardProgress[] = [];
    const facts = await runShard({ scenario: example, seed: 7, shard: 0, shards: 1, maxOrders: 600 }, RUNNERS.compiled, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBe(Math.floor(facts.events / 2_000) + 1);
    expect(seen.at(-1)).toMatchObject({ done: true, events: facts.events, orders: 600, expectedOrders: 600 });
    expect(seen.slice(0, -1).every((p) => !p.done)).toBe(true);
  });

  it('a run reports events against the expected total, at most every 100 ms, below 100% until it is done', () => {
    let clock = 0;
    const reports: RunProgress[] = [];
    const feed = combineProgress(2, START, (p) => reports.push(p), () => clock);
    feed(0, shard({ events: 950, orders: 40 }));
    clock += PROGRESS_INTERVAL_MS / 2;
    feed(0, shard({ events: 1_900, orders: 80 })); // too soon: not reported
    clock += PROGRESS_INTERVAL_MS;
    feed(1, shard({ events: 0, orders: 60, now: START + 3_600_000 }));
    feed(0, shard({ events: 5_000, done: true }));
    feed(1, shard({ events: 9_000, done: true }));
    expect(reports.map((p) => [p.events, p.expectedOrders, p.share, p.done])).toEqual([
      [950, 200, 950 / 3_800, false],
      [1_900, 200, 0.5, false],
      [14_000, 200, 1, true],
    ]);
    expect(reports[1]!.now).toBe(START);
  });

  it('stays below 100% while the work outruns the estimate', () => {
    const reports: RunProgress[] = [];
    combineProgress(1, START, (p) => reports.push(p), () => 0)(0, shard({ events: 10_000, expectedOrders: 10 }));
    expect(reports[0]!.share).toBe(0.99);
  });
});

describe('progress on the command line', () => {
  const p: RunProgress = { now: Date.parse('2019-11-11T06:05:00Z'), events: 234_567, pending: 10, orders: 12_345, expectedOrders: 27_000, expectedEvents: 513_000, share: 0.457, done: false };

  it('reads in Shanghai time with its offset', () => {
    expect(progressLine(p)).toBe('simulating: 45% | 12,345 of about 27,000 orders | 234,567 events | simulated time 2019-11-11 14:05 +08:00');
  });

  it('without a terminal, writes one line every 5 seconds, none for a run shorter than that', () => {
    let clock = 0;
    const lines: string[] = [];
    const display = progressDisplay({ line: (text) => lines.push(text), clock: () => clock });
    display.update(p);
    clock = 4_000;
    display.update(p);
    expect(lines).toEqual([]);
    clock = 5_001;
    display.update(p);
    clock = 6_000;
    display.update(p);
    clock = 10_002;
    display.update(p);
    display.update({ ...p, done: true });
    display.stop();
    expect(lines).toEqual([`${progressLine(p)}\n`, `${progressLine(p)}\n`]);
  });
});
