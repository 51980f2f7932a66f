/**
 * The lean runner where random walks seldom go: documents with several inconsistencies at once
 * (the reason customs gives is the matcher's first), and the return windows to the millisecond.
 * Each case is driven through an xstate actor and a lean order side by side.
 */
import { fc } from '@fast-check/vitest';
import { isDeepStrictEqual } from 'node:util';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { ChannelEffect } from '../../../src/channels/effects.js';
import type { ChannelEvent } from '../../../src/channels/events.js';
import { CHANNELS, type ChannelId } from '../../../src/channels/registry.js';
import { RETURN_GOODS_DAYS, RETURN_REQUEST_DAYS } from '../../../src/channels/setup.js';
import { MS } from '../../../src/sim/clock.js';
import { leanRunner } from '../../../src/sim/runner/lean/instance.js';
import { channelDocuments, type DocumentSet } from '../../../src/testing/documents.js';

/** Drives the same events through xstate and the lean runner, comparing after each one. */
function sideBySide(id: ChannelId, docs: DocumentSet) {
  const actor = createActor(CHANNELS[id].machine, { input: { order: docs.order } }).start();
  let emitted: ChannelEffect[] = [];
  actor.on('*', (effect) => {
    emitted.push(effect);
  });
  const lean = leanRunner.start(id, docs.order);
  return {
    lean,
    send(event: ChannelEvent): void {
      emitted = [];
      const reference = actor.getSnapshot().status === 'active' && actor.getSnapshot().can(event);
      if (reference) actor.send(event);
      const outcome = lean.send(event);
      const snapshot = actor.getSnapshot();
      const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) || expect(a, `${event.type} in ${lean.state}`).toEqual(b);
      same(outcome.accepted, reference);
      same(outcome.accepted ? outcome.effects : [], emitted);
      same(lean.value, snapshot.value);
      same(lean.context, snapshot.context);
    },
  };
}

/** The declaration of an import order: every document filed, sent and acknowledged, the list declared and sent. */
function declare(docs: DocumentSet, at: number): ChannelEvent[] {
  return [
    { type: 'ORDER_FILED', at },
    ...(docs.payment ? [{ type: 'PAYMENT_FILED' as const, payment: docs.payment, at }] : []),
    { type: 'WAYBILL_FILED', waybill: docs.waybill, at },
    { type: 'LIST_DECLARED', list: docs.list, at },
    ...(['order', 'payment', 'waybill', 'list'] as const).map((doc) => ({ type: 'SENT' as const, doc, at })),
    { type: 'ORDER_ACKED', at },
    { type: 'PAYMENT_ACKED', at },
    { type: 'WAYBILL_ACKED', at },
  ];
}

/** Several inconsistencies planted together in one import order's documents. */
const flawed = fc.tuple(
  channelDocuments('9610-import'),
  fc.record({ payer: fc.boolean(), paid: fc.boolean(), paymentOrder: fc.boolean(), paymentEbp: fc.boolean(), orderPaid: fc.boolean(), waybillOrder: fc.boolean(), listWaybill: fc.boolean(), listEbp: fc.boolean(), listOrder: fc.boolean() }),
).map(([docs, f]): DocumentSet => {
  const { order, waybill, list } = docs;
  const payment = docs.payment!;
  return {
    ...docs,
    order: f.orderPaid ? { ...order, actualPaid: order.actualPaid.plus('0.01') } : order,
    payment: {
      ...payment,
      ...(f.payer && { payerName: `${payment.payerName}代付` }),
      ...(f.paid && { amountPaid: payment.amountPaid.plus('0.02') }),
      ...(f.paymentOrder && { orderNo: `${order.orderNo.slice(0, 58)}PX` }),
      ...(f.paymentEbp && { ebpCode: '1101960QQQ' }),
    },
    waybill: f.waybillOrder ? { ...waybill, orderNo: `${order.orderNo.slice(0, 58)}WX` } : waybill,
    list: {
      ...list,
      ...(f.listWaybill && { logisticsNo: `${list.logisticsNo}9` }),
      ...(f.listEbp && { ebp: { ...list.ebp, code: '1101960QQQ' } }),
      ...(f.listOrder && { orderNo: `${order.orderNo.slice(0, 58)}LX` }),
    },
  };
});

describe('the lean runner against xstate', () => {
  it('refuses documents with several inconsistencies with the matcher\'s first reason, or accepts them alike', () => {
    fc.assert(
      fc.property(flawed, fc.boolean(), (docs, lapse) => {
        const run = sideBySide('9610-import', docs);
        const at = docs.order.placedAt;
        for (const event of declare(docs, at)) run.send(event);
        run.send(lapse ? { type: 'TIMEOUT', timer: 'documents', at: at + MS.day } : { type: 'CUSTOMS_ACCEPTED', invtNo: docs.invtNo, at: at + MS.minute });
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    [RETURN_REQUEST_DAYS * MS.day, 'returning'],
    [RETURN_REQUEST_DAYS * MS.day + 1, 'kept'],
  ])(`grants a return requested %i ms after release only within ${RETURN_REQUEST_DAYS} days (CEB625)`, (after, state) => {
    const [docs] = fc.sample(channelDocuments('1210-import'), { numRuns: 1, seed: 7 });
    const run = sideBySide('1210-import', docs!);
    const at = docs!.order.placedAt;
    for (const event of declare(docs!, at)) run.send(event);
    const released = at + MS.hour;
    for (const event of [
      { type: 'CUSTOMS_ACCEPTED', invtNo: docs!.invtNo, at },
      { type: 'DECIDED', tax: docs!.tax!, at },
      { type: 'RELEASED', at: released },
      { type: 'DEPARTED', at: released },
      { type: 'DELIVERED', at: released },
      { type: 'RETURN_REQUESTED', at: released + after },
    ] as ChannelEvent[])
      run.send(event);
    expect(run.lean.state).toBe(`delivery.${state}`);
  });

  it.each([
    [RETURN_GOODS_DAYS * MS.day, 'returned'],
    [RETURN_GOODS_DAYS * MS.day + 1, 'delivery.returning'],
  ])(`takes returned goods back %i ms after release only within ${RETURN_GOODS_DAYS} days`, (after, state) => {
    const [docs] = fc.sample(channelDocuments('9610-import'), { numRuns: 1, seed: 11 });
    const run = sideBySide('9610-import', docs!);
    const at = docs!.order.placedAt;
    for (const event of declare(docs!, at)) run.send(event);
    for (const event of [
      { type: 'CUSTOMS_ACCEPTED', invtNo: docs!.invtNo, at },
      { type: 'DECIDED', tax: docs!.tax!, at },
      { type: 'RELEASED', at },
      { type: 'DEPARTED', at },
      { type: 'DELIVERED', at },
      { type: 'RETURN_REQUESTED', at: at + MS.day },
      { type: 'GOODS_RETURNED', at: at + after },
    ] as ChannelEvent[])
      run.send(event);
    expect(run.lean.state).toBe(state);
  });
});
