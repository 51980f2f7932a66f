/**
 * Compiles a machine, once, from its own definition into a flat table: every configuration of
 * active states the machine can reach is numbered, and for each configuration and event type the
 * table holds the candidate transitions in the order xstate tries them, each with its guard and
 * actions (the machine's own implementations, by name from `setup()`) and the configuration it
 * leads to. Running an order is then a map lookup, guard calls and action calls: no state-node
 * walking, no snapshot objects.
 *
 * Supported: atomic, compound, parallel and final states; named guards with parameters; `assign`,
 * `emit` and `enqueueActions` (with `enqueue.assign` / `enqueue.emit`) actions with parameters;
 * transitions by exact event type, targeted or not. Anything else fails compilation with a
 * {@link CompileError} naming the state and the feature.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';
import { stateName } from '../../channels/drive.js';
import { childrenOf, completesMachine, initialConfiguration, nextConfiguration, removeConflicts, stateValueOf, type Configuration } from './configuration.js';
import { bindAction, bindGuard, CompileError, type BoundAction, type BoundGuard, type Context, type MachineEvent } from './implementations.js';

/**
 * How a compiled table calls a machine's named guards and actions: by default the machine's own
 * implementations from `setup()` ({@link MACHINE_IMPLEMENTATIONS}); a runner may bind the same
 * names (and parameters) to implementations of its own, as the lean runner does over its columns.
 */
export interface Binder<G, A> {
  /** The guard `reference` (a name, or a name with params) of a transition of state `state`. */
  guard(machine: AnyStateMachine, reference: never, state: string): G;
  /** The action `reference` of a transition of state `state`. */
  action(machine: AnyStateMachine, reference: never, state: string): A;
}

/** The machine's own guard and action implementations, bound by name from its `setup()`. */
export const MACHINE_IMPLEMENTATIONS: Binder<BoundGuard, BoundAction> = { guard: bindGuard, action: bindAction };

/** What running one or more transitions does from one configuration. */
export interface CompiledStep<G = BoundGuard, A = BoundAction> {
  /** The configuration after the step. */
  readonly next: CompiledState<G, A>;
  /** The transitions' actions, in xstate's order. */
  readonly actions: readonly A[];
}

/** One transition as a candidate in one configuration. */
export interface Candidate<G = BoundGuard, A = BoundAction> {
  readonly transition: AnyTransitionDefinition;
  /** Undefined when the transition has no guard. */
  readonly guard: G | undefined;
  /** The step when this transition is the only one selected. */
  readonly step: CompiledStep<G, A>;
}

/**
 * How xstate selects transitions for one event type in one configuration: `first` takes the first
 * candidate whose guard passes; `all` collects the selections of parallel regions and falls back
 * to the first of `otherwise` when no region selected anything.
 */
export type SelectionPlan<G = BoundGuard, A = BoundAction> =
  | { readonly kind: 'first'; readonly candidates: readonly Candidate<G, A>[] }
  | { readonly kind: 'all'; readonly parts: readonly SelectionPlan<G, A>[]; readonly otherwise: readonly Candidate<G, A>[] };

/** One reachable configuration of active states. */
export interface CompiledState<G = BoundGuard, A = BoundAction> {
  /** Index in {@link CompiledMachine.states}. */
  readonly index: number;
  /** As xstate's snapshot reports it. */
  readonly value: StateValue;
  /** {@link stateName} of the value. */
  readonly name: string;
  /** True when the machine is done (a top-level final state). */
  readonly done: boolean;
  /** The selection plan of `eventType` (built on first use); undefined when no transition here handles it. */
  plan(eventType: string): SelectionPlan<G, A> | undefined;
  /** The step of several transitions selected together (parallel regions), built on first use. */
  combined(transitions: readonly AnyTransitionDefinition[]): CompiledStep<G, A>;
  /** The event types some transition of this configuration handles, sorted. */
  readonly eventTypes: readonly string[];
}

/**
 * A machine compiled to a table. Guards and actions are bound, and every unsupported feature
 * refused, when it is compiled; the table's rows (configurations, plans and steps) are filled in
 * as orders first reach them, so a run pays only for the part of the machine it uses.
 */
export interface CompiledMachine<G = BoundGuard, A = BoundAction> {
  readonly id: string;
  /** The configurations reached so far; `states[0]` is the initial one. */
  readonly states: readonly CompiledState<G, A>[];
  /** Fills in every row: every configuration reachable from the initial one, with all its plans and steps. */
  explore(): readonly CompiledState<G, A>[];
  /** The initial context for `input`, from the machine's `context` definition. */
  initialContext(input: unknown): Context;
}

const EXACT_EVENT = /^[A-Za-z0-9_-]+$/;

/** Refuses the features a table cannot carry, anywhere in the machine. */
function checkSupported(node: AnyStateNode): void {
  const where = node.id;
  if (node.type === 'history') throw new CompileError(where, 'history state');
  if (node.entry.length > 0) throw new CompileError(where, 'entry actions');
  if (node.exit.length > 0) throw new CompileError(where, 'exit actions');
  if (node.invoke.length > 0) throw new CompileError(where, 'invoked actor (invoke)');
  if ((node.always?.length ?? 0) > 0) throw new CompileError(where, 'eventless transition (always)');
  if (node.type === 'compound' && node.initial.actions.length > 0) throw new CompileError(where, 'initial transition actions');
  for (const [descriptor, transitions] of node.transitions as Map<string, AnyTransitionDefinition[]>) {
    if (descriptor.startsWith('xstate.after')) throw new CompileError(where, 'delayed transition (after)');
    if (descriptor.startsWith('xstate.done')) throw new CompileError(where, 'done transition (onDone)');
    if (!EXACT_EVENT.test(descriptor)) throw new CompileError(where, `event descriptor '${descriptor}' (wildcards and partial descriptors)`);
    for (const t of transitions) {
      if (t.reenter) throw new CompileError(where, `re-entering transition on ${descriptor}`);
      if ((t.target?.length ?? 0) === 0 && t.actions.length === 0) throw new CompileError(where, `transition on ${descriptor} with neither target nor actions`);
    }
  }
  if (node.type === 'final' && node.parent?.parent !== undefined && node.parent.type !== 'parallel') {
    throw new CompileError(where, 'nested final state (its done event)');
  }
  for (const child of childrenOf(node)) checkSupported(child);
}

/** Candidates of `node` for `eventType`, bound, in definition order. */
type CandidatesOf<G, A> = (node: AnyStateNode, eventType: string) => readonly Candidate<G, A>[];

/**
 * The selection plan of `eventType` for the state value `value` under `node`, mirroring xstate's
 * transitionNode: the deepest state first, then its ancestors; parallel regions each select, and
 * the parallel state itself only when none did. Chains of `first` collapse into one list.
 */
function planFor<G, A>(node: AnyStateNode, value: StateValue, eventType: string, candidatesOf: CandidatesOf<G, A>): SelectionPlan<G, A> {
  const own = candidatesOf(node, eventType);
  const child = (key: string) => (node.states as Record<string, AnyStateNode>)[key]!;
  if (typeof value === 'string') return { kind: 'first', candidates: [...candidatesOf(child(value), eventType), ...own] };
  const parts = Object.entries(value)
    .map(([key, childValue]) => planFor(child(key), childValue!, eventType, candidatesOf))
    .filter((part) => !isEmpty(part));
  // One key is a compound state (xstate tells them apart by the value, not the node type).
  if (Object.keys(value).length === 1 || parts.length <= 1) return parts.length === 0 ? { kind: 'first', candidates: own } : orElse(parts[0]!, own);
  return { kind: 'all', parts, otherwise: own };
}

/** `plan`, and when it selects nothing, the first enabled of `fallback`. */
function orElse<G, A>(plan: SelectionPlan<G, A>, fallback: readonly Candidate<G, A>[]): SelectionPlan<G, A> {
  return plan.kind === 'first' ? { kind: 'first', candidates: [...plan.candidates, ...fallback] } : { ...plan, otherwise: [...plan.otherwise, ...fallback] };
}

function isEmpty<G, A>(plan: SelectionPlan<G, A>): boolean {
  return plan.kind === 'first' ? plan.candidates.length === 0 : plan.parts.length === 0 && plan.otherwise.length === 0;
}

function eventTypesOf(active: Configuration): string[] {
  const types = new Set<string>();
  for (const node of active) for (const descriptor of (node.transitions as Map<string, unknown>).keys()) types.add(descriptor);
  return [...types].sort();
}

/** The key of a configuration: its active leaves' ids. */
function keyOf(active: Configuration): string {
  return [...active]
    .filter((node) => node.type === 'atomic' || node.type === 'final')
    .map((node) => node.id)
    .sort()
    .join('|');
}

/**
 * Compiles `machine` into a table of its reachable configurations, its guards and actions bound
 * by `binder` (the machine's own implementations by default).
 *
 * @throws {@link CompileError} naming the state and the feature when the machine uses something
 *   the table cannot carry (history, entry/exit actions, invoke, always, after, onDone, wildcard
 *   events, re-entering transitions, inline or higher-order guards, actions other than assign,
 *   emit and enqueueActions)
 *
 * @example
 * ```ts
 * const table = compileMachine(CHANNELS['9610-import'].machine);
 * table.states[0].name; // 'declaration.order.pending, declaration.payment.pending, ...'
 * ```
 */
export function compileMachine(machine: AnyStateMachine): CompiledMachine;
export function compileMachine<G, A>(machine: AnyStateMachine, binder: Binder<G, A>): CompiledMachine<G, A>;
export function compileMachine<G, A>(machine: AnyStateMachine, binder?: Binder<G, A>): CompiledMachine<G, A> {
  const root = machine.root as AnyStateNode;
  checkSupported(root);
  const bound = bindAll(machine, root, (binder ?? MACHINE_IMPLEMENTATIONS) as Binder<G, A>);
  const ids = new Map([...bound.keys()].map((t, i) => [t, i]));
  const states: CompiledState<G, A>[] = [];
  const byKey = new Map<string, CompiledState<G, A>>();

  const stepFrom = (active: Configuration, selected: readonly AnyTransitionDefinition[]): CompiledStep<G, A> => {
    const transitions = removeConflicts(selected, active);
    const next = nextConfiguration(transitions, active);
    const entered = [...next].filter((node) => !active.has(node));
    return { next: intern(next, completesMachine(entered, next)), actions: transitions.flatMap((t) => bound.get(t)!.actions) };
  };
  const intern = (active: Configuration, done: boolean): CompiledState<G, A> => {
    const key = keyOf(active);
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const value = stateValueOf(root, active);
    const plans = new Map<string, SelectionPlan<G, A> | undefined>();
    const steps = new Map<string, CompiledStep<G, A>>();
    const candidatesOf: CandidatesOf<G, A> = (node, eventType) =>
      ((node.transitions as Map<string, AnyTransitionDefinition[]>).get(eventType) ?? []).map((transition) => new LazyCandidate(transition, bound.get(transition)!.guard, () => stepFrom(active, [transition])));
    const state: CompiledState<G, A> = {
      index: states.length,
      value,
      name: stateName(value),
      done,
      eventTypes: eventTypesOf(active),
      plan(eventType) {
        if (done) return undefined;
        if (!plans.has(eventType)) {
          const plan = planFor(root, value, eventType, candidatesOf);
          plans.set(eventType, isEmpty(plan) ? undefined : plan);
        }
        return plans.get(eventType);
      },
      combined(transitions) {
        const key = transitions.map((t) => ids.get(t)).join(',');
        let step = steps.get(key);
        if (step === undefined) {
          step = stepFrom(active, transitions);
          steps.set(key, step);
        }
        return step;
      },
    };
    states.push(state);
    byKey.set(key, state);
    return state;
  };
  intern(initialConfiguration(root), false);

  const contextDefinition = machine.config.context as unknown;
  return {
    id: machine.id,
    states,
    explore() {
      for (let i = 0; i < states.length; i++) {
        const state = states[i]!;
        for (const eventType of state.eventTypes) visitSteps(state.plan(eventType));
      }
      return states;
    },
    initialContext: (input) => (typeof contextDefinition === 'function' ? (contextDefinition as (args: { input: unknown }) => Context)({ input }) : ((contextDefinition ?? {}) as Context)),
  };
}

/** Touches every candidate's step of a plan, so the configurations they lead to are reached. */
function visitSteps<G, A>(plan: SelectionPlan<G, A> | undefined): void {
  if (plan === undefined) return;
  if (plan.kind === 'first') for (const candidate of plan.candidates) void candidate.step;
  else {
    plan.parts.forEach(visitSteps);
    for (const candidate of plan.otherwise) void candidate.step;
  }
}

/** Every transition of the machine with its guard and actions bound, so a bad one fails compilation even where no order goes. */
function bindAll<G, A>(machine: AnyStateMachine, node: AnyStateNode, binder: Binder<G, A>, out = new Map<AnyTransitionDefinition, { guard: G | undefined; actions: readonly A[] }>()) {
  for (const transitions of (node.transitions as Map<string, AnyTransitionDefinition[]>).values()) {
    for (const t of transitions) {
      out.set(t, {
        guard: t.guard === undefined ? undefined : binder.guard(machine, t.guard as never, node.id),
        actions: t.actions.map((a) => binder.action(machine, a as never, node.id)),
      });
    }
  }
  for (const child of childrenOf(node)) bindAll(machine, child, binder, out);
  return out;
}

/** A candidate whose step is worked out the first time the candidate is selected. */
class LazyCandidate<G, A> implements Candidate<G, A> {
  #step: CompiledStep<G, A> | undefined;
  readonly #compute: () => CompiledStep<G, A>;

  constructor(
    readonly transition: AnyTransitionDefinition,
    readonly guard: G | undefined,
    compute: () => CompiledStep<G, A>,
  ) {
    this.#compute = compute;
  }

  get step(): CompiledStep<G, A> {
    this.#step ??= this.#compute();
    return this.#step;
  }
}

/** Calls a guard: true when the transition it guards is enabled. */
export type GuardTest<G> = (guard: G) => boolean;

/**
 * Selects the transitions a plan enables, asking `passes` about each guard (at most once each):
 * the first enabled candidate of a `first` plan; the selections of every part of an `all` plan,
 * or, when no part selected anything, the first enabled of its `otherwise`.
 */
export function selectWith<G, A>(plan: SelectionPlan<G, A>, passes: GuardTest<G>): Candidate<G, A>[] {
  if (plan.kind === 'first') {
    const found = firstEnabled(plan.candidates, passes);
    return found === undefined ? [] : [found];
  }
  const chosen: Candidate<G, A>[] = [];
  for (const part of plan.parts) for (const candidate of selectWith(part, passes)) if (!chosen.some((c) => c.transition === candidate.transition)) chosen.push(candidate);
  if (chosen.length > 0) return chosen;
  const fallback = firstEnabled(plan.otherwise, passes);
  return fallback === undefined ? [] : [fallback];
}

/** Selects the transitions a plan enables for `event` in `context` (each guard called at most once). */
export function select(plan: SelectionPlan, context: Context, event: MachineEvent): Candidate[] {
  return selectWith(plan, (guard) => guard(context, event));
}

function firstEnabled<G, A>(candidates: readonly Candidate<G, A>[], passes: GuardTest<G>): Candidate<G, A> | undefined {
  for (const candidate of candidates) if (candidate.guard === undefined || passes(candidate.guard)) return candidate;
  return undefined;
}
