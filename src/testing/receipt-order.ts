import { receiptOrderProblem, type ReceiptStatus } from '../customs/receipts.js';
import type { TransitionRecord } from '../sim/log.js';
import { byOrder } from './by-order.js';
import { loggedReceipts, type LoggedReceipt } from './log-receipts.js';
import type { Violation } from './violation.js';

/**
 * Receipt codes in an allowed order: per order and per message, the statuses of the log (or of
 * `stepRecords`) follow the order customs sends them in (2 -> 3 -> 120 -> 300 -> 399 -> 500 ->
 * 800 -> 899, resends after 4, nothing after a final status), each on a message that may carry
 * it. Checked with `receiptOrderProblem`.
 *
 * @returns one violation per order and message out of order, empty when all are in order
 * @example
 * ```ts
 * receiptsInAllowedOrder([{ t: 0, orderNo: 'A1', channel: '9610-import', from: '', event: 'RELEASED', to: 'clearance.released', status: [800] },
 *                         { t: 1, orderNo: 'A1', channel: '9610-import', from: '', event: 'CUSTOMS_ACCEPTED', to: 'clearance.accepted', status: [120] }]);
 * // [{ invariant: 'receipts-in-allowed-order', subject: 'A1', message: 'CEB622 got 120 after 800 (step 2); ...' }]
 * ```
 */
export function receiptsInAllowedOrder(records: Iterable<TransitionRecord>): Violation[] {
  const found: Violation[] = [];
  for (const [orderNo, trail] of byOrder(records)) {
    const byKey = new Map<string, { message: LoggedReceipt['message']; statuses: ReceiptStatus[] }>();
    for (const r of loggedReceipts(trail)) {
      const entry = byKey.get(r.key) ?? { message: r.message, statuses: [] };
      entry.statuses.push(r.status);
      byKey.set(r.key, entry);
    }
    for (const { message, statuses } of byKey.values()) {
      const problem = receiptOrderProblem(message, statuses);
      if (problem !== undefined) {
        found.push({ invariant: 'receipts-in-allowed-order', subject: orderNo, message: `${problem} Order ${orderNo} received ${message}: ${statuses.join(' -> ')}.` });
      }
    }
  }
  return found;
}
