/**
 * The fast runner: each channel machine compiled once into a table ({@link compileMachine}) and
 * every order driven through it with the machine's own guards and actions. A property test holds
 * it to the xstate reference runner: same states, contexts and effects for the same events.
 */
import type { StateValue } from 'xstate';
import type { ChannelContext } from '../../channels/context.js';
import type { Order } from '../../domain/model.js';
import type { ChannelEffect } from '../../channels/effects.js';
import type { ChannelEvent } from '../../channels/events.js';
import { CHANNELS, type ChannelId } from '../../channels/registry.js';
import { compileMachine, select, type Candidate, type CompiledMachine, type CompiledState } from './compile.js';
import type { Context, MachineEvent } from './implementations.js';
import type { OrderInstance, OrderRunner, StepRefusal } from './types.js';

const tables = /* @__PURE__ */ new Map<ChannelId, CompiledMachine>();

/** The compiled table of `channel`, compiled on first use. */
export function compiledChannel(channel: ChannelId): CompiledMachine {
  let table = tables.get(channel);
  if (table === undefined) {
    table = compileMachine(CHANNELS[channel].machine);
    tables.set(channel, table);
  }
  return table;
}

/** One machine instance driven through a compiled table. */
export class CompiledInstance<TContext = Context, TEvent extends MachineEvent = MachineEvent, TEmitted = unknown> {
  #state: CompiledState;
  #context: Context;

  /** Starts `table` in its initial configuration with the context made from `input`. */
  constructor(table: CompiledMachine, input: unknown) {
    this.#state = table.states[0]!;
    this.#context = table.initialContext(input);
  }

  /** The state as {@link stateName} writes it. */
  get state(): string {
    return this.#state.name;
  }

  /** The state value, as xstate's snapshot reports it. */
  get value(): StateValue {
    return this.#state.value;
  }

  /** True once the machine reached a top-level final state. */
  get done(): boolean {
    return this.#state.done;
  }

  /** The machine's context now. */
  get context(): TContext {
    return this.#context as TContext;
  }

  /** True when the current state would accept `event` (guards run, actions do not). */
  can(event: TEvent): boolean {
    return this.#selected(event).length > 0;
  }

  /** Sends `event`: the transitions selected run their actions; what they emit is returned. */
  send(event: TEvent): { readonly accepted: true; readonly effects: TEmitted[] } | StepRefusal {
    const chosen = this.#selected(event);
    if (chosen.length === 0) return { accepted: false, state: this.#state.name };
    const step = chosen.length === 1 ? chosen[0]!.step : this.#state.combined(chosen.map((c) => c.transition));
    const effects: unknown[] = [];
    let context = this.#context;
    for (const action of step.actions) context = action(context, event, effects);
    this.#context = context;
    this.#state = step.next;
    return { accepted: true, effects: effects as TEmitted[] };
  }

  /** The transitions the current state selects for `event` (none when it refuses it). */
  #selected(event: TEvent): Candidate[] {
    const plan = this.#state.plan(event.type);
    return plan === undefined ? [] : select(plan, this.#context, event);
  }
}

/** A channel order driven through its compiled table. */
export type CompiledOrder = CompiledInstance<ChannelContext, ChannelEvent, ChannelEffect> & OrderInstance;

/** A runner whose orders also show their state value and context. */
export interface CompiledRunner extends OrderRunner {
  start(channel: ChannelId, order: Order): CompiledOrder;
}

/** The compiled runner: one table per channel, shared by every order. */
export const compiledRunner: CompiledRunner = {
  name: 'compiled',
  start: (channel, order) => new CompiledInstance<ChannelContext, ChannelEvent, ChannelEffect>(compiledChannel(channel), { order }),
};
