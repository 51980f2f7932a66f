/**
 * One order driven through the lean runner from its documents, as any runner's order is: the
 * lean table over a row of its own, with the documents' facts read from the objects the
 * events carry, and the effects and the context given back as the objects the machine itself would
 * give. A simulation drives the same table over all its orders' rows without these objects; this
 * form serves single orders, the runner registry and the tests that hold the lean runner to xstate.
 */
import type { StateValue } from 'xstate';
import type { ChannelContext, ChannelDocuments, Holdings } from '../../../channels/context.js';
import type { ChannelEffect, StockLine } from '../../../channels/effects.js';
import type { ChannelEvent } from '../../../channels/events.js';
import type { ChannelId } from '../../../channels/registry.js';
import { B2B_LIST_LIMIT_CNY } from '../../../channels/setup.js';
import { listFailures, orderFailures, paymentFailures, waybillFailures } from '../../../customs/matching.js';
import { isReasonCode, reason } from '../../../customs/reasons.js';
import type { ReceiptReason } from '../../../customs/receipts.js';
import type { InventoryList, Order } from '../../../domain/model.js';
import { money } from '../../../money/money.js';
import type { OrderInstance, OrderRunner, StepRefusal } from '../types.js';
import { B, BILL_ISSUE, docCode, DOCS, eventCode, GENERAL_TRADE, MESSAGES, modeCode, NO_TAX, reasonCode, reasonOf, REASON_FROM_EVENT, STOCK_CREDIT, TAXED, timerCode } from './codes.js';
import { OrderRows } from '../../flow/rows.js';
import { LeanCursor, LeanEvent, type LeanSink } from './context.js';
import { quotaHeld, stockHeld } from './guards.js';
import { leanTable, type LeanTable } from './table.js';

const B2B_LIMIT = /* @__PURE__ */ money(B2B_LIST_LIMIT_CNY);
const STOCK_HELD: readonly Holdings['stock'][] = ['none', 'reserved', 'deducted'];
const QUOTA_HELD: readonly Holdings['quota'][] = ['none', 'reserved', 'committed'];
/** Ledger operations by code (`QUOTA_RESERVE`..., `STOCK_CREDIT`...), as the effects name them. */
const QUOTA_OPS = ['reserve', 'commit', 'restore'] as const;
const STOCK_OPS = ['credit', 'reserve', 'deduct', 'restore'] as const;

/** The facts of an order on its own: buyer, a small B2B ticket, amounts that do not add up. */
function orderBits(order: Order): number {
  let bits = 0;
  if (order.buyer !== undefined) bits |= B.HAS_BUYER;
  if (order.currency === '142' && order.goodsValue.lte(B2B_LIMIT)) bits |= B.B2B_SMALL;
  if (orderFailures(order).length > 0) bits |= B.ORDER_AMOUNT;
  return bits;
}

/** The facts a LIST_DECLARED event's list carries for `order`. */
function listBits(order: Order, list: InventoryList): number {
  const failures = listFailures(order, list, undefined);
  let bits = (modeCode(list.tradeMode) & 7) << B.LIST_MODE_SHIFT;
  if (failures.includes('ebp-mismatch')) bits |= B.LIST_EBP;
  if (failures.includes('list-mismatch')) bits |= B.LIST_ORDER;
  if (list.emsNo !== undefined) bits |= B.LIST_EMS;
  if (list.lines.every((l) => l.goods.itemRecordNo !== undefined)) bits |= B.LIST_ITEMS;
  if (list.tradeMode === order.tradeMode) bits |= B.LIST_SAME_MODE;
  return bits;
}

/** The payload and document facts of `event` for `order`, in the lean form. */
function leanFormOf(order: Order, event: ChannelEvent, into: LeanEvent): LeanEvent {
  let payload = 0;
  let facts = 0;
  switch (event.type) {
    case 'SENT':
    case 'SEND_FAILED':
    case 'RESENT':
      payload = docCode(event.doc);
      break;
    case 'TIMEOUT':
      payload = timerCode(event.timer);
      break;
    case 'LIST_DECLARED':
      payload = event.route === 'entry' ? 1 : 0;
      facts = listBits(order, event.list);
      break;
    case 'PAYMENT_FILED': {
      const failures = paymentFailures(order, event.payment);
      if (failures.includes('payment-missing')) facts |= B.PAYMENT_OTHER_ORDER;
      if (failures.includes('payer-mismatch')) facts |= B.PAYMENT_PAYER;
      if (failures.includes('amount-mismatch')) facts |= B.PAYMENT_AMOUNT;
      if (failures.includes('ebp-mismatch')) facts |= B.PAYMENT_EBP;
      break;
    }
    case 'WAYBILL_FILED':
      if (waybillFailures(order, event.waybill).length > 0) facts |= B.WAYBILL_ORDER;
      break;
    case 'DETAINED':
      payload = event.status;
      break;
    case 'REJECTED':
      payload = isReasonCode(event.reason.code) ? reasonCode(event.reason.code) : 0;
      break;
    case 'DECIDED':
      payload = event.tax === undefined ? NO_TAX : event.tax.route === 'general-trade' ? GENERAL_TRADE : TAXED;
      break;
    default:
      break;
  }
  return into.set(eventCode(event.type), payload, event.at, facts);
}

/** One order's machine on the lean runner, with the objects of the documents its events carried. */
export class LeanOrder implements OrderInstance {
  readonly #table: LeanTable;
  readonly #row = new OrderRows(1);
  readonly #cursor: LeanCursor;
  readonly #event = new LeanEvent();
  readonly #order: Order;
  #docs: ChannelDocuments = {};
  #emsNo: string | undefined;
  #invtNo: string | undefined;
  #rejection: ReceiptReason | undefined;
  /** While an event is being sent: it, and what the step emitted so far. */
  #current: ChannelEvent | undefined;
  #effects: ChannelEffect[] = [];

  constructor(channel: ChannelId, order: Order) {
    this.#table = leanTable(channel);
    this.#order = order;
    this.#cursor = new LeanCursor(this.#row, new ObjectSink(this));
    this.#row.take();
    this.#row.setBits(0, orderBits(order));
  }

  /** The state as `stateName` writes it. */
  get state(): string {
    return this.#table.nameOf(this.#row.config(0));
  }

  /** The state value, as xstate's snapshot reports it. */
  get value(): StateValue {
    return this.#table.compiled.states[this.#row.config(0)]!.value;
  }

  /** True once the machine reached a final state. */
  get done(): boolean {
    return this.#table.isDone(this.#row.config(0));
  }

  /** The machine's context, as the machine itself would hold it. */
  get context(): ChannelContext {
    const bits = this.#row.bits(0);
    const released = this.#row.released(0);
    const why = this.#reason();
    return {
      order: this.#order,
      docs: { ...this.#docs },
      acked: DOCS.slice(0, 3).filter((doc) => (bits & (B.ACKED << docCode(doc))) !== 0) as ChannelContext['acked'],
      route: (bits & B.ROUTE_ENTRY) !== 0 ? 'entry' : 'list',
      held: { stock: STOCK_HELD[stockHeld(bits)]!, quota: QUOTA_HELD[quotaHeld(bits)]!, taxBill: (bits & B.TAX_BILL) !== 0 },
      ...(this.#emsNo !== undefined && { emsNo: this.#emsNo }),
      ...(this.#invtNo !== undefined && { invtNo: this.#invtNo }),
      ...(!Number.isNaN(released) && { releasedAt: released }),
      ...(why !== undefined && { reason: why }),
    };
  }

  /** True when the current state would accept `event` (guards run, actions do not). */
  can(event: ChannelEvent): boolean {
    if (this.done) return false;
    return this.#table.select(this.#cursor, leanFormOf(this.#order, event, this.#event)) !== undefined;
  }

  /** Sends `event`; what the step emitted is returned as the machine's own effect objects. */
  send(event: ChannelEvent): { readonly accepted: true; readonly effects: ChannelEffect[] } | StepRefusal {
    if (this.done) return { accepted: false, state: this.state };
    this.#current = event;
    this.#effects = [];
    const accepted = this.#table.send(this.#cursor, leanFormOf(this.#order, event, this.#event));
    this.#current = undefined;
    if (!accepted) return { accepted: false, state: this.state };
    this.#record(event);
    return { accepted: true, effects: this.#effects };
  }

  /** Keeps the objects an accepted event recorded in the context. */
  #record(event: ChannelEvent): void {
    if (event.type === 'PAYMENT_FILED') this.#docs = { ...this.#docs, payment: event.payment };
    else if (event.type === 'WAYBILL_FILED') this.#docs = { ...this.#docs, waybill: event.waybill };
    else if (event.type === 'LIST_DECLARED') this.#docs = { ...this.#docs, list: event.list };
    else if (event.type === 'CUSTOMS_ACCEPTED') this.#invtNo = event.invtNo;
    else if (event.type === 'ZONE_ENTERED') this.#emsNo = event.emsNo;
    else if (event.type === 'REJECTED' && (this.#row.reason(0) & REASON_FROM_EVENT) !== 0) this.#rejection = event.reason;
    this.#pairFacts();
  }

  /**
   * Sets the one fact that pairs two recorded documents: the list names another waybill than the
   * one recorded (only matching reads it, once both are in).
   */
  #pairFacts(): void {
    const { list, waybill } = this.#docs;
    const other = list !== undefined && waybill !== undefined && listFailures(this.#order, list, waybill).includes('list-mismatch') && !listFailures(this.#order, list, undefined).includes('list-mismatch');
    this.#row.setBits(0, other ? this.#row.bits(0) | B.LIST_WAYBILL : this.#row.bits(0) & ~B.LIST_WAYBILL);
  }

  #reason(code = this.#row.reason(0)): ReceiptReason | undefined {
    if ((code & REASON_FROM_EVENT) !== 0) return this.#current?.type === 'REJECTED' ? this.#current.reason : this.#rejection;
    const known = reasonOf(code);
    return known === undefined ? undefined : reason(known);
  }

  /**
   * Materialises an effect of the step in progress as the machine would emit it.
   *
   * @internal
   */
  emitted(make: (order: Order, event: ChannelEvent, lookups: EffectLookups) => ChannelEffect): void {
    const event = this.#current!;
    const list = event.type === 'LIST_DECLARED' ? event.list : this.#docs.list;
    const invtNo = event.type === 'CUSTOMS_ACCEPTED' ? event.invtNo : this.#invtNo;
    const emsNo = list?.emsNo ?? (event.type === 'ZONE_ENTERED' ? event.emsNo : this.#emsNo);
    this.#effects.push(make(this.#order, event, { list, invtNo, emsNo, reason: (code) => this.#reason(code) }));
  }
}

/** What an effect names besides the order and the event: the list, its number, its account book, a reason. */
interface EffectLookups {
  readonly list: InventoryList | undefined;
  readonly invtNo: string | undefined;
  readonly emsNo: string | undefined;
  reason(code: number): ReceiptReason | undefined;
}

const stockLines = (order: Order): StockLine[] => order.lines.map((l) => ({ itemRecordNo: l.goods.itemRecordNo ?? '', quantity: l.quantity }));

/** The sink of a {@link LeanOrder}: every effect as the object the machine's `emit` makes. */
class ObjectSink implements LeanSink {
  constructor(readonly order: LeanOrder) {}

  receipt(_slot: number, message: number, status: number, why: number): void {
    this.order.emitted((_order, event, l) => {
      const r = why === 0 ? undefined : l.reason(why);
      return { type: 'receipt', message: MESSAGES[message]!, status, at: event.at, ...(r !== undefined && { reason: r }) };
    });
  }

  quota(_slot: number, op: number): void {
    this.order.emitted((order, event, l) => ({
      type: 'quota',
      op: QUOTA_OPS[op]!,
      invtNo: l.invtNo ?? '',
      buyerId: order.buyer?.idNumber ?? '',
      amount: order.goodsValue.plus(order.freight).plus(order.insurance),
      at: event.at,
    }));
  }

  stock(_slot: number, op: number): void {
    this.order.emitted((order, event, l) => {
      if (op === STOCK_CREDIT && event.type === 'ZONE_ENTERED') return { type: 'stock', op: 'credit', ref: event.ref, emsNo: event.emsNo, lines: stockLines(order), at: event.at };
      return { type: 'stock', op: STOCK_OPS[op]!, ref: l.list?.copNo ?? '', emsNo: l.emsNo ?? '', lines: stockLines(order), at: event.at };
    });
  }

  taxBill(_slot: number, op: number): void {
    this.order.emitted((order, event, l) => {
      const invtNo = l.invtNo ?? '';
      if (op === BILL_ISSUE && event.type === 'DECIDED' && event.tax !== undefined) return { type: 'tax-bill', op: 'issue', invtNo, orderNo: order.orderNo, tax: event.tax, at: event.at };
      return { type: 'tax-bill', op: 'void', invtNo, orderNo: order.orderNo, at: event.at };
    });
  }

  summary(): void {
    this.order.emitted((order, event, l) => ({ type: 'export-summary', invtNo: l.invtNo ?? '', orderNo: order.orderNo, at: event.at }));
  }

  rebate(): void {
    this.order.emitted((order, event) => ({ type: 'rebate', ref: event.type === 'ZONE_ENTERED' ? event.ref : '', orderNo: order.orderNo, at: event.at }));
  }
}

/** The lean runner: each channel's lean table, one row per order. */
export interface LeanRunner extends OrderRunner {
  start(channel: ChannelId, order: Order): LeanOrder;
}

/**
 * The lean runner, the default: the machines' compiled tables driven over orders kept as rows
 * of numbers, their guards and actions implemented over those rows. In a simulation it never
 * builds an order's documents unless asked; started on an order of its own, as here, it reads the
 * documents' facts from the objects and gives back the machine's own effect and context objects.
 */
export const leanRunner: LeanRunner = {
  name: 'lean',
  start: (channel, order) => new LeanOrder(channel, order),
};
