// The README's "Testing your own flows" example, with the package paths replaced by source paths.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { matchDocuments } from '../../src/customs/matching.js';
import { channelDocuments, customsCommands, customsSetup, eventWalk, stepRecords, invariants, type CustomsAction, type OrderView, type SystemUnderTest } from '../../src/testing/index.js';
import { drive } from '../../src/channels/drive.js';
import { CHANNELS } from '../../src/channels/registry.js';
import { InMemoryOrderService } from '../../examples/testing/buggy-order-service.js';

// Your order service behind the adapter the commands drive.
class MyAdapter implements SystemUnderTest {
  constructor(private readonly service: InMemoryOrderService, private readonly orderNo: string) {}
  apply(action: CustomsAction): void { this.service.onCustoms(this.orderNo, action); }
  view(): OrderView { return this.service.describe(this.orderNo); }
}

describe('my 9610 import flow', () => {
  test.prop([channelDocuments('9610-import', { flaw: 'payer-mismatch' })])('customs refuses a payer who is not the buyer', (docs) => {
    expect(matchDocuments(docs, { required: ['order', 'payment', 'waybill'] }).map((f) => f.code)).toContain('payer-mismatch');
  });

  test.prop([eventWalk('9610-import')])('receipts come in an allowed order', ({ docs, events }) => {
    const { steps } = drive(CHANNELS['9610-import'].machine, { order: docs.order }, events);
    expect(invariants.receiptsInAllowedOrder(stepRecords(docs.order.orderNo, '9610-import', steps))).toEqual([]);
  });

  test.prop([channelDocuments('9610-import'), customsCommands('9610-import')], { numRuns: 100 })('my service agrees with customs', (docs, commands) => {
    const service = new InMemoryOrderService();
    service.open(docs.order.orderNo, '9610-import');
    fc.modelRun(customsSetup(docs, () => new MyAdapter(service, docs.order.orderNo)), commands);
  });
});
