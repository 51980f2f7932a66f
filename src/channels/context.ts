/**
 * The context every channel machine carries: the order (its input), the documents customs holds,
 * and what the order holds in the side ledgers. Small and JSON-friendly; the few fields that change
 * behaviour are what {@link serializeChannelState} keys on.
 */
import type { InventoryList, Order, Payment, Waybill } from '../domain/model.js';
import type { DocumentKind } from '../customs/matching.js';
import type { ReceiptReason } from '../customs/receipts.js';
import type { DeclarationRoute } from './events.js';

/** What the order holds in the side ledgers right now. */
export interface Holdings {
  /** Bonded account book: nothing, reserved by the list, or deducted on release. */
  readonly stock: 'none' | 'reserved' | 'deducted';
  /** Buyer's annual quota: nothing, reserved on acceptance, or committed on release. */
  readonly quota: 'none' | 'reserved' | 'committed';
  /** Whether a tax bill (CEB816) is issued and not void. */
  readonly taxBill: boolean;
}

/** The documents filed so far, as their events carried them. */
export interface ChannelDocuments {
  readonly payment?: Payment;
  readonly waybill?: Waybill;
  readonly list?: InventoryList;
}

/** Context of every channel machine. */
export interface ChannelContext {
  readonly order: Order;
  readonly docs: ChannelDocuments;
  /** Documents customs has stored (receipt 120), sorted. Only these count in matching. */
  readonly acked: readonly DocumentKind[];
  readonly route: DeclarationRoute;
  readonly held: Holdings;
  /** Account book of 1210 export goods, from ZONE_ENTERED (import lists carry their own emsNo). */
  readonly emsNo?: string;
  /** List number given by customs on acceptance. */
  readonly invtNo?: string;
  /** Epoch ms of release; the return windows count from it. */
  readonly releasedAt?: number;
  /** Why the list was refused or stopped, once it was. */
  readonly reason?: ReceiptReason;
}

/** What a channel machine is created with: `createActor(machine, { input: { order } })`. */
export interface ChannelInput {
  readonly order: Order;
}

/** The context a channel machine starts with. */
export function initialContext(input: ChannelInput): ChannelContext {
  return { order: input.order, docs: {}, acked: [], route: 'list', held: { stock: 'none', quota: 'none', taxBill: false } };
}

/**
 * A key for `xstate/graph` traversal: the state value and the context fields that change what the
 * machine does next (acknowledged documents, route, holdings, which documents are in). Amounts,
 * times and numbers are left out so the traversal is finite.
 *
 * @example
 * ```ts
 * getShortestPaths(machine, { input: { order }, events, serializeState: serializeChannelState });
 * ```
 */
export function serializeChannelState(snapshot: { readonly value: unknown; readonly context: ChannelContext }): string {
  const { value, context } = snapshot;
  return JSON.stringify([value, context.acked, context.route, context.held, Object.keys(context.docs).sort()]);
}
