import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '../../src/channels/registry.js';
import { findTheBug } from '../../examples/testing/find-the-bug.js';

describe('the model-based commands against the example order service', () => {
  it('find the cancel-after-the-goods-left bug in under 10 s, shrunk to a short readable sequence', () => {
    const started = performance.now();
    const found = findTheBug({ bug: 'cancel-after-left-site' });
    const seconds = (performance.now() - started) / 1000;
    console.log(`counterexample: ${found.commands.join(' -> ')}\n${found.error}\nreplay: ${found.replay}\n(${seconds.toFixed(2)} s)`);
    expect(found.failed).toBe(true);
    expect(seconds).toBeLessThan(10);
    expect(found.commands.length).toBeLessThanOrEqual(8);
    expect(found.commands.at(-1)).toBe('leave-site');
    expect(found.error).toContain('customs would refuse a cancellation now, the system would grant one');
    expect(found.replay).toMatch(/seed: -?\d+, path: "[\d:]+"/);
  });

  it('replays the shrunk counterexample at once from the printed seed, path and replayPath', () => {
    const first = findTheBug({ bug: 'cancel-after-left-site', seed: 42 });
    expect(first.replayOptions).toBeDefined();
    const again = findTheBug({ bug: 'cancel-after-left-site', ...first.replayOptions });
    expect(again.failed).toBe(true);
    expect(again.numRuns).toBe(1);
    expect(again.commands).toEqual(first.commands);
  });

  it.each(CHANNEL_IDS)('find nothing wrong with the correct service in channel %s', (channel) => {
    const found = findTheBug({ channel, numRuns: 100, seed: 7 });
    expect(found.error).toBe('');
    expect(found.failed).toBe(false);
  });
});
