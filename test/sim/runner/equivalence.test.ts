/**
 * The compiled and lean runners against the reference: the same random event sequences driven
 * through an xstate actor and through each runner give, after every event, the same acceptance,
 * state value, context, emitted effects (tax assessments included) and completion, on every channel.
 */
import { fc } from '@fast-check/vitest';
import { isDeepStrictEqual } from 'node:util';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { ChannelEffect } from '../../../src/channels/effects.js';
import type { ChannelEvent } from '../../../src/channels/events.js';
import { CHANNEL_IDS, CHANNELS, type ChannelId } from '../../../src/channels/registry.js';
import { MS } from '../../../src/sim/clock.js';
import { compiledChannel, compiledRunner } from '../../../src/sim/runner/compiled.js';
import { leanRunner } from '../../../src/sim/runner/lean/instance.js';
import { channelDocuments } from '../../../src/testing/documents.js';
import { flawsFor } from '../../../src/testing/flaws.js';
import { channelEventsAt } from '../../../src/testing/probe-events.js';

/** At least 1,000 runs per channel, whatever the global default. */
const RUNS = Math.max(1000, Number(process.env['FC_NUM_RUNS'] ?? 0));
const GAPS = [MS.minute, MS.hour, MS.day, 10 * MS.day, 40 * MS.day] as const;

/** How a step picks its event: an accepted one that does not end the order, any accepted one, or any at all. */
type Mode = 'forward' | 'open' | 'any';
/** Events that usually stop an order; `forward` steps avoid them so walks reach the late states. */
const STOPPING: ReadonlySet<string> = new Set(['CANCEL_REQUESTED', 'REJECTED', 'STOCK_SHORTAGE', 'QUOTA_REFUSED', 'TIMEOUT', 'SEND_FAILED']);

/**
 * An order's documents (consistent, or with one planted flaw) and up to 60 steps; each step picks
 * an event of the channel's vocabulary and how far the clock moves. Most steps pick an event the
 * runner under test says is accepted (preferring ones that move the order on), so walks get deep;
 * the rest pick any event, mostly refused, which both runners must refuse alike.
 */
function walk(id: ChannelId) {
  const flawed = flawsFor(id).map((flaw) => ({ weight: 1, arbitrary: channelDocuments(id, { flaw }) }));
  const docs = fc.oneof({ weight: 3 * flawed.length, arbitrary: channelDocuments(id) }, ...flawed);
  const step = fc.record({ pick: fc.nat(), gap: fc.nat({ max: GAPS.length - 1 }), mode: fc.constantFrom<Mode>('forward', 'forward', 'forward', 'forward', 'forward', 'forward', 'open', 'open', 'any') });
  return fc.tuple(docs, fc.array(step, { maxLength: 60, size: 'max' }));
}

const RUNNERS = { compiled: compiledRunner, lean: leanRunner } as const;
const CASES = (Object.keys(RUNNERS) as (keyof typeof RUNNERS)[]).flatMap((runner) => CHANNEL_IDS.map((id) => [runner, id] as const));

describe.each(CASES)('the %s runner equals the xstate reference on %s', (runnerName, id) => {
  it(`agrees after every event (${RUNS} runs)`, () => {
    const visited = new Set<string>();
    fc.assert(
      fc.property(walk(id), ([docs, steps]) => {
        const actor = createActor(CHANNELS[id].machine, { input: { order: docs.order } }).start();
        let emitted: ChannelEffect[] = [];
        actor.on('*', (effect) => {
          emitted.push(effect);
        });
        const runner = RUNNERS[runnerName].start(id, docs.order);
        same(runner.value, actor.getSnapshot().value);
        same(runner.context, actor.getSnapshot().context);
        let at = docs.order.placedAt;
        for (const { pick, gap, mode } of steps) {
          at += GAPS[gap]!;
          const vocabulary = channelEventsAt(docs, at);
          const open = mode === 'any' ? [] : vocabulary.filter((event) => runner.can(event));
          const forward = mode === 'forward' ? open.filter((event) => !STOPPING.has(event.type)) : [];
          const pool = [forward, open, vocabulary].find((events) => events.length > 0)!;
          const event = pickByType(pool, pick);
          const before = actor.getSnapshot();
          const reference = before.status === 'active' && before.can(event);
          same(runner.can(event), reference, () => `can ${event.type} in ${runner.state}`);
          emitted = [];
          if (before.status === 'active') actor.send(event);
          const outcome = runner.send(event);
          const after = actor.getSnapshot();
          same(outcome.accepted, reference, () => `${event.type} in ${JSON.stringify(before.value)}`);
          same(outcome.accepted ? outcome.effects : [], emitted);
          same(runner.value, after.value);
          same(runner.context, after.context);
          same(runner.done, after.status === 'done');
          visited.add(runner.state);
        }
      }),
      { numRuns: RUNS },
    );
    // The walks reach every state after the declaration (every final state among them), so the
    // late and unhappy paths are compared too, not only the many orders of the declaration regions.
    const missed = compiledChannel(id).explore().filter((state) => !state.name.startsWith('declaration') && !visited.has(state.name));
    expect(missed.map((state) => state.name)).toEqual([]);
  });
});

/** Picks an event type uniformly (so DETAINED's four codes count once), then one event of that type. */
function pickByType(pool: readonly ChannelEvent[], pick: number): ChannelEvent {
  const types = [...new Set(pool.map((event) => event.type))];
  const type = types[pick % types.length];
  const ofType = pool.filter((event) => event.type === type);
  return ofType[Math.floor(pick / types.length) % ofType.length]!;
}

/** Deep equality, checked natively; vitest's assertion (and its diff) only when they differ. */
function same(actual: unknown, expected: unknown, what?: () => string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what?.()).toEqual(expected);
}
