/**
 * A channel machine compiled for the lean runner: the table of `compileMachine` (configurations,
 * selection plans, steps: all from the machine's own definition), with each named guard and
 * action bound to its lean implementation, and the plans looked up by event code. Sending an event
 * to an order is then an array lookup, a few guard calls over its row and its actions.
 */
import type { AnyStateMachine } from 'xstate';
import { CHANNELS, type ChannelId } from '../../../channels/registry.js';
import { compileMachine, selectWith, type Binder, type CompiledMachine, type CompiledStep, type SelectionPlan } from '../compile.js';
import { CompileError } from '../implementations.js';
import { LEAN_ACTIONS, type LeanAction } from './actions.js';
import { EVENT_TYPES } from './codes.js';
import type { LeanCursor, LeanEvent } from './context.js';
import { LEAN_GUARDS, type LeanGuard } from './guards.js';

type Reference = string | { readonly type: string; readonly params?: unknown } | ((...args: never[]) => unknown);

/** The channel machines' own implementations, by name: a lean implementation stands in only for these. */
const CHANNEL_IMPLEMENTATIONS = CHANNELS['9610-import'].machine.implementations;

/**
 * Binds `reference` to the lean implementation of the same name, made from the same parameters.
 * The name must be one of the channel setup's own (the very implementation the machine uses), so
 * a lean implementation never stands in for a different guard or action that shares its name.
 */
function bindLean<T>(machine: AnyStateMachine, reference: Reference, state: string, kind: 'guard' | 'action', makers: Readonly<Record<string, (params: never) => T>>): T {
  if (typeof reference === 'function') throw new CompileError(state, `${kind} (inline function)`);
  const name = typeof reference === 'string' ? reference : reference.type;
  const params = typeof reference === 'string' ? undefined : reference.params;
  const table = kind === 'guard' ? 'guards' : 'actions';
  const own = (machine.implementations[table] as Record<string, unknown>)[name];
  const maker = Object.hasOwn(makers, name) ? makers[name] : undefined;
  if (maker === undefined || own === undefined || own !== (CHANNEL_IMPLEMENTATIONS[table] as Record<string, unknown>)[name]) {
    throw new CompileError(state, `${kind} '${name}' (no lean implementation: the lean runner knows the channel setup's own ${table} only)`);
  }
  if (typeof params === 'function') throw new CompileError(state, `${kind} '${name}' (parameters computed from the context)`);
  return maker(params as never);
}

/** Binds a channel machine's named guards and actions to their lean implementations. */
export const LEAN_BINDER: Binder<LeanGuard, LeanAction> = {
  guard: (machine, reference, state) => bindLean(machine, reference as Reference, state, 'guard', LEAN_GUARDS),
  action: (machine, reference, state) => bindLean(machine, reference as Reference, state, 'action', LEAN_ACTIONS),
};

type Plan = SelectionPlan<LeanGuard, LeanAction>;
type Step = CompiledStep<LeanGuard, LeanAction>;

/** A channel's table with plans by configuration and event code. */
export class LeanTable {
  readonly compiled: CompiledMachine<LeanGuard, LeanAction>;
  /** Plans by configuration, then event code: undefined not yet looked up, null none. */
  readonly #plans: (Plan | null | undefined)[][] = [];

  constructor(machine: AnyStateMachine) {
    this.compiled = compileMachine(machine, LEAN_BINDER);
  }

  /** The plan of event `code` in configuration `config`, or null when nothing there handles it. */
  plan(config: number, code: number): Plan | null {
    let row = this.#plans[config];
    if (row === undefined) {
      row = new Array<Plan | null | undefined>(EVENT_TYPES.length).fill(undefined);
      this.#plans[config] = row;
    }
    let plan = row[code];
    if (plan === undefined) {
      plan = this.compiled.states[config]!.plan(EVENT_TYPES[code]!) ?? null;
      row[code] = plan;
    }
    return plan;
  }

  /**
   * The step `event` takes the cursor's order on, guards asked over its row; undefined when its
   * configuration refuses the event.
   */
  select(o: LeanCursor, event: LeanEvent): Step | undefined {
    const config = o.columns.config[o.slot]!;
    const plan = this.plan(config, event.code);
    if (plan === null) return undefined;
    if (plan.kind === 'first') {
      for (const candidate of plan.candidates) if (candidate.guard === undefined || candidate.guard(o, event)) return candidate.step;
      return undefined;
    }
    const chosen = selectWith(plan, (guard) => guard(o, event));
    if (chosen.length === 0) return undefined;
    return chosen.length === 1 ? chosen[0]!.step : this.compiled.states[config]!.combined(chosen.map((c) => c.transition));
  }

  /** Sends `event` to the cursor's order: runs the step's actions and moves it on; false when refused. */
  send(o: LeanCursor, event: LeanEvent): boolean {
    const step = this.select(o, event);
    if (step === undefined) return false;
    const actions = step.actions;
    for (let i = 0; i < actions.length; i++) actions[i]!(o, event);
    o.columns.config[o.slot] = step.next.index;
    return true;
  }

  /** The name of configuration `config` (as `stateName` writes it). */
  nameOf(config: number): string {
    return this.compiled.states[config]!.name;
  }

  /** True when configuration `config` is final for the machine. */
  isDone(config: number): boolean {
    return this.compiled.states[config]!.done;
  }
}

const tables = new Map<ChannelId, LeanTable>();

/** The lean table of `channel`, compiled on first use. */
export function leanTable(channel: ChannelId): LeanTable {
  let table = tables.get(channel);
  if (table === undefined) {
    table = new LeanTable(CHANNELS[channel].machine);
    tables.set(channel, table);
  }
  return table;
}
