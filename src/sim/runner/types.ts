/**
 * How the simulator drives one order's channel machine. The reference runner uses xstate actors;
 * a faster runner may implement the same interface from the same machine definitions.
 */
import type { ChannelEffect } from '../../channels/effects.js';
import type { ChannelEvent } from '../../channels/events.js';
import type { ChannelId } from '../../channels/registry.js';
import type { Order } from '../../domain/model.js';

/** What one accepted event did. */
export interface StepOutcome {
  readonly accepted: true;
  /** What the transition emitted: receipts and ledger movements, in order. */
  readonly effects: readonly ChannelEffect[];
}

/** An event the order's current state does not accept. */
export interface StepRefusal {
  readonly accepted: false;
  readonly state: string;
}

/** One order's machine. */
export interface OrderInstance {
  /** The current state as text (dotted leaves, parallel regions joined by `, `). */
  readonly state: string;
  /** True once the machine reached a final state. */
  readonly done: boolean;
  /** True when the current state would accept `event` (without sending it). */
  can(event: ChannelEvent): boolean;
  /** Sends `event`; never throws for an event the state refuses: it returns a refusal. */
  send(event: ChannelEvent): StepOutcome | StepRefusal;
}

/** Starts orders' machines. */
export interface OrderRunner {
  /** Name shown in reports (`xstate`, `compiled`). */
  readonly name: string;
  /** Starts the machine of `channel` for `order`. */
  start(channel: ChannelId, order: Order): OrderInstance;
}
