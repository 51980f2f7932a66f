/**
 * The reference runner: one xstate actor per order. The truth every other runner is checked
 * against. An event the current state does not handle leaves xstate's snapshot untouched and
 * emits nothing, which is how a refusal is told apart without asking `can()` first.
 */
import { createActor } from 'xstate';
import { stateName } from '../../channels/drive.js';
import type { ChannelEffect } from '../../channels/effects.js';
import { CHANNELS } from '../../channels/registry.js';
import type { OrderInstance, OrderRunner } from './types.js';

/** The xstate-actor runner. */
export const xstateRunner: OrderRunner = {
  name: 'xstate',
  start(channel, order) {
    const actor = createActor(CHANNELS[channel].machine, { input: { order } }).start();
    let emitted: ChannelEffect[] = [];
    actor.on('*', (effect) => {
      emitted.push(effect);
    });
    // The state's name is computed only when asked for, and once per snapshot.
    let named = actor.getSnapshot();
    let name = stateName(named.value);
    const current = (): string => {
      const snapshot = actor.getSnapshot();
      if (snapshot !== named) {
        named = snapshot;
        name = stateName(snapshot.value);
      }
      return name;
    };
    return {
      get state() {
        return current();
      },
      get done() {
        return actor.getSnapshot().status === 'done';
      },
      can: (event) => actor.getSnapshot().status === 'active' && actor.getSnapshot().can(event),
      send(event) {
        const before = actor.getSnapshot();
        if (before.status !== 'active') return { accepted: false, state: current() };
        emitted = [];
        actor.send(event);
        const after = actor.getSnapshot();
        if (after === before && emitted.length === 0) return { accepted: false, state: current() };
        return { accepted: true, effects: emitted };
      },
    } satisfies OrderInstance;
  },
};
