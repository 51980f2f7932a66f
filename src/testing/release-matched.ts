import type { TransitionRecord } from '../sim/log.js';
import { byOrder } from './by-order.js';
import type { Violation } from './violation.js';

const ACKS = { ORDER_ACKED: 'order', PAYMENT_ACKED: 'payment', WAYBILL_ACKED: 'waybill' } as const;

/**
 * No release without the three documents matched: in the log of a run (or `stepRecords` of one
 * order), every RELEASED comes after customs stored (acknowledged, 120) each document the
 * channel matches: order, payment and waybill; order and waybill for 9710/9810. Customs must also
 * have accepted the list (CUSTOMS_ACCEPTED).
 *
 * @returns one violation per premature release, empty when there is none
 * @example
 * ```ts
 * releaseNeedsMatchedDocuments(readFileSync('out/orders.ndjson', 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
 * ```
 */
export function releaseNeedsMatchedDocuments(records: Iterable<TransitionRecord>): Violation[] {
  const found: Violation[] = [];
  for (const [orderNo, trail] of byOrder(records)) {
    const stored = new Set<string>();
    let accepted = false;
    for (const record of trail) {
      if (record.event in ACKS) stored.add(ACKS[record.event as keyof typeof ACKS]);
      if (record.event === 'CUSTOMS_ACCEPTED') accepted = true;
      if (record.event !== 'RELEASED') continue;
      const required = record.channel === '9710' || record.channel === '9810' ? ['order', 'waybill'] : ['order', 'payment', 'waybill'];
      const missing = required.filter((doc) => !stored.has(doc));
      if (missing.length > 0 || !accepted) {
        const what = [...missing.map((doc) => `its ${doc}`), ...(accepted ? [] : ['the list'])].join(' and ');
        found.push({ invariant: 'release-needs-matched-documents', subject: orderNo, message: `${record.channel} order ${orderNo} was released (800) before customs stored ${what}.` });
      }
    }
  }
  return found;
}
