/**
 * A machine's own guards and actions, looked up by name from its `setup()` and bound to their
 * parameters, in the form the compiled runner calls them. The implementations are the machine's:
 * an `assign` runs its assigner, an `emit` its event expression, an `enqueueActions` its collector,
 * exactly as xstate resolves them. Anything else (inline functions, `raise`, `sendTo`, spawning,
 * higher-order guards) cannot be expressed in a table and is refused by name.
 */
import type { AnyStateMachine } from 'xstate';
import { CbecError } from '../../domain/errors.js';

/** Context, event and emitted effect in the loose form the compiled table carries them. */
export type Context = Readonly<Record<string, unknown>>;
/** An event: at least a type. */
export type MachineEvent = { readonly type: string };

/** A guard bound to its parameters. */
export type BoundGuard = (context: Context, event: MachineEvent) => boolean;

/** An action bound to its parameters: returns the context after it, pushing what it emits. */
export type BoundAction = (context: Context, event: MachineEvent, emitted: unknown[]) => Context;

/**
 * A machine feature the compiled runner cannot run. Compilation fails with it, naming the state
 * and the feature, so a machine is never run half-understood.
 */
export class CompileError extends CbecError {
  override readonly name: string = 'CompileError';
  /** The state node (its id) where the feature was found. */
  readonly state: string;
  /** The feature, e.g. `delayed transition (after)` or `action 'notify' (inline function)`. */
  readonly feature: string;

  constructor(state: string, feature: string) {
    super('COMPILE', `State ${state}: ${feature} is not supported by the compiled runner. Use the xstate runner for this machine, or express it with named guards and assign/emit/enqueueActions actions from setup().`);
    this.state = state;
    this.feature = feature;
  }
}

type Params = unknown;
type ParamsSource = Params | ((args: { context: Context; event: MachineEvent }) => Params);
type Implementation = ((args: unknown, params: Params) => unknown) & Record<string, unknown>;
type Reference = string | { readonly type: string; readonly params?: ParamsSource } | ((...args: never[]) => unknown);

function describe(reference: Reference): string {
  return typeof reference === 'function' ? 'inline function' : typeof reference === 'string' ? reference : reference.type;
}

function paramsOf(reference: Reference): (context: Context, event: MachineEvent) => Params {
  if (typeof reference !== 'object' || !('params' in reference)) return () => undefined;
  const source = reference.params;
  if (typeof source === 'function') return (context, event) => (source as (args: { context: Context; event: MachineEvent }) => Params)({ context, event });
  return () => source;
}

function implementationOf(table: Record<string, unknown>, reference: Reference, kind: string, state: string): Implementation {
  if (typeof reference === 'function') throw new CompileError(state, `${kind} (inline function)`);
  const name = describe(reference);
  const found = table[name];
  if (typeof found !== 'function') throw new CompileError(state, `${kind} '${name}' (not implemented in setup())`);
  return found as Implementation;
}

/** Binds the guard `reference` of a transition in `state` to the machine's implementation. */
export function bindGuard(machine: AnyStateMachine, reference: Reference, state: string): BoundGuard {
  const impl = implementationOf(machine.implementations.guards, reference, 'guard', state);
  if ('check' in impl) throw new CompileError(state, `guard '${describe(reference)}' (higher-order guard: and/or/not/stateIn)`);
  const params = paramsOf(reference);
  return (context, event) => impl({ context, event }, params(context, event)) === true;
}

/** Runs an `assign` the way xstate does: the assigner (or each property assigner) over the current context. */
function runAssign(assignment: unknown, context: Context, event: MachineEvent, params: Params): Context {
  const args = { context, event };
  if (typeof assignment === 'function') return { ...context, ...(assignment(args, params) as Context) };
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(assignment as Record<string, unknown>)) update[key] = typeof value === 'function' ? value(args, params) : value;
  return { ...context, ...update };
}

function runEmit(eventOrExpression: unknown, context: Context, event: MachineEvent, params: Params): unknown {
  return typeof eventOrExpression === 'function' ? eventOrExpression({ context, event }, params) : eventOrExpression;
}

/** A builtin action in the form xstate's action creators leave it: its type and its argument. */
function builtin(impl: Implementation, reference: Reference, state: string): (context: Context, event: MachineEvent, emitted: unknown[], params: Params) => Context {
  switch (impl['type']) {
    case 'xstate.assign':
      return (context, event, _emitted, params) => runAssign(impl['assignment'], context, event, params);
    case 'xstate.emit':
      return (context, event, emitted, params) => {
        emitted.push(runEmit(impl['event'], context, event, params));
        return context;
      };
    case 'xstate.enqueueActions':
      return (context, event, emitted, params) => runEnqueued(impl['collect'], describe(reference), state, context, event, emitted, params);
    default:
      throw new CompileError(state, `action '${describe(reference)}' (${typeof impl['type'] === 'string' ? impl['type'] : 'custom side effect'})`);
  }
}

type Enqueued = (context: Context, event: MachineEvent, emitted: unknown[]) => Context;

/**
 * Runs an `enqueueActions` collector, then what it enqueued, in order: `enqueue.assign` and
 * `enqueue.emit` as xstate resolves them. Any other enqueued kind has no table form and throws.
 */
function runEnqueued(collect: unknown, name: string, state: string, context: Context, event: MachineEvent, emitted: unknown[], params: Params): Context {
  const queue: Enqueued[] = [];
  const refuse = (kind: string) => () => {
    throw new CompileError(state, `action '${name}' (enqueue.${kind})`);
  };
  const enqueue = Object.assign(refuse('action'), {
    assign: (assignment: unknown) => queue.push((c, e) => runAssign(assignment, c, e, undefined)),
    emit: (eventOrExpression: unknown) =>
      queue.push((c, e, out) => {
        out.push(runEmit(eventOrExpression, c, e, undefined));
        return c;
      }),
    raise: refuse('raise'),
    sendTo: refuse('sendTo'),
    sendParent: refuse('sendParent'),
    cancel: refuse('cancel'),
    spawnChild: refuse('spawnChild'),
    stopChild: refuse('stopChild'),
  });
  (collect as (args: unknown, params: Params) => void)({ context, event, enqueue, check: refuse('check') }, params);
  let current = context;
  for (const run of queue) current = run(current, event, emitted);
  return current;
}

/** Binds the action `reference` of a transition in `state` to the machine's implementation. */
export function bindAction(machine: AnyStateMachine, reference: Reference, state: string): BoundAction {
  const impl = implementationOf(machine.implementations.actions, reference, 'action', state);
  const run = builtin(impl, reference, state);
  const params = paramsOf(reference);
  return (context, event, emitted) => run(context, event, emitted, params(context, event));
}
