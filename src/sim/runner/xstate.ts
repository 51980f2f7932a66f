/**
 * The reference runner: one xstate actor per order, through the channels' own driver. The truth
 * every other runner is checked against.
 */
import { createDriver, stateName } from '../../channels/drive.js';
import { CHANNELS } from '../../channels/registry.js';
import { TransitionError } from '../../domain/errors.js';
import type { OrderInstance, OrderRunner } from './types.js';

/** The xstate-actor runner. */
export const xstateRunner: OrderRunner = {
  name: 'xstate',
  start(channel, order) {
    const driver = createDriver(CHANNELS[channel].machine, { order });
    const instance: OrderInstance = {
      get state() {
        return stateName(driver.snapshot.value);
      },
      get done() {
        return driver.snapshot.status === 'done';
      },
      can: (event) => driver.snapshot.status === 'active' && driver.snapshot.can(event),
      send(event) {
        const from = instance.state;
        try {
          const effects = driver.send(event);
          return { accepted: true, from, to: instance.state, effects };
        } catch (error) {
          if (error instanceof TransitionError) return { accepted: false, state: from };
          throw error;
        }
      },
    };
    return instance;
  },
};
