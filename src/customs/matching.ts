/**
 * 三单对碰 three-document matching (docs/domain.md §1.2): customs accepts a list only when the order,
 * the payment and the waybill are all in and agree with each other and with the list.
 */
import type { InventoryList, Order, Payment, Waybill } from '../domain/model.js';
import { MS } from '../sim/clock.js';
import { reason } from './reasons.js';
import type { CustomsReason, ReasonCode } from './reasons.js';

/** The documents filed before the list: order (CEB311/303), payment (CEB411/403), waybill (CEB511/505). */
export type DocumentKind = 'order' | 'payment' | 'waybill';

/** What the matcher looks at; a document not (yet) accepted by customs is left out. */
export interface MatchInput {
  readonly order?: Order | undefined;
  readonly payment?: Payment | undefined;
  readonly waybill?: Waybill | undefined;
  readonly list?: InventoryList | undefined;
}

/** Which documents a channel needs. Retail channels need all three; B2B needs order and waybill. */
export interface MatchOptions {
  readonly required: readonly DocumentKind[];
}

/** One matching failure: a stable reason code and its text. */
export type MatchFailure = CustomsReason;

/**
 * How long customs lets a declared list wait for its documents before refusing it (100). No
 * authoritative figure exists (docs/domain.md §6); 24 hours is an assumption, override it per scenario.
 */
export const DEFAULT_DOCUMENT_WAIT_MS: number = 24 * MS.hour;

/**
 * When a list declared at `declaredAt` stops waiting for its documents: the runner sends
 * `TIMEOUT { timer: 'documents' }` at this instant if the list is still waiting.
 */
export function documentWaitDeadline(declaredAt: number, waitMs: number = DEFAULT_DOCUMENT_WAIT_MS): number {
  return declaredAt + waitMs;
}

const MISSING: Readonly<Record<DocumentKind, ReasonCode>> = {
  order: 'order-missing',
  payment: 'payment-missing',
  waybill: 'waybill-missing',
};

/**
 * What the matcher finds wrong with a payment record for `order`, as reason codes: filed under
 * another orderNo (`payment-missing`: it is simply not found for this order [C]), else a payer
 * who is not the buyer (import), another amount, another platform.
 */
export function paymentFailures(order: Order, payment: Payment): ReasonCode[] {
  // A payment filed under another orderNo is simply not found for this order [C].
  if (payment.orderNo !== order.orderNo) return ['payment-missing'];
  const failures: ReasonCode[] = [];
  if (order.ieFlag === 'I') {
    const buyer = order.buyer;
    const same = buyer !== undefined && buyer.name === payment.payerName && buyer.idNumber === payment.payerIdNumber && buyer.idType === payment.payerIdType;
    if (!same) failures.push('payer-mismatch');
  }
  if (!payment.amountPaid.equals(order.actualPaid)) failures.push('amount-mismatch');
  if (payment.ebpCode !== order.ebp.code) failures.push('ebp-mismatch');
  return failures;
}

/** What the matcher finds wrong with an order on its own: goods + freight + tax − discount is not what was paid. */
export function orderFailures(order: Order): ReasonCode[] {
  const due = order.goodsValue.plus(order.freight).plus(order.taxTotal).minus(order.discount);
  return due.equals(order.actualPaid) ? [] : ['amount-mismatch'];
}

/** What the matcher finds wrong with a waybill for `order`: it names another order. */
export function waybillFailures(order: Order, waybill: Waybill): ReasonCode[] {
  return waybill.orderNo === order.orderNo ? [] : ['waybill-order-mismatch'];
}

/** What the matcher finds wrong with a list for `order` (and the waybill customs holds, if any): another platform or seller, another order or waybill. */
export function listFailures(order: Order, list: InventoryList, waybill: Waybill | undefined): ReasonCode[] {
  const failures: ReasonCode[] = [];
  if (list.ebp.code !== order.ebp.code || list.ebc.code !== order.ebc.code) failures.push('ebp-mismatch');
  if (list.orderNo !== order.orderNo || (waybill !== undefined && list.logisticsNo !== waybill.logisticsNo)) failures.push('list-mismatch');
  return failures;
}

/**
 * Matches the documents of one order. Returns every failure found (empty when they all agree),
 * missing documents first, each once.
 *
 * Checks: every required document is present; the payment and the waybill name the order's
 * orderNo; the payer is the buyer by name, ID type and ID number (import); the amount paid equals
 * goods + freight + tax − discount and the order's acturalPaid; payment, list and order name the
 * same platform (and list and order the same seller); the list names the order and the waybill.
 *
 * @example
 * ```ts
 * matchDocuments({ order, waybill, list }, { required: ['order', 'payment', 'waybill'] });
 * // [{ code: 'payment-missing', text: '支付单不存在 (payment not found)' }]
 * ```
 */
export function matchDocuments(input: MatchInput, options: MatchOptions): MatchFailure[] {
  const codes: ReasonCode[] = [];
  for (const kind of options.required) if (input[kind] === undefined) codes.push(MISSING[kind]);
  const { order, payment, waybill, list } = input;
  if (order !== undefined) {
    codes.push(...orderFailures(order));
    if (payment !== undefined) codes.push(...paymentFailures(order, payment));
    if (waybill !== undefined) codes.push(...waybillFailures(order, waybill));
    if (list !== undefined) codes.push(...listFailures(order, list, waybill));
  }
  return [...new Set(codes)].map((code) => reason(code));
}
