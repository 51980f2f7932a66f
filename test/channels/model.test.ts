import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import type { AnyStateNode } from 'xstate';
import { CHANNELS, CHANNEL_IDS } from '../../src/channels/registry.js';
import { serializeChannelState } from '../../src/channels/context.js';
import { createDriver, stateName } from '../../src/channels/drive.js';
import { FACTS, orderFor, probeEvents } from './fixtures.js';
import { checkInvariants, SideLedgers } from './invariants.js';

function leafPaths(node: AnyStateNode): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length === 0) return [node.path.join('.')];
  return children.flatMap(leafPaths);
}

describe.each(CHANNEL_IDS)('channel %s, model-based', (id) => {
  const channel = CHANNELS[id];
  const input = { order: orderFor(id) };
  const probes = probeEvents(channel);
  const paths = getShortestPaths(channel.machine, { input, events: probes, serializeState: serializeChannelState });

  it('reaches every state by some shortest path', () => {
    const reached = new Set(paths.flatMap((p) => stateName(p.state.value).split(', ')));
    expect([...leafPaths(channel.machine.root)].filter((leaf) => !reached.has(leaf))).toEqual([]);
  });

  it('keeps every invariant after every step of every path', () => {
    for (const path of paths) {
      const driver = createDriver(channel.machine, input);
      const ledgers = new SideLedgers(FACTS[id].bonded && FACTS[id].ie === 'I');
      for (const step of path.steps.slice(1)) {
        // the first step is xstate.init
        ledgers.apply(driver.send(step.event), step.event.type);
        checkInvariants(channel, driver.snapshot, ledgers, probes);
      }
      expect(stateName(driver.snapshot.value)).toBe(stateName(path.state.value));
    }
  });
});
