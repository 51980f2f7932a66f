/**
 * The machines the sandbox keeps in memory are the ones a replay of their stored events makes
 * (what a restart, or a rollback, rebuilds): after each document, whatever order the documents
 * come in, in every channel, and after the work that follows them is done. A machine given a new
 * input in place of a replay (an order completed by its list) is held to this too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '../../src/channels/registry.js';
import { encode } from '../../src/sandbox/codec.js';
import type { SandboxEngine } from '../../src/sandbox/engine.js';
import { OrderBook, stateOf, type LiveOrder } from '../../src/sandbox/order-book.js';
import { MS } from '../../src/sim/clock.js';
import { channelDocuments } from '../../src/testing/documents.js';
import { flawsFor } from '../../src/testing/flaws.js';
import { declarationMessages, incoming, inOrder, memoryEngine } from './fixtures.js';

/** What a machine in memory is: channel, input, state, context, events taken. */
function machineOf(live: LiveOrder | undefined) {
  if (live === undefined) return undefined;
  return { channel: live.channel, input: encode(live.input), state: stateOf(live), context: encode(live.driver.snapshot.context), events: live.events };
}

/**
 * The order's machine in memory, against the one a fresh book rebuilds from the store (neither,
 * while the order is not known: an export waybill that comes first waits for its list).
 */
function expectRebuiltAlike(engine: SandboxEngine, orderNo: string): void {
  expect(machineOf(new OrderBook(engine.store).get(orderNo))).toEqual(machineOf(engine.book.get(orderNo)));
}

describe('orders in memory', () => {
  it.each(CHANNEL_IDS)('%s: the machine in memory is the one its stored events rebuild, whatever order the documents come in', (channel) => {
    const arrival = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 });
    // documents that agree, and documents with one of the inconsistencies the matcher refuses
    const documents = fc.constantFrom(undefined, ...flawsFor(channel)).chain((flaw) => channelDocuments(channel, flaw === undefined ? {} : { flaw }));
    fc.assert(
      fc.property(documents, arrival, (docs, keys) => {
        const messages = inOrder(declarationMessages(docs));
        const shuffled = messages.map((xml, i) => ({ xml, key: keys[i] ?? 0 })).sort((a, b) => a.key - b.key).map((m) => m.xml);
        const engine = memoryEngine();
        try {
          for (const xml of shuffled) {
            engine.receive(incoming(xml));
            expectRebuiltAlike(engine, docs.order.orderNo);
          }
          expect(engine.book.get(docs.order.orderNo)).toBeDefined();
          engine.advanceTo(engine.clock.now() + 40 * MS.day);
          expectRebuiltAlike(engine, docs.order.orderNo);
        } finally {
          void engine.store.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
