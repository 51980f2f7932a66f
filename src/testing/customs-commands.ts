/**
 * Model-based commands: `fc.Command`s that take one order through customs in a random order of
 * actions, apply each to the customs model and to your system, and fail as soon as the two views
 * of the order disagree. fast-check then shrinks the run to the shortest sequence that still
 * disagrees.
 */
import fc from 'fast-check';
import type { ChannelEventType } from '../channels/events.js';
import { CHANNELS, type ChannelId } from '../channels/registry.js';
import { STEP_KINDS, type CustomsAction, type CustomsActionKind } from './customs-actions.js';
import type { CustomsModel } from './customs-model.js';
import { disagreement, type OrderView } from './order-view.js';
import type { AsyncSystemUnderTest, SystemUnderTest } from './system-under-test.js';

/**
 * Thrown by a command when your system's view of the order differs from customs'; fast-check
 * reports it with the shrunk counterexample.
 *
 * @example
 * ```ts
 * const details = fc.check(property);
 * if (details.errorInstance instanceof DisagreementError) details.errorInstance.customs; // { status: 'left-site', canCancel: false, listStatus: 800 }
 * ```
 */
export class DisagreementError extends Error {
  override readonly name = 'DisagreementError';
  constructor(
    readonly action: CustomsAction,
    readonly customs: OrderView,
    readonly system: OrderView,
    detail: string,
  ) {
    super(`After ${describeAction(action)}: ${detail}.`);
  }
}

function describeAction(action: CustomsAction): string {
  const receipts = action.receipts.map((r) => `${r.message} ${r.status}`).join(', ');
  return `${action.kind}${action.days === undefined ? '' : ` (${action.days} days)`}${receipts ? ` [customs answered ${receipts}]` : ''}`;
}

function compare(action: CustomsAction, customs: OrderView, system: OrderView): void {
  const detail = disagreement(customs, system);
  if (detail !== undefined) throw new DisagreementError(action, customs, system, detail);
}

/**
 * One step: of the actions that can happen now (in {@link STEP_KINDS} order, then time passing),
 * the `pick`th, wrapping around. Picks shrink towards 0, the first action that can happen, so
 * shrunk runs follow the usual path. Prints the action it took.
 */
class CustomsStep {
  taken: string | undefined;
  constructor(
    readonly kinds: readonly CustomsActionKind[],
    readonly pick: number,
    readonly days: number,
  ) {}
  /** Runs while the order is open (time can pass). */
  check(model: Readonly<CustomsModel>): boolean {
    return model.accepts('time-passes');
  }
  act(model: CustomsModel): CustomsAction {
    const open = [...this.kinds.filter((kind) => model.accepts(kind)), 'time-passes' as const];
    const kind = open[this.pick % open.length] ?? 'time-passes';
    this.taken = kind === 'time-passes' ? `time-passes(${this.days}d)` : kind;
    return model.apply(kind, this.days);
  }
  toString(): string {
    return this.taken ?? 'step';
  }
}

/** A step as a synchronous command. */
class CustomsCommand extends CustomsStep implements fc.Command<CustomsModel, SystemUnderTest> {
  run(model: CustomsModel, system: SystemUnderTest): void {
    const action = this.act(model);
    system.apply(action);
    compare(action, model.view(), system.view());
  }
  [fc.cloneMethod](): CustomsCommand {
    return new CustomsCommand(this.kinds, this.pick, this.days);
  }
}

/** A step as an asynchronous command. */
class AsyncCustomsCommand extends CustomsStep implements fc.AsyncCommand<CustomsModel, AsyncSystemUnderTest> {
  async run(model: CustomsModel, system: AsyncSystemUnderTest): Promise<void> {
    const action = this.act(model);
    await system.apply(action);
    compare(action, model.view(), await system.view());
  }
  [fc.cloneMethod](): AsyncCustomsCommand {
    return new AsyncCustomsCommand(this.kinds, this.pick, this.days);
  }
}

/** Options of {@link customsCommands}. */
export interface CustomsCommandOptions {
  /** Longest command sequence (default 40). */
  readonly maxCommands?: number;
  /** The `replayPath` fast-check printed with a shrunk counterexample, to replay it exactly. */
  readonly replayPath?: string;
}

/** Actions only some channels have, by the event that shows a channel has them. */
const CHANNEL_SPECIFIC: Partial<Record<CustomsActionKind, ChannelEventType>> = {
  'report-arrival': 'ARRIVED',
  detain: 'DETAINED',
  reexport: 'REEXPORTED',
  deliver: 'DELIVERED',
  'request-return': 'RETURN_REQUESTED',
  'return-goods': 'GOODS_RETURNED',
  'stock-overseas': 'WAREHOUSED',
  'sell-overseas': 'SOLD',
};

/** The action kinds of channel `id`. */
function kindsOf(id: ChannelId): CustomsActionKind[] {
  return STEP_KINDS.filter((kind) => {
    const needs = CHANNEL_SPECIFIC[kind];
    return needs === undefined || CHANNELS[id].events.includes(needs);
  });
}

function stepArbitrary<C>(id: ChannelId, make: (kinds: readonly CustomsActionKind[], pick: number, days: number) => C): fc.Arbitrary<C> {
  const kinds = kindsOf(id);
  // Mostly the first action that can happen (the usual path), sometimes any: runs get deep before they stop.
  const pick = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.nat({ max: 2 * kinds.length }), weight: 1 });
  return fc.tuple(pick, fc.integer({ min: 1, max: 40 })).map(([p, days]) => make(kinds, p, days));
}

function commandsConstraints(options: CustomsCommandOptions): fc.CommandsContraints {
  // 'max': runs use the whole length, so orders get past release often enough to meet returns and closing.
  return { maxCommands: options.maxCommands ?? 40, size: 'max', ...(options.replayPath !== undefined && { replayPath: options.replayPath }) };
}

/**
 * Commands over a model of customs for one order in channel `id`. Each command takes one of the
 * actions customs would let happen now: declare documents, declare the list, customs' receipts
 * (accept, refuse, review, decide, inspect, detain, re-export, release, close), goods leaving the
 * site, delivery, cancellation, returns, or time passing. After each, your system's view of the
 * order must equal customs' ({@link DisagreementError} otherwise). Run them with `fc.modelRun`
 * and {@link customsSetup}; a failure prints the actions taken, e.g.
 * `declare-documents,declare-list,accept-list,decide,release,leave-site`.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(channelDocuments('9610-import'), customsCommands('9610-import'), (docs, commands) => {
 *   fc.modelRun(customsSetup(docs, () => new MyAdapter(docs)), commands);
 * }));
 * ```
 */
export function customsCommands(id: ChannelId, options: CustomsCommandOptions = {}): fc.Arbitrary<Iterable<fc.Command<CustomsModel, SystemUnderTest>>> {
  return fc.commands([stepArbitrary(id, (kinds, pick, days) => new CustomsCommand(kinds, pick, days))], commandsConstraints(options));
}

/**
 * {@link customsCommands} for a system whose calls are asynchronous; run them with `fc.asyncModelRun`.
 *
 * @example
 * ```ts
 * await fc.assert(fc.asyncProperty(channelDocuments('1210-import'), asyncCustomsCommands('1210-import'), async (docs, commands) => {
 *   await fc.asyncModelRun(customsSetup(docs, () => new HttpAdapter(docs)), commands);
 * }));
 * ```
 */
export function asyncCustomsCommands(id: ChannelId, options: CustomsCommandOptions = {}): fc.Arbitrary<Iterable<fc.AsyncCommand<CustomsModel, AsyncSystemUnderTest>>> {
  return fc.commands([stepArbitrary(id, (kinds, pick, days) => new AsyncCustomsCommand(kinds, pick, days))], commandsConstraints(options));
}
