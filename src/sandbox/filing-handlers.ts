/**
 * How each filing moves its order: a document (order, payment, waybill, list) goes to the order's
 * machine, which is created, or rebuilt in another channel, as the documents say; a request on a
 * list (cancel, return), a transport report (arrival, departure) or a waybill status goes to the
 * order it names; a summary application and a notice are answered directly. Anything the machine
 * does not accept now is answered with a refusal (100) naming the state, never dropped.
 */
import type { ChannelEffect } from '../channels/effects.js';
import type { ChannelEvent, DocKind } from '../channels/events.js';
import type { ReceiptMessage } from '../customs/receipts.js';
import type { IeFlag, Waybill } from '../domain/model.js';
import { decode, encode } from './codec.js';
import type { ReceiptType } from '../messages/receipts.js';
import type { SandboxAction } from './customs.js';
import type { Dossier } from './dossier.js';
import type { Filing, ListRef, TransportHead } from './filings.js';
import type { Incoming } from './engine.js';
import type { SandboxLedgers } from './ledgers.js';
import { stateOf, type Fresh, type LiveOrder, type OrderBook } from './order-book.js';
import type { ReceiptDraft, ReceiptWriter } from './receipt-writer.js';
import { mergeScripts } from './scripts.js';
import type { Store } from './store.js';
import { answerSummary } from './summary.js';

/** What a filing handler may do. */
export interface FilingContext {
  readonly message: Incoming;
  /** Sandbox time of the message. */
  readonly at: number;
  readonly store: Store;
  readonly book: OrderBook;
  readonly ledgers: SandboxLedgers;
  readonly writer: ReceiptWriter;
  /** Notes that the message is about `orderNo` (for its timeline). */
  touch(orderNo: string): void;
  /** Sends an event the machine accepts; returns its effects. */
  send(live: LiveOrder, event: ChannelEvent): readonly ChannelEffect[];
  /** Sends `event` if the machine takes it and returns its effects; otherwise does nothing and returns undefined. */
  trySend(live: LiveOrder, event: ChannelEvent): readonly ChannelEffect[] | undefined;
  /** Records the events a rebuilt machine starts with, applying their effects. */
  recordFresh(live: LiveOrder, fresh: readonly Fresh[]): void;
  save(live: LiveOrder): void;
  write(draft: ReceiptDraft): void;
  schedule(orderNo: string, action: SandboxAction): void;
  drain(): void;
  /** The next pre-entry number the e-port gives a declaration (preNo). */
  preNo(): string;
}

type Document = Extract<Filing, { kind: 'order' | 'payment' | 'waybill' | 'list' }>;

const IMPORT_TYPES: ReadonlySet<string> = new Set(['CEB311', 'CEB411', 'CEB511', 'CEB513', 'CEB621', 'CEB623', 'CEB625', 'CEB711']);
const RECEIPT_OF: Readonly<Record<DocKind, readonly [ReceiptMessage, ReceiptMessage]>> = {
  order: ['CEB312', 'CEB304'],
  payment: ['CEB412', 'CEB404'],
  waybill: ['CEB512', 'CEB506'],
  list: ['CEB622', 'CEB604'],
};

function ieFlagOf(ctx: FilingContext): IeFlag {
  return IMPORT_TYPES.has(ctx.message.type) ? 'I' : 'E';
}

/** The document region's state (`pending`, `declaring`, `sendFailed`, ...), or undefined past declaration. */
function region(live: LiveOrder, doc: DocKind): string | undefined {
  const value: unknown = live.driver.snapshot.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const declaration = (value as Record<string, unknown>)['declaration'];
  const state = typeof declaration === 'object' && declaration !== null ? (declaration as Record<string, unknown>)[doc] : undefined;
  return typeof state === 'string' ? state : undefined;
}

function filedEvent(filing: Document, at: number): ChannelEvent {
  switch (filing.kind) {
    case 'order':
      return { type: 'ORDER_FILED', at };
    case 'payment':
      return { type: 'PAYMENT_FILED', payment: filing.payment, at };
    case 'waybill':
      return { type: 'WAYBILL_FILED', waybill: filing.waybill, at };
    case 'list':
      return { type: 'LIST_DECLARED', list: filing.list, at };
  }
}

function patched(d: Dossier, filing: Document, sender: string, preNo: () => string): Dossier {
  const senders = { ...d.senders, [filing.kind]: sender };
  switch (filing.kind) {
    case 'order':
      return { ...d, order: filing.order, senders };
    case 'payment':
      return { ...d, payment: filing.payment, ...(filing.ebcCode !== undefined && { ebcCode: filing.ebcCode }), senders };
    case 'waybill':
      return { ...d, waybill: filing.waybill, senders };
    case 'list':
      return { ...d, list: filing.list, preNo: d.preNo ?? filing.list.preNo ?? preNo(), senders };
  }
}

/** A refusal (100) of a message the order's machine does not take now. */
function refuse(ctx: FilingContext, type: ReceiptMessage, d: Dossier, why: string, invtNo?: string): void {
  ctx.write(ctx.writer.plainDraft(type as ReceiptType, { receiver: ctx.message.sender, orderNo: d.orderNo === '' ? null : d.orderNo, status: 100, info: why, at: ctx.at, identifiers: invtNo === undefined ? {} : { invtNo }, dossier: d }));
}

function notNow(live: LiveOrder, what: string): string {
  const snapshot = live.driver.snapshot;
  const state = stateOf(live);
  return snapshot.status === 'active' ? `不予受理 (not accepted): ${what} in state ${state}` : `订单已结束 (order finished): ${what} after the final state ${state}`;
}

/** Files an order, payment, waybill or list with its order's machine. */
function fileDocument(ctx: FilingContext, filing: Document, orderNo: string): void {
  ctx.touch(orderNo);
  const ie = ieFlagOf(ctx);
  const receipt = RECEIPT_OF[filing.kind][ie === 'I' ? 0 : 1];
  const found = ctx.book.get(orderNo);
  if (found === undefined) {
    const script = mergeScripts(ctx.store.getScript(orderNo) ?? '', ctx.message.script);
    const { live, fresh } = ctx.book.create(patched({ orderNo, ieFlag: ie, senders: {} }, filing, ctx.message.sender, ctx.preNo), script, ctx.at);
    ctx.recordFresh(live, fresh);
    return submit(ctx, live, filing, receipt);
  }
  const live = found;
  live.script = mergeScripts(live.script, ctx.message.script);
  const state = region(live, filing.kind);
  if (state === 'sendFailed') {
    ctx.send(live, { type: 'RESENT', doc: filing.kind, at: ctx.at });
    return;
  }
  if (state !== 'pending' && state !== 'notDeclared' && !(live.channel === '1210-export' && live.driver.snapshot.value === 'zoneEntry')) {
    ctx.save(live);
    return refuse(ctx, receipt, patched(live.dossier, filing, ctx.message.sender, () => ''), notNow(live, `${filing.kind} already declared`), live.driver.snapshot.context.invtNo);
  }
  ctx.recordFresh(live, ctx.book.redossier(live, patched(live.dossier, filing, ctx.message.sender, ctx.preNo)));
  submit(ctx, live, filing, receipt);
}

function submit(ctx: FilingContext, live: LiveOrder, filing: Document, receipt: ReceiptMessage): void {
  const event = filedEvent(filing, ctx.at);
  if (ctx.trySend(live, event) === undefined) {
    ctx.save(live);
    const why = filing.kind === 'list' ? '清单与通道不符 (the list does not fit its channel: trade mode, order, account book and item records, or a 9710/9810 ticket over 5,000 CNY, which goes on a customs declaration)' : notNow(live, filing.kind);
    return refuse(ctx, receipt, live.dossier, why);
  }
  if (filing.kind === 'list' && live.input.ieFlag === 'E') linkParkedWaybill(ctx, live, filing.list.logisticsNo);
}

/** An export waybill parked before its list arrived is filed with the order the list names. */
function linkParkedWaybill(ctx: FilingContext, live: LiveOrder, logisticsNo: string): void {
  const parked = ctx.store.takeWaybill(logisticsNo);
  if (parked === undefined || region(live, 'waybill') !== 'pending') return;
  const waybill: Waybill = { ...decode<Waybill>(parked.waybill), orderNo: live.orderNo };
  live.dossier = { ...live.dossier, senders: { ...live.dossier.senders, waybill: parked.sender } };
  ctx.store.linkMessage(live.orderNo, parked.guid);
  ctx.drain();
  fileDocument({ ...ctx, message: { ...ctx.message, sender: parked.sender, script: '' } }, { kind: 'waybill', waybill, linked: true }, live.orderNo);
}

/** The order a list request names: by orderNo, else list number, else copNo. */
function orderOfList(ctx: FilingContext, ref: ListRef): LiveOrder | undefined {
  const orderNo = (ref.orderNo !== undefined && ctx.store.getOrder(ref.orderNo) ? ref.orderNo : undefined) ?? ctx.store.findOrderNo('invt_no', ref.invtNo) ?? ctx.store.findOrderNo('cop_no', ref.copNo);
  return orderNo === undefined ? undefined : ctx.book.get(orderNo);
}

/** A cancellation (CEB623/605) or a return request (CEB625). */
function requestOnList(ctx: FilingContext, kind: 'cancel' | 'return', ref: ListRef): void {
  const ie = ieFlagOf(ctx);
  const type: ReceiptMessage = kind === 'return' ? 'CEB626' : ie === 'I' ? 'CEB624' : 'CEB606';
  const live = orderOfList(ctx, ref);
  if (live === undefined) {
    ctx.write(ctx.writer.plainDraft(type as ReceiptType, { receiver: ctx.message.sender, orderNo: null, status: 100, info: `清单不存在 (no list ${ref.invtNo} / ${ref.copNo} in the sandbox)`, at: ctx.at, identifiers: ref.identifiers }));
    return;
  }
  ctx.touch(live.orderNo);
  live.dossier = { ...live.dossier, ...(kind === 'cancel' ? { cancel: ref } : { refund: ref }), senders: { ...live.dossier.senders, [kind]: ctx.message.sender } };
  const event: ChannelEvent = kind === 'cancel' ? { type: 'CANCEL_REQUESTED', at: ctx.at } : { type: 'RETURN_REQUESTED', at: ctx.at };
  const effects = ctx.trySend(live, event);
  if (effects === undefined) {
    ctx.save(live);
    return refuse(ctx, type, live.dossier, notNow(live, kind === 'cancel' ? 'cancellation' : 'return request'), live.driver.snapshot.context.invtNo);
  }
  // a list cancelled before customs numbered it has no receipt from the machine: acknowledge it here
  if (!effects.some((e) => e.type === 'receipt' && e.message === type)) {
    const invtNo = live.driver.snapshot.context.invtNo;
    ctx.write(ctx.writer.plainDraft(type as ReceiptType, { receiver: ctx.message.sender, orderNo: live.orderNo, status: type === 'CEB606' ? 399 : 120, at: ctx.at, identifiers: invtNo === undefined ? {} : { invtNo }, dossier: live.dossier }));
  }
}

/** An arrival report (CEB507) or a departure (CEB509): one event per waybill it lists. */
function transport(ctx: FilingContext, kind: 'arrival' | 'departure', given: TransportHead, logisticsNos: readonly string[]): void {
  const type: ReceiptMessage = kind === 'arrival' ? 'CEB508' : 'CEB510';
  const head: TransportHead = given.preNo === undefined ? { ...given, preNo: ctx.preNo() } : given;
  for (const logisticsNo of logisticsNos) {
    const orderNo = ctx.store.findOrderNo('logistics_no', logisticsNo);
    const live = orderNo === undefined ? undefined : ctx.book.get(orderNo);
    const dossier = (d: Dossier): Dossier => ({ ...d, [kind]: head, senders: { ...d.senders, [kind]: ctx.message.sender } });
    if (live === undefined) {
      refuse(ctx, type, dossier({ orderNo: '', ieFlag: 'E', senders: {} }), `运单不存在 (no list names logisticsNo ${logisticsNo})`);
      continue;
    }
    ctx.touch(live.orderNo);
    live.dossier = dossier(live.dossier);
    const event: ChannelEvent = kind === 'arrival' ? { type: 'ARRIVED', at: ctx.at } : { type: 'DEPARTED', at: ctx.at };
    if (ctx.trySend(live, event) === undefined) {
      ctx.save(live);
      refuse(ctx, type, live.dossier, notNow(live, kind), live.driver.snapshot.context.invtNo);
    }
    ctx.drain();
  }
}

/** A waybill status (CEB513): acknowledged (CEB514 120); any status takes import goods out of the site, `S` (signed for) delivers them. */
function waybillStatus(ctx: FilingContext, filing: Extract<Filing, { kind: 'waybill-status' }>): void {
  const orderNo = ctx.store.findOrderNo('logistics_no', filing.logisticsNo);
  const live = orderNo === undefined ? undefined : ctx.book.get(orderNo);
  const identifiers = { logisticsCode: filing.logisticsCode, logisticsNo: filing.logisticsNo, logisticsStatus: filing.status, preNo: ctx.preNo() };
  if (live === undefined) {
    ctx.write(ctx.writer.plainDraft('CEB514', { receiver: ctx.message.sender, orderNo: null, status: 100, info: `运单不存在 (no waybill ${filing.logisticsNo} in the sandbox)`, at: ctx.at, identifiers }));
    return;
  }
  ctx.touch(live.orderNo);
  live.dossier = { ...live.dossier, waybillStatus: filing.status, senders: { ...live.dossier.senders, status: ctx.message.sender } };
  ctx.write(ctx.writer.plainDraft('CEB514', { receiver: ctx.message.sender, orderNo: live.orderNo, status: 120, at: ctx.at, identifiers }));
  const events: ChannelEvent[] = [{ type: 'DEPARTED', at: ctx.at }, ...(filing.status === 'S' ? [{ type: 'DELIVERED' as const, at: ctx.at }] : [])];
  for (const event of events) {
    ctx.trySend(live, event);
    ctx.drain();
  }
  ctx.save(live);
}

/** Moves the order a filing names; answers directly what names no order. */
export function handleFiling(filing: Filing, ctx: FilingContext): void {
  switch (filing.kind) {
    case 'order':
      return fileDocument(ctx, filing, filing.order.orderNo);
    case 'payment':
      return fileDocument(ctx, filing, filing.payment.orderNo);
    case 'list':
      return fileDocument(ctx, filing, filing.list.orderNo);
    case 'waybill': {
      const orderNo = filing.linked ? filing.waybill.orderNo : ctx.store.findOrderNo('logistics_no', filing.waybill.logisticsNo);
      if (orderNo !== undefined && orderNo !== '') return fileDocument(ctx, { ...filing, waybill: { ...filing.waybill, orderNo } }, orderNo);
      // an export waybill names no order: it waits for the list that names its logisticsNo
      ctx.store.parkWaybill(filing.waybill.logisticsNo, ctx.message.sender, ctx.message.guid, ctx.at, encode(filing.waybill));
      return;
    }
    case 'cancel':
    case 'return':
      return requestOnList(ctx, filing.kind, filing.ref);
    case 'arrival':
    case 'departure':
      return transport(ctx, filing.kind, filing.head, filing.logisticsNos);
    case 'waybill-status':
      return waybillStatus(ctx, filing);
    case 'summary':
      return answerSummary(ctx, filing);
    case 'notice':
      ctx.write(ctx.writer.plainDraft(filing.receipt, { receiver: ctx.message.sender, orderNo: null, status: 120, at: ctx.at, identifiers: filing.identifiers }));
      return;
  }
}
