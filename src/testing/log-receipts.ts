/**
 * Which receipt message each status of a transition-log record answers. A record lists the
 * statuses a transition produced but not their messages; the event, the channel's direction and
 * the state that changed tell them apart.
 */
import type { ReceiptMessage, ReceiptStatus } from '../customs/receipts.js';
import type { TransitionRecord } from '../sim/log.js';

/** A receipt status with the message (and, for repeatable requests, the request) it answers. */
export interface LoggedReceipt {
  readonly message: ReceiptMessage;
  /** `message`, or `message#n` for the nth cancellation or return request of the order. */
  readonly key: string;
  readonly status: ReceiptStatus;
}

type Role = 'order' | 'payment' | 'waybill' | 'list' | 'cancel' | 'return' | 'arrival' | 'departure';

const IMPORT: Readonly<Record<Role, ReceiptMessage>> = {
  order: 'CEB312', payment: 'CEB412', waybill: 'CEB512', list: 'CEB622', cancel: 'CEB624', return: 'CEB626', arrival: 'CEB622', departure: 'CEB622',
};
const EXPORT: Readonly<Record<Role, ReceiptMessage>> = {
  order: 'CEB304', payment: 'CEB404', waybill: 'CEB506', list: 'CEB604', cancel: 'CEB606', return: 'CEB604', arrival: 'CEB508', departure: 'CEB510',
};

const BY_EVENT: Readonly<Record<string, Role>> = {
  ORDER_FILED: 'order',
  ORDER_ACKED: 'order',
  PAYMENT_FILED: 'payment',
  PAYMENT_ACKED: 'payment',
  WAYBILL_FILED: 'waybill',
  WAYBILL_ACKED: 'waybill',
  CANCEL_REQUESTED: 'cancel',
  RETURN_REQUESTED: 'return',
  ARRIVED: 'arrival',
  DEPARTED: 'departure',
};

/** The declaration region (`order`, `payment`, `waybill`, `list`) whose state a SENT / SEND_FAILED / RESENT changed. */
function changedRegion(from: string, to: string): Role {
  const before = new Set(from.split(', '));
  const leaf = to.split(', ').find((l) => !before.has(l));
  const region = leaf?.split('.')[1];
  return region === 'order' || region === 'payment' || region === 'waybill' ? region : 'list';
}

function roleOf(record: TransitionRecord): Role {
  const byEvent = BY_EVENT[record.event];
  if (byEvent !== undefined) return byEvent;
  if (record.event === 'SENT' || record.event === 'SEND_FAILED' || record.event === 'RESENT') return changedRegion(record.from, record.to);
  if (record.event === 'TIMEOUT' && record.from.includes('returning')) return 'return';
  return 'list';
}

/**
 * Reads the receipts of one order's records, in order. Each cancellation and return request is
 * its own declaration (CEB623 / CEB625), so its receipts get their own key.
 *
 * @example
 * ```ts
 * loggedReceipts(records.filter((r) => r.orderNo === 'DI2019...')).map((r) => `${r.key}:${r.status}`);
 * // ['CEB312:2', 'CEB312:3', ..., 'CEB622:800']
 * ```
 */
export function loggedReceipts(records: Iterable<TransitionRecord>): LoggedReceipt[] {
  const out: LoggedReceipt[] = [];
  const requests = { cancel: 0, return: 0 };
  for (const record of records) {
    if (record.event === 'CANCEL_REQUESTED') requests.cancel++;
    if (record.event === 'RETURN_REQUESTED') requests.return++;
    if (!record.status?.length) continue;
    const role = roleOf(record);
    const message = (record.channel.endsWith('-import') ? IMPORT : EXPORT)[role];
    const key = role === 'cancel' || role === 'return' ? `${message}#${requests[role]}` : message;
    for (const status of record.status) out.push({ message, key, status: status as ReceiptStatus });
  }
  return out;
}
