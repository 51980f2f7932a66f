/** Documents, messages and a core sandbox for the sandbox tests. */
import type { SandboxClient } from '../../src/sandbox/client.js';
import fc from 'fast-check';
import type { ChannelId } from '../../src/channels/registry.js';
import { parseMessage } from '../../src/messages/parse.js';
import { isMessageType } from '../../src/messages/registry.js';
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
  if (!isMessageType(parsed.type)) throw new Error(`${parsed.type} is an envelope, not a CEB message`);
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

/** The DXP ids of the sample senders (platform, payer, carrier, declarant). */
export const SENDER_IDS: readonly string[] = ['DXPENT0000000001', 'DXPENT0000000002', 'DXPENT0000000003', 'DXPENT0000000004'];

/** Every receipt of `orderNo` pulled from the sample senders, in the order they were written, as `TYPE status`. */
export async function pulledLines(client: SandboxClient, orderNo: string): Promise<string[]> {
  const all = (await Promise.all(SENDER_IDS.map(async (id) => (await client.receipts(id, { after: 0, limit: 1000 })).receipts))).flat();
  return all.filter((r) => r.orderNo === orderNo).sort((a, b) => a.cursor - b.cursor).map((r) => `${r.type} ${r.status}`);
}

/** Sends every message, failing on anything but 202. */
export async function sendAll(client: SandboxClient, xmls: readonly string[], script?: string): Promise<void> {
  for (const xml of xmls) {
    const outcome = await client.send(xml, script === undefined ? {} : { script });
    if (outcome.status !== 202) throw new Error(`refused: ${outcome.receipt}`);
  }
}
