/**
 * A channel machine compiled for the lean runner: the table of `compileMachine` (configurations,
 * selection plans, steps: all from the machine's own definition), with each named guard and
 * action bound to its lean implementation, and the plans looked up by event code. Sending an event
 * to an order is then an array lookup, a few guard calls over its row and its actions.
 */
import type { AnyStateMachine, AnyTransitionDefinition } from 'xstate';
import { CHANNELS, type ChannelId } from '../../../channels/registry.js';
import { compileMachine, selectWith, type Binder, type Candidate, type CompiledMachine, type CompiledStep, type SelectionPlan } from '../compile.js';
import { CompileError } from '../implementations.js';
import { LEAN_ACTIONS, type LeanAction } from './actions.js';
import { EVENT_TYPES } from './codes.js';
import type { LeanCursor, LeanEvent } from './context.js';
import { LEAN_GUARDS, type LeanGuard } from './guards.js';

type Reference = string | { readonly type: string; readonly params?: unknown } | ((...args: never[]) => unknown);

/** The channel machines' own implementations, by name: a lean implementation stands in only for these. */
const CHANNEL_IMPLEMENTATIONS = /* @__PURE__ */ (() => CHANNELS['9610-import'].machine.implementations)();

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

/** A step in the form the lean runner runs it: the actions, then the configuration it leads to. */
class LeanStep {
  constructor(
    readonly next: number,
    readonly actions: readonly LeanAction[],
  ) {}
}

/**
 * A selection plan in one shape whatever it selects: a `first` plan (one region, or none, handles
 * the event) as its candidates' guards, steps and transitions side by side; an `all` plan
 * (parallel regions each selecting) as its parts, each a `first` plan, and what it falls back to.
 * A plan whose parts are themselves parallel keeps the compiled plan (`nested`).
 */
class LeanPlan {
  constructor(
    /** Guards of the candidates (null: none). */
    readonly guards: readonly (LeanGuard | null)[],
    /** Steps of the candidates. */
    readonly steps: readonly LeanStep[],
    readonly transitions: readonly AnyTransitionDefinition[],
    /** The parts of an `all` plan, and its fallback (as a `first` plan). */
    readonly parts: readonly LeanPlan[] | undefined,
    readonly nested: Plan | undefined,
  ) {}

  static of(plan: Plan): LeanPlan {
    if (plan.kind === 'first') return LeanPlan.#first(plan.candidates);
    if (plan.parts.some((part) => part.kind === 'all')) return new LeanPlan([], [], [], undefined, plan);
    const parts = plan.parts.map((part) => LeanPlan.#first(part.kind === 'first' ? part.candidates : []));
    const otherwise = LeanPlan.#first(plan.otherwise);
    return new LeanPlan(otherwise.guards, otherwise.steps, otherwise.transitions, parts, undefined);
  }

  static #first(candidates: readonly Candidate<LeanGuard, LeanAction>[]): LeanPlan {
    return new LeanPlan(
      candidates.map((c) => c.guard ?? null),
      candidates.map((c) => leanStep(c.step)),
      candidates.map((c) => c.transition),
      undefined,
      undefined,
    );
  }

  /** The index of the first candidate enabled for the cursor's order, or -1. */
  firstEnabled(o: LeanCursor, event: LeanEvent): number {
    const guards = this.guards;
    for (let i = 0; i < guards.length; i++) {
      const guard = guards[i]!;
      if (guard === null || guard(o, event)) return i;
    }
    return -1;
  }
}

/** Nothing in the configuration handles the event. */
const NO_PLAN = /* @__PURE__ */ new LeanPlan([], [], [], undefined, undefined);

const steps = /* @__PURE__ */ new WeakMap<Step, LeanStep>();

function leanStep(step: Step): LeanStep {
  let lean = steps.get(step);
  if (lean === undefined) {
    lean = new LeanStep(step.next.index, step.actions);
    steps.set(step, lean);
  }
  return lean;
}

/** A channel's table with plans by configuration and event code. */
export class LeanTable {
  readonly compiled: CompiledMachine<LeanGuard, LeanAction>;
  /** Plans at `config * EVENT_TYPES.length + code`; undefined until first looked up. */
  #plans: (LeanPlan | undefined)[] = [];
  /** Whether each configuration reached so far is final. */
  readonly #done: boolean[] = [];
  /** The transition the first region selected, while later regions are asked. */
  #first: AnyTransitionDefinition | undefined;

  constructor(machine: AnyStateMachine) {
    this.compiled = compileMachine(machine, LEAN_BINDER);
  }

  /** The plan of event `code` in configuration `config` (`NO_PLAN` when nothing there handles it). */
  #plan(config: number, code: number): LeanPlan {
    const at = config * EVENT_TYPES.length + code;
    const known = this.#plans[at];
    if (known !== undefined) return known;
    const plan = this.compiled.states[config]!.plan(EVENT_TYPES[code]!);
    const lean = plan === undefined ? NO_PLAN : LeanPlan.of(plan);
    while (this.#plans.length <= at) this.#plans.push(undefined);
    this.#plans[at] = lean;
    return lean;
  }

  /**
   * The step `event` takes the cursor's order on, guards asked over its row; undefined when its
   * configuration refuses the event.
   */
  select(o: LeanCursor, event: LeanEvent): LeanStep | undefined {
    const config = o.rows.config(o.slot);
    const plan = this.#plan(config, event.code);
    if (plan.parts !== undefined) return this.#selectRegions(config, plan.parts, plan, o, event);
    if (plan.nested !== undefined) {
      const chosen = selectWith(plan.nested, (guard) => guard(o, event));
      if (chosen.length === 0) return undefined;
      return leanStep(chosen.length === 1 ? chosen[0]!.step : this.compiled.states[config]!.combined(chosen.map((c) => c.transition)));
    }
    const i = plan.firstEnabled(o, event);
    return i < 0 ? undefined : plan.steps[i];
  }

  /**
   * Parallel regions each select (each guard asked once); one selection is its own step, several
   * make one combined step; none falls back to the parallel state's own candidates.
   */
  #selectRegions(config: number, parts: readonly LeanPlan[], otherwise: LeanPlan, o: LeanCursor, event: LeanEvent): LeanStep | undefined {
    let only: LeanStep | undefined;
    let chosen: AnyTransitionDefinition[] | undefined;
    for (const part of parts) {
      const i = part.firstEnabled(o, event);
      if (i < 0) continue;
      if (only === undefined && chosen === undefined) {
        only = part.steps[i];
        this.#first = part.transitions[i]!;
        continue;
      }
      chosen ??= [this.#first!];
      only = undefined;
      if (!chosen.includes(part.transitions[i]!)) chosen.push(part.transitions[i]!);
    }
    if (chosen !== undefined) return chosen.length === 1 ? this.#selectOne(config, chosen[0]!) : leanStep(this.compiled.states[config]!.combined(chosen));
    if (only !== undefined) return only;
    const i = otherwise.firstEnabled(o, event);
    return i < 0 ? undefined : otherwise.steps[i];
  }

  /** The step of one transition selected in configuration `config`. */
  #selectOne(config: number, transition: AnyTransitionDefinition): LeanStep {
    return leanStep(this.compiled.states[config]!.combined([transition]));
  }

  /** Sends `event` to the cursor's order: runs the step's actions and moves it on; false when refused. */
  send(o: LeanCursor, event: LeanEvent): boolean {
    const step = this.select(o, event);
    if (step === undefined) return false;
    const actions = step.actions;
    for (let i = 0; i < actions.length; i++) actions[i]!(o, event);
    o.rows.setConfig(o.slot, step.next);
    return true;
  }

  /** The name of configuration `config` (as `stateName` writes it). */
  nameOf(config: number): string {
    return this.compiled.states[config]!.name;
  }

  /** True when configuration `config` is final for the machine. */
  isDone(config: number): boolean {
    let done = this.#done[config];
    if (done === undefined) {
      const states = this.compiled.states;
      while (this.#done.length < states.length) this.#done.push(states[this.#done.length]!.done);
      done = this.#done[config]!;
    }
    return done;
  }
}

const tables = /* @__PURE__ */ new Map<ChannelId, LeanTable>();

/** The lean table of `channel`, compiled on first use. */
export function leanTable(channel: ChannelId): LeanTable {
  let table = tables.get(channel);
  if (table === undefined) {
    table = new LeanTable(CHANNELS[channel].machine);
    tables.set(channel, table);
  }
  return table;
}
