/**
 * Model-based commands against a live sandbox (`cbec-sim serve`, or `startSandbox` in a test):
 * each command is something an integrator's systems do for one order (send a document, report
 * the goods' arrival or departure, cancel, wait), done for real over HTTP and to the model; after
 * each, the sandbox's receipts for the order and its machine state must equal the model's.
 */
import fc from 'fast-check';
import type { SandboxClient } from '../sandbox/client.js';
import { declarationMessages } from '../sandbox/declarations.js';
import { cancelMessage, transportMessage } from '../sandbox/requests.js';
import type { DocumentSet } from './documents.js';
import { createSandboxModel, SANDBOX_ACTION_KINDS, type SandboxActionKind, type SandboxModel } from './sandbox-model.js';

/** The live side of a sandbox model run: a client and the order's documents as sent. */
export interface LiveSandbox {
  readonly client: SandboxClient;
  readonly docs: DocumentSet;
}

/** Thrown when the sandbox and the model disagree after a command. */
export class SandboxDisagreementError extends Error {
  override readonly name = 'SandboxDisagreementError';
  constructor(
    readonly action: SandboxActionKind,
    readonly expected: { readonly state: string; readonly receipts: readonly string[] },
    readonly actual: { readonly state: string; readonly receipts: readonly string[] },
  ) {
    super(`After ${action}: the sandbox has the order ${actual.state} with receipts [${actual.receipts.join(', ')}]; the model expects ${expected.state} with [${expected.receipts.join(', ')}].`);
  }
}

const TAX_MESSAGES: ReadonlySet<string> = new Set(['CEB816', 'CEB818']);

/** The sandbox's view: the order's state and its receipts (from its timeline, in the order written). */
async function liveView(live: LiveSandbox): Promise<{ state: string; receipts: string[] }> {
  const view = await live.client.order(live.docs.order.orderNo);
  if (view === undefined) return { state: '(no order)', receipts: [] };
  const receipts = view.timeline.filter((t) => t.kind === 'receipt' && !TAX_MESSAGES.has(t.what.split(' ')[0] ?? '')).map((t) => t.what);
  return { state: view.state, receipts };
}

/** How many requests of each kind a run has sent: each gets its own guid, so none is a duplicate. */
const attempts = new WeakMap<LiveSandbox, Map<string, number>>();

function nextAttempt(live: LiveSandbox, kind: string): number {
  const counts = attempts.get(live) ?? new Map<string, number>();
  attempts.set(live, counts);
  const n = (counts.get(kind) ?? 0) + 1;
  counts.set(kind, n);
  return n;
}

async function perform(kind: SandboxActionKind, live: LiveSandbox): Promise<void> {
  const { client, docs } = live;
  const xml = declarationMessages(docs);
  switch (kind) {
    case 'send-order':
      await client.send(xml.order);
      return;
    case 'send-payment':
      if (xml.payment !== undefined) await client.send(xml.payment);
      return;
    case 'send-waybill':
      await client.send(xml.waybill);
      return;
    case 'send-list':
      await client.send(xml.list);
      return;
    case 'report-arrival':
    case 'report-departure':
      await client.send(transportMessage(docs, kind === 'report-arrival' ? 'arrival' : 'departure', { attempt: nextAttempt(live, kind) }));
      return;
    case 'cancel': {
      const invtNo = (await client.order(docs.order.orderNo))?.invtNo;
      if (invtNo) await client.send(cancelMessage(docs, invtNo, { attempt: nextAttempt(live, kind) }));
      return;
    }
    case 'wait':
      await client.advance('400d');
      return;
  }
}

/** One integrator action: the `pick`th of those that make sense now, wrapping around. */
class SandboxCommand implements fc.AsyncCommand<SandboxModel, LiveSandbox> {
  taken: SandboxActionKind | undefined;
  constructor(readonly pick: number) {}
  check(model: Readonly<SandboxModel>): boolean {
    return SANDBOX_ACTION_KINDS.some((kind) => model.accepts(kind));
  }
  async run(model: SandboxModel, live: LiveSandbox): Promise<void> {
    const open = SANDBOX_ACTION_KINDS.filter((kind) => model.accepts(kind));
    const kind = open[this.pick % open.length] ?? 'wait';
    this.taken = kind;
    model.apply(kind);
    await perform(kind, live);
    const actual = await liveView(live);
    const expected = { state: model.state(), receipts: model.receipts() };
    if (actual.state !== expected.state || actual.receipts.join() !== expected.receipts.join()) throw new SandboxDisagreementError(kind, expected, actual);
  }
  toString(): string {
    return this.taken ?? 'action';
  }
}

/**
 * Commands for one order against a live sandbox that runs without a scenario or
 * script (every order takes the happy path); run them with `fc.asyncModelRun` and
 * {@link sandboxSetup}, which gives each run's order its own numbers.
 *
 * @example
 * ```ts
 * await fc.assert(fc.asyncProperty(channelDocuments('9610-import'), sandboxCommands(), async (docs, commands) => {
 *   await fc.asyncModelRun(sandboxSetup(docs, sandbox.client), commands);
 * }));
 * ```
 */
export function sandboxCommands(options: { readonly maxCommands?: number } = {}): fc.Arbitrary<Iterable<fc.AsyncCommand<SandboxModel, LiveSandbox>>> {
  return fc.commands([fc.nat({ max: 2 * SANDBOX_ACTION_KINDS.length }).map((pick) => new SandboxCommand(pick))], { maxCommands: options.maxCommands ?? 12 });
}

let runs = 0;

/** `docs` with its orderNo, copNo and logisticsNo made new for run `n` (the sandbox keeps every order it saw). */
function renumbered(docs: DocumentSet, n: number): DocumentSet {
  const suffix = `R${n.toString(36).toUpperCase()}`;
  const fit = (text: string, max: number) => `${text.slice(0, max - suffix.length)}${suffix}`;
  const orderNo = fit(docs.order.orderNo, 60);
  const copNo = fit(docs.list.copNo, 20);
  const logisticsNo = fit(docs.waybill.logisticsNo, 60);
  return {
    ...docs,
    order: { ...docs.order, orderNo },
    ...(docs.payment && { payment: { ...docs.payment, orderNo } }),
    waybill: { ...docs.waybill, orderNo, logisticsNo },
    list: { ...docs.list, orderNo, copNo, logisticsNo },
  };
}

/**
 * The setup `fc.asyncModelRun` takes: a fresh model of the order of `docs`, and the live sandbox.
 * Each run files the order under a new orderNo (and copNo and logisticsNo), since a sandbox
 * remembers every order it has seen, and fast-check replays the same documents when it shrinks.
 *
 * @example
 * ```ts
 * await fc.asyncModelRun(sandboxSetup(docs, client), commands);
 * ```
 */
export function sandboxSetup(docs: DocumentSet, client: SandboxClient): () => { model: SandboxModel; real: LiveSandbox } {
  return () => {
    const fresh = renumbered(docs, ++runs);
    return { model: createSandboxModel(fresh), real: { client, docs: fresh } };
  };
}
