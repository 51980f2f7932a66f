import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { CHANNEL_IDS } from '../../src/channels/registry.js';
import {
  asyncCustomsCommands,
  channelDocuments,
  createCustomsModel,
  customsCommands,
  customsSetup,
  DisagreementError,
  type CustomsModel,
  type OrderStatus,
  type OrderView,
  type SystemUnderTest,
} from '../../src/testing/index.js';
import { InMemoryOrderService, OrderServiceAdapter } from '../../examples/testing/buggy-order-service.js';

const docsOf = (id: (typeof CHANNEL_IDS)[number]) => fc.sample(channelDocuments(id), { numRuns: 1, seed: 3 })[0]!;

describe('the customs model', () => {
  it('answers each action with the receipts of the channel machine', () => {
    const customs = createCustomsModel(docsOf('9610-import'));
    expect(customs.view()).toEqual({ status: 'declaring', canCancel: true });
    expect(customs.accepts('release')).toBe(false);
    expect(customs.apply('declare-documents').receipts.map((r) => `${r.message} ${r.status}`)).toEqual([
      'CEB312 2', 'CEB312 3', 'CEB312 120', 'CEB412 2', 'CEB412 3', 'CEB412 120', 'CEB512 2', 'CEB512 3', 'CEB512 120',
    ]);
    for (const kind of ['declare-list', 'accept-list', 'decide', 'release'] as const) customs.apply(kind);
    expect(customs.view()).toEqual({ status: 'released', canCancel: true, listStatus: 800 });
    customs.apply('leave-site');
    expect(customs.view()).toEqual({ status: 'left-site', canCancel: false, listStatus: 800 });
    const refusal = customs.apply('cancel');
    expect(refusal.receipts).toMatchObject([{ message: 'CEB624', status: 100, reason: { code: 'goods-left-site' } }]);
    customs.apply('deliver');
    customs.apply('time-passes', 31);
    expect(customs.apply('request-return').receipts).toMatchObject([{ message: 'CEB626', status: 100, reason: { code: 'return-window-passed' } }]);
  });

  it('detains an inspected import list with receipt 599', () => {
    const customs = createCustomsModel(docsOf('1239-import'));
    for (const kind of ['declare-documents', 'declare-list', 'accept-list', 'decide', 'order-inspection'] as const) customs.apply(kind);
    expect(customs.accepts('detain')).toBe(true);
    expect(customs.apply('detain').receipts).toMatchObject([{ message: 'CEB622', status: 599 }]);
    expect(customs.view()).toEqual({ status: 'detained', canCancel: false, listStatus: 599 });
    expect(customs.accepts('time-passes')).toBe(false);
  });

  it('starts a 1210 export order waiting for its goods to enter the zone', () => {
    const customs = createCustomsModel(docsOf('1210-export'));
    expect(customs.view()).toEqual({ status: 'awaiting-zone-entry', canCancel: false });
    customs.apply('declare-documents');
    expect(customs.view().status).toBe('declaring');
  });
});

/** A system that trusts whatever customs' model says: it can never disagree. */
class Mirror implements SystemUnderTest {
  constructor(private readonly customs: () => CustomsModel) {}
  apply(): void {}
  view(): OrderView {
    return this.customs().view();
  }
}

describe('the commands', () => {
  it.each(CHANNEL_IDS)('take %s orders down every path, to their final states', (id) => {
    const docs = docsOf(id);
    const reached = new Set<OrderStatus>();
    for (const commands of fc.sample(customsCommands(id), { numRuns: 200, seed: 11 })) {
      const model = createCustomsModel(docs);
      fc.modelRun(() => ({ model, real: new Mirror(() => model) }), commands);
      reached.add(model.view().status);
    }
    // Detention (inspection, then detain) is the rarest path; the test above the commands checks it directly.
    const finals: OrderStatus[] = id.endsWith('-import') ? ['rejected', 'cancelled', 'reexported', 'returned', 'closed'] : ['rejected', 'cancelled', id === '9810' ? 'sold' : 'closed'];
    expect([...reached]).toEqual(expect.arrayContaining(finals));
  });

  it('report a disagreement with the action, both views and a sentence', () => {
    const docs = docsOf('9610-import');
    const property = fc.property(customsCommands('9610-import'), (commands) => {
      fc.modelRun(customsSetup(docs, () => new OrderServiceAdapter(new InMemoryOrderService({ bug: 'cancel-after-left-site' }), docs)), commands);
    });
    const details = fc.check(property, { seed: 1, numRuns: 200 });
    expect(details.failed).toBe(true);
    const error = details.errorInstance;
    expect(error).toBeInstanceOf(DisagreementError);
    expect((error as DisagreementError).message).toBe('After leave-site: customs would refuse a cancellation now, the system would grant one.');
    expect((error as DisagreementError).customs).toEqual({ status: 'left-site', canCancel: false, listStatus: 800 });
    expect((error as DisagreementError).system).toEqual({ status: 'left-site', canCancel: true, listStatus: 800 });
  });

  it('drive asynchronous systems with fc.asyncModelRun', async () => {
    const docs = docsOf('1210-import');
    await fc.assert(
      fc.asyncProperty(asyncCustomsCommands('1210-import'), async (commands) => {
        const adapter = new OrderServiceAdapter(new InMemoryOrderService(), docs);
        await fc.asyncModelRun(customsSetup(docs, () => ({ apply: async (a: Parameters<typeof adapter.apply>[0]) => adapter.apply(a), view: async () => adapter.view() })), commands);
      }),
      { numRuns: 50, seed: 2 },
    );
  });
});
