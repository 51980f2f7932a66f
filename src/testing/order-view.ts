/**
 * An order as a system sees it: where it stands, whether the buyer may still cancel, and the
 * last status customs gave its list. Customs' own view comes from the channel machine's state.
 */
import type { ChannelSnapshot } from '../channels/drive.js';

/** Where an order stands (`awaiting-zone-entry`: 1210 export goods not yet in the zone). */
export type OrderStatus =
  | 'awaiting-zone-entry'
  | 'declaring'
  | 'in-clearance'
  | 'released'
  | 'left-site'
  | 'delivered'
  | 'returning'
  | 'overseas'
  | 'rejected'
  | 'cancelled'
  | 'detained'
  | 'reexported'
  | 'returned'
  | 'closed'
  | 'sold';

/** What a system says about one order; the system under test reports the same shape. */
export interface OrderView {
  readonly status: OrderStatus;
  /** Whether a cancellation (CEB623/605) would be granted now. */
  readonly canCancel: boolean;
  /** The last status customs gave the list (CEB622, CEB604 or the H2018 declaration), if any. */
  readonly listStatus?: number;
}

const BY_STATE: Readonly<Record<string, OrderStatus>> = {
  rejected: 'rejected',
  arrivalLapsed: 'rejected',
  cancelled: 'cancelled',
  detained: 'detained',
  reexported: 'reexported',
  returned: 'returned',
  closed: 'closed',
  sold: 'sold',
  overseas: 'overseas',
  departed: 'left-site',
  zoneEntry: 'awaiting-zone-entry',
  declaration: 'declaring',
};

const DELIVERY: Readonly<Record<string, OrderStatus>> = { outbound: 'left-site', delivered: 'delivered', kept: 'delivered', returning: 'returning' };

/**
 * Customs' view of an order, read from its channel machine's snapshot.
 *
 * @example
 * ```ts
 * statusOf(driver.snapshot); // 'in-clearance'
 * ```
 */
export function statusOf(snapshot: Pick<ChannelSnapshot, 'value'>): OrderStatus {
  const value: unknown = snapshot.value;
  const [top = '', sub] = typeof value === 'string' ? [value] : Object.entries(value as Record<string, unknown>)[0] ?? [];
  if (top === 'clearance') return sub === 'released' ? 'released' : 'in-clearance';
  if (top === 'delivery') return DELIVERY[String(sub)] ?? 'left-site';
  return BY_STATE[top] ?? 'declaring';
}

/**
 * The two views disagree: a sentence naming each difference, or `undefined` when they agree.
 *
 * @example
 * ```ts
 * disagreement({ status: 'left-site', canCancel: false }, { status: 'left-site', canCancel: true });
 * // 'customs would refuse a cancellation now, the system would grant one'
 * ```
 */
export function disagreement(customs: OrderView, system: OrderView): string | undefined {
  const diffs = [
    ...(customs.status === system.status ? [] : [`customs has the order ${customs.status}, the system has it ${system.status}`]),
    ...(customs.canCancel === system.canCancel ? [] : [customs.canCancel ? 'customs would grant a cancellation now, the system would refuse one' : 'customs would refuse a cancellation now, the system would grant one']),
    ...(customs.listStatus === system.listStatus ? [] : [`customs last gave the list status ${customs.listStatus ?? 'none'}, the system thinks ${system.listStatus ?? 'none'}`]),
  ];
  return diffs.length === 0 ? undefined : diffs.join('; ');
}
