/**
 * Model-based commands against a live sandbox (`cbec-sim serve`, or `startSandbox` in a test):
 * each command is something an integrator's systems do for one order (send a document, report
 * the goods' arrival or departure, cancel, wait), done for real over HTTP and to the model; after
 * each, the sandbox's receipts for the order and its machine state must equal the model's.
 */
import fc from 'fast-check';
import type { SandboxClient } from '../sandbox/client.js';
import { declarationMessages, SAMPLE_SENDERS } from '../sandbox/declarations.js';
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

const RECEIVERS = [SAMPLE_SENDERS.platform.dxpId, SAMPLE_SENDERS.payer.dxpId, SAMPLE_SENDERS.carrier.dxpId, SAMPLE_SENDERS.declarant.dxpId];
const TAX_MESSAGES: ReadonlySet<string> = new Set(['CEB816', 'CEB818']);

async function liveReceipts(live: LiveSandbox): Promise<string[]> {
  const pages = await Promise.all(RECEIVERS.map((receiver) => live.client.receipts(receiver, { after: 0, limit: 1000 })));
  return pages
    .flatMap((p) => p.receipts)
    .filter((r) => r.orderNo === live.docs.order.orderNo && !TAX_MESSAGES.has(r.type))
    .sort((a, b) => a.cursor - b.cursor)
    .map((r) => `${r.type} ${r.status}`);
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
      await client.send(transportMessage(docs, kind === 'report-arrival' ? 'arrival' : 'departure'));
      return;
    case 'cancel': {
      const invtNo = (await client.order(docs.order.orderNo))?.invtNo;
      if (invtNo) await client.send(cancelMessage(docs, invtNo));
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
    const actual = { state: (await live.client.order(live.docs.order.orderNo))?.state ?? '(no order)', receipts: await liveReceipts(live) };
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
 * {@link sandboxSetup}. The sandbox must see each run's order for the first time: give every run
 * its own orderNo (see `channelDocuments`, whose orders differ from run to run).
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

/**
 * The setup `fc.asyncModelRun` takes: a fresh model of the order of `docs`, and the live sandbox.
 *
 * @example
 * ```ts
 * await fc.asyncModelRun(sandboxSetup(docs, client), commands);
 * ```
 */
export function sandboxSetup(docs: DocumentSet, client: SandboxClient): () => { model: SandboxModel; real: LiveSandbox } {
  return () => ({ model: createSandboxModel(docs), real: { client, docs } });
}
