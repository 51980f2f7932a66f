/**
 * The two flow shapes every channel is an instance of: retail import (9610, 1210, 1239) and export
 * (9610, 1210, 9710, 9810). Each returns a machine definition for {@link channelSetup}; the family
 * modules choose the options.
 */
import type { TradeMode } from '../domain/model.js';
import { ReceiptStatus } from '../customs/receipts.js';
import { initialContext } from './context.js';
import { declarationState, finalStates, inspectionStates, receipt, refusal, releaseTransition, reviewStates, statusMeta } from './regions.js';
import type { DocumentSpec, StateConfig } from './regions.js';
import type { channelSetup } from './setup.js';

/** A machine definition for the shared setup. */
export type ChannelConfig = Parameters<typeof channelSetup.createMachine>[0];

const IMPORT_DOCUMENTS: readonly DocumentSpec[] = [
  { doc: 'order', filed: 'ORDER_FILED', acked: 'ORDER_ACKED', message: 'CEB312' },
  { doc: 'payment', filed: 'PAYMENT_FILED', acked: 'PAYMENT_ACKED', message: 'CEB412' },
  { doc: 'waybill', filed: 'WAYBILL_FILED', acked: 'WAYBILL_ACKED', message: 'CEB512' },
];

const EXPORT_ORDER: DocumentSpec = { doc: 'order', filed: 'ORDER_FILED', acked: 'ORDER_ACKED', message: 'CEB304' };
const EXPORT_PAYMENT: DocumentSpec = { doc: 'payment', filed: 'PAYMENT_FILED', acked: 'PAYMENT_ACKED', message: 'CEB404' };
const EXPORT_WAYBILL: DocumentSpec = { doc: 'waybill', filed: 'WAYBILL_FILED', acked: 'WAYBILL_ACKED', message: 'CEB506' };

/** Options of a retail import channel. */
export interface ImportFlowOptions {
  readonly id: string;
  /** Trade modes the list may carry (it must also be the order's). */
  readonly modes: readonly TradeMode[];
  /** Goods come from bonded stock under an account book. */
  readonly bonded: boolean;
}

/**
 * Retail import: three documents and the list (CEB621/622); review, tax and inspection; release
 * (800); goods leave the site; delivery; return within the windows (CEB625/626) or close (899).
 * Cancellation (CEB623/624) is granted until the goods leave the site and refused after.
 */
export function importFlow(options: ImportFlowOptions): ChannelConfig {
  const { id, modes, bonded } = options;
  const list = 'CEB622';
  const release = { RELEASED: releaseTransition(list) };
  const close = { target: `#${id}.closed`, actions: receipt(list, ReceiptStatus.Closed) };
  const delivery: StateConfig = {
    initial: 'outbound',
    on: { CANCEL_REQUESTED: refusal('CEB624', 'goods-left-site') },
    states: {
      outbound: { ...statusMeta(list, ReceiptStatus.Released), on: { DELIVERED: 'delivered' } },
      delivered: {
        ...statusMeta(list, ReceiptStatus.Released),
        on: {
          RETURN_REQUESTED: [
            { guard: 'withinReturnWindow', target: 'returning', actions: receipt('CEB626', ReceiptStatus.Decided) },
            { target: 'kept', actions: receipt('CEB626', ReceiptStatus.Rejected, 'return-window-passed') },
          ],
          CLOSED: close,
        },
      },
      returning: {
        ...statusMeta('CEB626', ReceiptStatus.Decided),
        on: {
          GOODS_RETURNED: { guard: 'goodsBackInTime', target: `#${id}.returned`, actions: 'unwind' },
          TIMEOUT: { guard: { type: 'forTimer', params: { timer: 'return' } }, target: 'kept', actions: receipt('CEB626', ReceiptStatus.Rejected, 'goods-not-returned') },
        },
      },
      kept: { ...statusMeta(list, ReceiptStatus.Released), on: { CLOSED: close } },
    },
  };
  return {
    id,
    context: ({ input }) => initialContext(input),
    initial: 'declaration',
    states: {
      declaration: declarationState({ id, documents: IMPORT_DOCUMENTS, listMessage: list, listFit: { modes, bonded, b2b: false }, onAccepted: ['reserveQuota'] }),
      clearance: {
        initial: 'accepted',
        on: { CANCEL_REQUESTED: { target: `#${id}.cancelled`, actions: ['unwind', receipt('CEB624', ReceiptStatus.Accepted)] } },
        states: {
          ...reviewStates({ id, listMessage: list, taxed: true }),
          decided: {
            ...statusMeta(list, ReceiptStatus.Decided),
            on: { INSPECTION_ORDERED: { target: 'inspection', actions: receipt(list, ReceiptStatus.Inspection) }, ...release },
          },
          ...inspectionStates({ id, listMessage: list, importing: true, release }),
          released: { ...statusMeta(list, ReceiptStatus.Released), on: { DEPARTED: `#${id}.delivery` } },
        },
      },
      delivery,
      ...finalStates(list, ['rejected', 'cancelled', 'detained', 'reexported', 'returned', 'closed']),
    },
  };
}

/** Options of an export channel. */
export interface ExportFlowOptions {
  readonly id: string;
  readonly modes: readonly TradeMode[];
  /** 1210 export: goods enter the zone first and the list draws on the account book. */
  readonly bonded: boolean;
  /** 9710/9810: order and waybill only; list route up to 5,000 CNY, or a customs declaration. */
  readonly b2b: boolean;
  /** 9810: after closing, the goods are stocked in the overseas warehouse and sold from there. */
  readonly overseasWarehouse: boolean;
}

/**
 * Export: documents and the list (CEB603/604); review; arrival report (CEB507/508) or TIMEOUT
 * `arrival`; inspection; release (800; retail lists go to the monthly summary); departure
 * (CEB509/510); close (899). Cancellation (CEB605/606) is granted until departure.
 */
export function exportFlow(options: ExportFlowOptions): ChannelConfig {
  const { id, modes, bonded, b2b, overseasWarehouse } = options;
  const list = 'CEB604';
  const release = { RELEASED: releaseTransition(list, b2b ? [] : ['enlistForSummary']) };
  const documents = b2b ? [EXPORT_ORDER, EXPORT_WAYBILL] : [EXPORT_ORDER, EXPORT_PAYMENT, EXPORT_WAYBILL];
  const closed = receipt(list, ReceiptStatus.Closed);
  const states: Record<string, StateConfig> = {
    declaration: declarationState({ id, documents, listMessage: list, listFit: { modes, bonded, b2b }, onAccepted: [] }),
    clearance: {
      initial: 'accepted',
      on: { CANCEL_REQUESTED: { target: `#${id}.cancelled`, actions: ['unwind', receipt('CEB606', ReceiptStatus.Decided)] } },
      states: {
        ...reviewStates({ id, listMessage: list, taxed: false }),
        decided: {
          ...statusMeta(list, ReceiptStatus.Decided),
          on: {
            ARRIVED: { target: 'arrived', actions: receipt('CEB508', ReceiptStatus.Accepted) },
            TIMEOUT: {
              guard: { type: 'forTimer', params: { timer: 'arrival' } },
              target: `#${id}.arrivalLapsed`,
              actions: [{ type: 'recordReason', params: { code: 'arrival-missing' } }, 'unwind', receipt(list, ReceiptStatus.Rejected)],
            },
          },
        },
        arrived: {
          ...statusMeta(list, ReceiptStatus.Decided),
          on: { INSPECTION_ORDERED: { target: 'inspection', actions: receipt(list, ReceiptStatus.Inspection) }, ...release },
        },
        ...inspectionStates({ id, listMessage: list, importing: false, release }),
        released: { ...statusMeta(list, ReceiptStatus.Released), on: { DEPARTED: { target: `#${id}.departed`, actions: receipt('CEB510', ReceiptStatus.Accepted) } } },
      },
    },
    departed: {
      ...statusMeta(list, ReceiptStatus.Released),
      on: {
        CANCEL_REQUESTED: refusal('CEB606', 'goods-left-site'),
        CLOSED: { target: overseasWarehouse ? 'overseas' : `#${id}.closed`, actions: closed },
      },
    },
    ...(overseasWarehouse && {
      overseas: {
        initial: 'awaitingStock',
        states: {
          awaitingStock: { ...statusMeta(list, ReceiptStatus.Closed), on: { WAREHOUSED: 'stocked' } },
          stocked: { ...statusMeta(list, ReceiptStatus.Closed), on: { SOLD: `#${id}.sold` } },
        },
      },
    }),
    ...(bonded && { zoneEntry: { on: { ZONE_ENTERED: { target: 'declaration', actions: 'creditZoneEntry' } } } }),
    ...finalStates(list, ['rejected', 'cancelled', 'arrivalLapsed', overseasWarehouse ? 'sold' : 'closed']),
  };
  return { id, context: ({ input }) => initialContext(input), initial: bonded ? 'zoneEntry' : 'declaration', states };
}
