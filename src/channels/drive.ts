/**
 * A small reference driver: feeds events to one channel actor, collects the effects each event
 * produced, and reports an event the current state does not accept as a {@link TransitionError}
 * (with the state and the event) instead of letting xstate drop it silently.
 */
import { createActor } from 'xstate';
import type { SnapshotFrom, StateValue } from 'xstate';
import { TransitionError } from '../domain/errors.js';
import type { ChannelInput } from './context.js';
import type { ChannelEffect } from './effects.js';
import type { ChannelEvent } from './events.js';
import type { ChannelMachine } from './registry.js';
import type { StatusMeta } from './regions.js';

/** A snapshot of a channel machine. */
export type ChannelSnapshot = SnapshotFrom<ChannelMachine>;

/** One accepted event, the state it led to and what it emitted. */
export interface DriveStep {
  readonly event: ChannelEvent;
  /** The state after the event, as {@link stateName} writes it. */
  readonly state: string;
  readonly effects: readonly ChannelEffect[];
}

/**
 * A state value as text: dotted paths of the active leaves, parallel regions joined by `, `.
 *
 * @example
 * ```ts
 * stateName({ clearance: 'review' }); // 'clearance.review'
 * stateName({ declaration: { order: 'sent', list: 'notDeclared' } }); // 'declaration.order.sent, declaration.list.notDeclared'
 * ```
 */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  const leaves: string[] = [];
  collectLeaves(value, '', leaves);
  return leaves.join(', ');
}

/** Pushes the dotted path of every active leaf under `value`, each after `prefix`, in key order. */
function collectLeaves(value: StateValue, prefix: string, leaves: string[]): void {
  if (typeof value === 'string') {
    leaves.push(prefix + value);
    return;
  }
  const keys = Object.keys(value);
  // a region with no active child is named by its path alone
  if (keys.length === 0) leaves.push(prefix);
  for (const key of keys) {
    const child = value[key];
    if (child === undefined) leaves.push(prefix + key);
    else collectLeaves(child, `${prefix}${key}.`, leaves);
  }
}

/**
 * The receipt statuses the active states stand for (their `meta`), e.g. `[{ message: 'CEB622', status: 399 }]`.
 *
 * @example
 * ```ts
 * statusesOf(driver.snapshot).map((m) => `${m.message}:${m.status}`); // ['CEB622:399']
 * ```
 */
export function statusesOf(snapshot: ChannelSnapshot): StatusMeta[] {
  return Object.values(snapshot.getMeta() as Record<string, StatusMeta | undefined>).filter((m): m is StatusMeta => m !== undefined);
}

/** Drives one order through a channel machine, event by event. */
export interface ChannelDriver {
  /** The current snapshot. */
  readonly snapshot: ChannelSnapshot;
  /** Every accepted step so far. */
  readonly steps: readonly DriveStep[];
  /**
   * Sends `event` and returns what it emitted.
   *
   * @throws {@link TransitionError} when the current state does not accept the event (the actor is unchanged)
   */
  send(event: ChannelEvent): readonly ChannelEffect[];
  /**
   * Sends `event` when the current state accepts it and returns what it emitted; otherwise leaves
   * the actor unchanged and returns `undefined` (one check, where `snapshot.can` then `send` make two).
   */
  trySend(event: ChannelEvent): readonly ChannelEffect[] | undefined;
}

/**
 * Starts a driver for `machine` with `input`.
 *
 * @example
 * ```ts
 * const driver = createDriver(CHANNELS['9610-import'].machine, { order });
 * driver.send({ type: 'ORDER_FILED', at });   // [{ type: 'receipt', message: 'CEB312', status: 2, at }]
 * driver.send({ type: 'RELEASED', at });      // throws TransitionError: RELEASED is not accepted in state declaration...
 * ```
 */
export function createDriver(machine: ChannelMachine, input: ChannelInput): ChannelDriver {
  const actor = createActor(machine, { input }).start();
  const steps: DriveStep[] = [];
  let pending: ChannelEffect[] = [];
  actor.on('*', (effect) => {
    pending.push(effect);
  });
  const accept = (event: ChannelEvent): readonly ChannelEffect[] | undefined => {
    const before = actor.getSnapshot();
    if (before.status !== 'active' || !before.can(event)) return undefined;
    pending = [];
    actor.send(event);
    const effects = pending;
    steps.push({ event, state: stateName(actor.getSnapshot().value), effects });
    return effects;
  };
  return {
    get snapshot() {
      return actor.getSnapshot();
    },
    steps,
    send(event) {
      const effects = accept(event);
      if (effects !== undefined) return effects;
      const before = actor.getSnapshot();
      throw new TransitionError(stateName(before.value), event.type, before.status === 'done' ? 'the order has reached a final state' : undefined);
    },
    trySend: accept,
  };
}

/** What {@link drive} returns: accepted steps, refused events, and the last snapshot. */
export interface DriveReport {
  readonly steps: readonly DriveStep[];
  readonly refused: readonly TransitionError[];
  readonly snapshot: ChannelSnapshot;
}

/**
 * Feeds every event in order; events not accepted are reported in `refused` and skipped.
 *
 * @example
 * ```ts
 * const { steps, refused } = drive(machine, { order }, events);
 * refused.map((e) => `${e.event} in ${e.state}`);
 * ```
 */
export function drive(machine: ChannelMachine, input: ChannelInput, events: Iterable<ChannelEvent>): DriveReport {
  const driver = createDriver(machine, input);
  const refused: TransitionError[] = [];
  for (const event of events) {
    try {
      driver.send(event);
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      refused.push(error);
    }
  }
  return { steps: driver.steps, refused, snapshot: driver.snapshot };
}
