/** Documents, messages and a core sandbox for the sandbox tests. */
import fc from 'fast-check';
import type { ChannelId } from '../../src/channels/registry.js';
import { parseMessage } from '../../src/messages/parse.js';
import { declarationMessages, type DeclarationMessages } from '../../src/sandbox/declarations.js';
import { parseClockMode } from '../../src/sandbox/clock.js';
import type { Incoming } from '../../src/sandbox/engine.js';
import { openEngine } from '../../src/sandbox/open.js';
import type { SandboxEngine } from '../../src/sandbox/engine.js';
import { channelDocuments, type DocumentSet } from '../../src/testing/documents.js';

/** One consistent document set for `channel`, the same every run. */
export function documentsFor(channel: ChannelId, seed = 7): DocumentSet {
  const [docs] = fc.sample(channelDocuments(channel), { seed, numRuns: 1 });
  if (docs === undefined) throw new Error('no sample');
  return docs;
}

/** An in-memory sandbox core on a manual clock. */
export function memoryEngine(seed = 1): SandboxEngine {
  return openEngine({ db: ':memory:', seed, clock: parseClockMode('manual') });
}

/** A message as the engine takes it. */
export function incoming(xml: string, script = ''): Incoming {
  const parsed = parseMessage(xml);
  const transfer = parsed.data['BaseTransfer'] as { dxpId: string };
  return { guid: parsed.guid, type: parsed.type, sender: transfer.dxpId, data: parsed.data, xml, script };
}

/** The order's receipts as `TYPE status` lines, in the order they were written. */
export function receiptLines(engine: SandboxEngine, orderNo: string): string[] {
  return engine.store.receiptsOf(orderNo).map((r) => `${r.type} ${r.status}`);
}

/** Every message of `docs` in the usual order: order, payment, waybill, list. */
export function inOrder(messages: DeclarationMessages): string[] {
  return [messages.order, ...(messages.payment ? [messages.payment] : []), messages.waybill, messages.list];
}

export { declarationMessages };
