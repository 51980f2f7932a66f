import type { ChannelEvent } from '../channels/events.js';
import { CHANNELS } from '../channels/registry.js';
import { reason } from '../customs/reasons.js';
import { DETENTION_STATUSES } from '../customs/receipts.js';
import type { DocumentSet } from './documents.js';

/**
 * One instance of every event channel `docs.channel` accepts somewhere, at instant `at`, with
 * payloads from the document set: the vocabulary random walks and arbitrary sequences draw from.
 *
 * @example
 * ```ts
 * channelEventsAt(docs, at).filter((event) => driver.snapshot.can(event)); // what may happen next
 * ```
 */
export function channelEventsAt(docs: DocumentSet, at: number): ChannelEvent[] {
  const all: ChannelEvent[] = [
    ...(docs.zoneEntry ? [{ type: 'ZONE_ENTERED' as const, ...docs.zoneEntry, at }] : []),
    { type: 'ORDER_FILED', at },
    ...(docs.payment ? [{ type: 'PAYMENT_FILED' as const, payment: docs.payment, at }] : []),
    { type: 'WAYBILL_FILED', waybill: docs.waybill, at },
    { type: 'ORDER_ACKED', at },
    { type: 'PAYMENT_ACKED', at },
    { type: 'WAYBILL_ACKED', at },
    { type: 'LIST_DECLARED', list: docs.list, at },
    { type: 'LIST_DECLARED', list: docs.list, route: 'entry', at },
    ...(['order', 'payment', 'waybill', 'list'] as const).flatMap((doc) => [
      { type: 'SENT' as const, doc, at },
      { type: 'SEND_FAILED' as const, doc, at },
      { type: 'RESENT' as const, doc, at },
    ]),
    { type: 'CUSTOMS_ACCEPTED', invtNo: docs.invtNo, at },
    { type: 'REJECTED', reason: reason('customs-refused'), at },
    { type: 'MANUAL_REVIEW', at },
    { type: 'DECIDED', ...(docs.tax && { tax: docs.tax }), at },
    { type: 'QUOTA_REFUSED', at },
    { type: 'STOCK_SHORTAGE', at },
    { type: 'INSPECTION_ORDERED', at },
    { type: 'INSPECTION_PASSED', at },
    ...DETENTION_STATUSES.map((status) => ({ type: 'DETAINED' as const, status, at })),
    { type: 'REEXPORTED', at },
    { type: 'RELEASED', at },
    { type: 'ARRIVED', at },
    { type: 'DEPARTED', at },
    { type: 'DELIVERED', at },
    { type: 'CLOSED', at },
    { type: 'CANCEL_REQUESTED', at },
    { type: 'RETURN_REQUESTED', at },
    { type: 'GOODS_RETURNED', at },
    ...(['documents', 'arrival', 'return'] as const).map((timer) => ({ type: 'TIMEOUT' as const, timer, at })),
    { type: 'WAREHOUSED', at },
    { type: 'SOLD', at },
  ];
  const accepted = CHANNELS[docs.channel].events;
  return all.filter((e) => accepted.includes(e.type));
}
