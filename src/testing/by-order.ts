import type { TransitionRecord } from '../sim/log.js';

/**
 * Transition records grouped by order number, each order's records in log order.
 *
 * @internal
 */
export function byOrder(records: Iterable<TransitionRecord>): Map<string, TransitionRecord[]> {
  const out = new Map<string, TransitionRecord[]>();
  for (const record of records) {
    const list = out.get(record.orderNo);
    if (list) list.push(record);
    else out.set(record.orderNo, [record]);
  }
  return out;
}
