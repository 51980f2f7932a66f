/**
 * The one `setup()` every channel machine is built from: its types, and every guard and action by
 * name, so a machine definition is plain data that can be walked, drawn and compiled to a table.
 * The machines differ only in how they arrange states (see `regions.ts` and each family's
 * `machine.ts`).
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Order, TradeMode } from '../domain/model.js';
import { matchDocuments } from '../customs/matching.js';
import type { DocumentKind, MatchInput } from '../customs/matching.js';
import { ReceiptStatus } from '../customs/receipts.js';
import type { Receipt, ReceiptMessage } from '../customs/receipts.js';
import { reason } from '../customs/reasons.js';
import type { ReasonCode } from '../customs/reasons.js';
import { money } from '../money/money.js';
import { MS } from '../sim/clock.js';
import type { ChannelContext, ChannelInput } from './context.js';
import type { ChannelEffect, QuotaMovement, StockLine } from './effects.js';
import type { ChannelEvent, DocKind, TimerKind } from './events.js';

/** Days after release within which a return may be requested [C, Ann. 2020 No.45]. */
export const RETURN_REQUEST_DAYS = 30;
/** Days after release within which returned goods must be back [C]. */
export const RETURN_GOODS_DAYS = 45;
/** Largest 9710/9810 ticket, in CNY, that may go as a list rather than a customs declaration [C]. */
export const B2B_LIST_LIMIT_CNY = '5000';

/** Parameters of the `receipt` action: which message, which status (`'event'`: the DETAINED code), and a fixed reason. */
export interface ReceiptParams {
  readonly message: ReceiptMessage;
  readonly status: ReceiptStatus | 'event';
  readonly reason?: ReasonCode;
}

/** Parameters of the `listFitsChannel` guard. */
export interface ListFitParams {
  readonly modes: readonly TradeMode[];
  /** Lines need an account book (emsNo) and item record numbers. */
  readonly bonded: boolean;
  /** 9710/9810: the list route needs a ticket of at most 5,000 CNY; the entry route is always open. */
  readonly b2b: boolean;
}

function matchInput(context: ChannelContext): MatchInput {
  const acked = (kind: DocumentKind): boolean => context.acked.includes(kind);
  return {
    order: acked('order') ? context.order : undefined,
    payment: acked('payment') ? context.docs.payment : undefined,
    waybill: acked('waybill') ? context.docs.waybill : undefined,
    list: context.docs.list,
  };
}

function stockLines(order: Order): StockLine[] {
  return order.lines.map((l) => ({ itemRecordNo: l.goods.itemRecordNo ?? '', quantity: l.quantity }));
}

function listFits(context: ChannelContext, event: ChannelEvent, params: ListFitParams): boolean {
  if (event.type !== 'LIST_DECLARED') return false;
  const { list, route = 'list' } = event;
  if (!params.modes.includes(list.tradeMode) || list.tradeMode !== context.order.tradeMode || list.orderNo !== context.order.orderNo) return false;
  if (params.bonded && ((list.emsNo ?? context.emsNo) === undefined || list.lines.some((l) => l.goods.itemRecordNo === undefined))) return false;
  if (route === 'entry') return params.b2b;
  return !params.b2b || (context.order.currency === '142' && context.order.goodsValue.lte(money(B2B_LIST_LIMIT_CNY)));
}

function daysSinceRelease(context: ChannelContext, at: number): number {
  return context.releasedAt === undefined ? Infinity : (at - context.releasedAt) / MS.day;
}

function makeReceipt(context: ChannelContext, event: ChannelEvent, params: ReceiptParams): Receipt {
  const status = params.status === 'event' ? (event.type === 'DETAINED' ? event.status : ReceiptStatus.DetainedOther) : params.status;
  const message = params.message === 'CEB604' && context.route === 'entry' ? 'H2018' : params.message;
  const explained = status === ReceiptStatus.Rejected || params.status === 'event';
  const why = params.reason !== undefined ? reason(params.reason) : explained ? context.reason : undefined;
  return { type: 'receipt', message, status, at: event.at, ...(why !== undefined && { reason: why }) };
}

/** A quota movement of the order's list; the amount counted is goods + freight + insurance. */
function quotaMove(context: ChannelContext, op: QuotaMovement['op'], at: number): QuotaMovement {
  const amount = context.order.goodsValue.plus(context.order.freight).plus(context.order.insurance);
  return { type: 'quota', op, invtNo: context.invtNo ?? '', buyerId: context.order.buyer?.idNumber ?? '', amount, at };
}

const NOTHING_HELD = { stock: 'none', quota: 'none', taxBill: false } as const;

/**
 * The shared setup of all channel machines: context, input, events and emitted effects, and the
 * named guards and actions.
 */
export const channelSetup = /* @__PURE__ */ (() =>
  setup({
    types: {
      context: {} as ChannelContext,
      input: {} as ChannelInput,
      events: {} as ChannelEvent,
      emitted: {} as ChannelEffect,
    },
    guards: {
      /** The SENT / SEND_FAILED / RESENT event is about `params.doc`. */
      forDoc: ({ event }, params: { doc: DocKind }) => 'doc' in event && event.doc === params.doc,
      /** The TIMEOUT event is for `params.timer`. */
      forTimer: ({ event }, params: { timer: TimerKind }) => event.type === 'TIMEOUT' && event.timer === params.timer,
      /** The required documents are stored by customs and agree with each other and the list. */
      documentsMatch: ({ context }, params: { required: readonly DocumentKind[] }) => matchDocuments(matchInput(context), params).length === 0,
      /** TIMEOUT `documents` came while the required documents are still missing or disagree. */
      documentsLapsed: ({ context, event }, params: { required: readonly DocumentKind[] }) =>
        event.type === 'TIMEOUT' && event.timer === 'documents' && matchDocuments(matchInput(context), params).length > 0,
      /** The declared list fits the channel: mode, order, account book, route. */
      listFitsChannel: ({ context, event }, params: ListFitParams) => listFits(context, event, params),
      /** The decision carries a tax assessment that lets the order use the CBEC channel. */
      taxAssessed: ({ event }) => event.type === 'DECIDED' && event.tax !== undefined && event.tax.route !== 'general-trade',
      quotaReserved: ({ context }) => context.held.quota === 'reserved',
      stockReserved: ({ context }) => context.held.stock === 'reserved',
      withinReturnWindow: ({ context, event }) => daysSinceRelease(context, event.at) <= RETURN_REQUEST_DAYS,
      goodsBackInTime: ({ context, event }) => daysSinceRelease(context, event.at) <= RETURN_GOODS_DAYS,
    },
    actions: {
      /** Emits a receipt for `params.message` with `params.status`. */
      receipt: emit(({ context, event }, params: ReceiptParams) => makeReceipt(context, event, params)),
      /** Stores the payment, waybill or list the event carries (and the list's route). */
      recordDocument: assign(({ context, event }) => {
        if (event.type === 'PAYMENT_FILED') return { docs: { ...context.docs, payment: event.payment } };
        if (event.type === 'WAYBILL_FILED') return { docs: { ...context.docs, waybill: event.waybill } };
        if (event.type === 'LIST_DECLARED') return { docs: { ...context.docs, list: event.list }, route: event.route ?? 'list' };
        return {};
      }),
      /** Notes that customs stored `params.doc` (receipt 120). */
      markAcked: assign(({ context }, params: { doc: DocumentKind }) => ({ acked: [...new Set([...context.acked, params.doc])].sort() })),
      recordInvtNo: assign(({ event }) => (event.type === 'CUSTOMS_ACCEPTED' ? { invtNo: event.invtNo } : {})),
      /** Records why the list stops: `params.code`, or the REJECTED event's reason. */
      recordReason: assign(({ event }, params: { code?: ReasonCode }) => {
        if (params.code !== undefined) return { reason: reason(params.code) };
        return event.type === 'REJECTED' ? { reason: event.reason } : { reason: reason('customs-refused') };
      }),
      /** Records the first matching failure as the reason (documents never came, or disagree). */
      recordMismatch: assign(({ context }, params: { required: readonly DocumentKind[] }) => ({
        reason: matchDocuments(matchInput(context), params)[0] ?? reason('customs-refused'),
      })),
      /** Emits the annual-quota reservation of the accepted list. */
      reserveQuota: enqueueActions(({ context, event, enqueue }) => {
        if (context.order.buyer === undefined || context.invtNo === undefined) return;
        enqueue.emit(quotaMove(context, 'reserve', event.at));
        enqueue.assign({ held: { ...context.held, quota: 'reserved' } });
      }),
      /** The quota reservation was refused, so nothing is held. */
      quotaRefused: assign(({ context }) => ({ held: { ...context.held, quota: 'none' as const } })),
      /** Emits the account-book reservation of the declared list (ref: copNo). */
      reserveStock: enqueueActions(({ context, event, enqueue }) => {
        const list = context.docs.list;
        const emsNo = list?.emsNo ?? context.emsNo;
        if (list === undefined || emsNo === undefined) return;
        enqueue.emit({ type: 'stock', op: 'reserve', ref: list.copNo, emsNo, lines: stockLines(context.order), at: event.at });
        enqueue.assign({ held: { ...context.held, stock: 'reserved' } });
      }),
      /** The account book refused the reservation, so nothing is held. */
      stockRefused: assign(({ context }) => ({ held: { ...context.held, stock: 'none' as const } })),
      /** Emits the tax bill (CEB816) of the decision. */
      issueTaxBill: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'DECIDED' || event.tax === undefined || context.invtNo === undefined) return;
        enqueue.emit({ type: 'tax-bill', op: 'issue', invtNo: context.invtNo, orderNo: context.order.orderNo, tax: event.tax, at: event.at });
        enqueue.assign({ held: { ...context.held, taxBill: true } });
      }),
      /** On release: records the time, deducts reserved stock and commits reserved quota. */
      settleRelease: enqueueActions(({ context, event, enqueue }) => {
        const { held, docs, invtNo } = context;
        const emsNo = docs.list?.emsNo ?? context.emsNo;
        if (held.stock === 'reserved' && docs.list !== undefined && emsNo !== undefined) {
          enqueue.emit({ type: 'stock', op: 'deduct', ref: docs.list.copNo, emsNo, lines: stockLines(context.order), at: event.at });
        }
        if (held.quota === 'reserved' && invtNo !== undefined) enqueue.emit(quotaMove(context, 'commit', event.at));
        enqueue.assign({
          releasedAt: event.at,
          held: { ...held, stock: held.stock === 'reserved' ? 'deducted' : held.stock, quota: held.quota === 'reserved' ? 'committed' : held.quota },
        });
      }),
      /** Gives back whatever the order holds: stock restored, quota restored, tax bill void. */
      unwind: enqueueActions(({ context, event, enqueue }) => {
        const { held, docs, invtNo } = context;
        const emsNo = docs.list?.emsNo ?? context.emsNo;
        if (held.stock !== 'none' && docs.list !== undefined && emsNo !== undefined) {
          enqueue.emit({ type: 'stock', op: 'restore', ref: docs.list.copNo, emsNo, lines: stockLines(context.order), at: event.at });
        }
        if (held.quota !== 'none' && invtNo !== undefined) enqueue.emit(quotaMove(context, 'restore', event.at));
        if (held.taxBill && invtNo !== undefined) enqueue.emit({ type: 'tax-bill', op: 'void', invtNo, orderNo: context.order.orderNo, at: event.at });
        enqueue.assign({ held: NOTHING_HELD });
      }),
      /** 1210 export: credits the account book with the entered goods and triggers the rebate. */
      creditZoneEntry: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'ZONE_ENTERED') return;
        enqueue.emit({ type: 'stock', op: 'credit', ref: event.ref, emsNo: event.emsNo, lines: stockLines(context.order), at: event.at });
        enqueue.emit({ type: 'rebate', ref: event.ref, orderNo: context.order.orderNo, at: event.at });
        enqueue.assign({ emsNo: event.emsNo });
      }),
      /** Retail export: the released list goes into the month's summary declaration. */
      enlistForSummary: emit(({ context, event }) => ({ type: 'export-summary' as const, invtNo: context.invtNo ?? '', orderNo: context.order.orderNo, at: event.at })),
    },
  }))();
