/**
 * The receipts and customs messages the sandbox writes (checked field by field and written
 * without being read back), from a short run of its own: orders of both directions through their
 * happy paths, a review and a cancellation, a delivery and a return, arrival and departure, a
 * summary declaration, and a month of the clock for the closing and tax notices.
 */
import { DEFAULT_SPEC, isMessageType, parseMessage, schemaFamily, type MessageType } from '../../src/messages/index.js';
import type { ChannelId } from '../../src/channels/registry.js';
import { parseClockMode } from '../../src/sandbox/clock.js';
import { declarationMessages, SAMPLE_SENDERS } from '../../src/sandbox/declarations.js';
import type { SandboxEngine } from '../../src/sandbox/engine.js';
import { openEngine } from '../../src/sandbox/open.js';
import { cancelMessage, returnMessage, summaryMessage, transportMessage, waybillStatusMessage } from '../../src/sandbox/requests.js';
import { MS } from '../../src/sim/clock.js';
import fc from 'fast-check';
import { channelDocuments, type DocumentSet } from '../../src/testing/documents.js';
import type { Specimen } from './corpus.js';

function send(engine: SandboxEngine, xmls: readonly (string | undefined)[], script = ''): void {
  for (const xml of xmls) {
    if (xml === undefined) continue;
    const parsed = parseMessage(xml);
    if (!isMessageType(parsed.type)) throw new Error(`${parsed.type} is an envelope, not a CEB message`);
    const type = parsed.type;
    const sender = (parsed.data['BaseTransfer'] as { dxpId: string }).dxpId;
    engine.receive({ guid: parsed.guid, type, sender, data: parsed.data, xml, script });
  }
}

/** The order's list number, once customs has given one. */
function invtNoOf(engine: SandboxEngine, orderNo: string): string {
  return engine.store.getOrder(orderNo)?.invtNo ?? '';
}

/** Every message the sandbox stores in its run, as specimens of the default specification. */
export function sandboxSpecimens(seed: number): Specimen[] {
  const engine = openEngine({ db: ':memory:', seed, clock: parseClockMode('manual') });
  try {
    const docs = (channel: ChannelId, n: number): DocumentSet => {
      const [sample] = fc.sample(channelDocuments(channel), { seed: seed + n, numRuns: 1 });
      if (sample === undefined) throw new Error(`no ${channel} documents`);
      return sample;
    };
    const all = (d: DocumentSet): (string | undefined)[] => {
      const m = declarationMessages(d);
      return [m.order, m.payment, m.waybill, m.list];
    };
    const plain = docs('9610-import', 1);
    send(engine, all(plain));
    const reviewed = docs('1210-import', 2);
    send(engine, all(reviewed), 'review');
    send(engine, [cancelMessage(reviewed, invtNoOf(engine, reviewed.order.orderNo))]);
    const returned = docs('9610-import', 3);
    send(engine, all(returned), 'return:day-3');
    engine.advanceTo(engine.clock.now() + 2 * MS.hour);
    send(engine, [waybillStatusMessage(returned, 'S'), returnMessage(returned, invtNoOf(engine, returned.order.orderNo))]);
    const exported = docs('9610-export', 4);
    send(engine, [...all(exported), transportMessage(exported, 'arrival')]);
    send(engine, [summaryMessage(exported, [invtNoOf(engine, exported.order.orderNo)]), transportMessage(exported, 'departure')]);
    const withdrawn = docs('1210-export', 5);
    send(engine, [...all(withdrawn), transportMessage(withdrawn, 'arrival')]);
    send(engine, [cancelMessage(withdrawn, invtNoOf(engine, withdrawn.order.orderNo))]);
    engine.advanceTo(engine.clock.now() + 40 * MS.day);
    const rows = Object.values(SAMPLE_SENDERS).flatMap((sender) => engine.store.receiptsFor(sender.dxpId, 0, 10_000));
    return rows.sort((a, b) => a.id - b.id).map((r) => ({ name: `sandbox/${DEFAULT_SPEC}/${r.id}/${r.type}`, content: r.xml, schema: `${schemaFamily(r.type as MessageType)}-${DEFAULT_SPEC}.xsd`, built: true }));
  } finally {
    engine.store.close();
  }
}
