/**
 * The actions of the model-based commands: what happens to an order at customs (or at the
 * parties customs hears from), each as the channel events it stands for.
 */
import type { ChannelEvent } from '../channels/events.js';
import type { Receipt } from '../customs/receipts.js';
import { reason } from '../customs/reasons.js';
import { ReceiptStatus } from '../customs/receipts.js';
import type { DocumentSet } from './documents.js';

/**
 * What can happen to an order:
 * - `declare-documents`: the order, payment and waybill are filed, forwarded and stored (120); on
 *   1210 export the goods first enter the zone
 * - `declare-list`: the declarant files the inventory list and the e-port forwards it
 * - `accept-list` (120), `reject-list` (100), `manual-review` (300), `decide` (399, with the tax),
 *   `order-inspection` (500), `pass-inspection`, `detain` (599), `reexport` (700), `release` (800),
 *   `close` (899): customs
 * - `report-arrival` (export CEB507), `leave-site` (goods leave the site or zone), `deliver`,
 *   `return-goods`, `stock-overseas`, `sell-overseas`: carriers and warehouses
 * - `cancel` (CEB623/605), `request-return` (CEB625): the buyer through the declarant
 * - `time-passes`: days go by (return windows close)
 */
export type CustomsActionKind =
  | 'declare-documents'
  | 'declare-list'
  | 'accept-list'
  | 'reject-list'
  | 'manual-review'
  | 'decide'
  | 'report-arrival'
  | 'order-inspection'
  | 'pass-inspection'
  | 'detain'
  | 'reexport'
  | 'release'
  | 'leave-site'
  | 'deliver'
  | 'cancel'
  | 'request-return'
  | 'return-goods'
  | 'close'
  | 'stock-overseas'
  | 'sell-overseas'
  | 'time-passes';

/**
 * Every action kind except `time-passes`: first the shortest usual path of an order, in the
 * order it meets it, then the detours (review, inspection, returns), then what stops an order
 * (cancel, refuse, detain, re-export).
 */
export const STEP_KINDS: readonly Exclude<CustomsActionKind, 'time-passes'>[] = [
  'declare-documents',
  'declare-list',
  'accept-list',
  'decide',
  'report-arrival',
  'release',
  'leave-site',
  'deliver',
  'close',
  'stock-overseas',
  'sell-overseas',
  'manual-review',
  'order-inspection',
  'pass-inspection',
  'request-return',
  'return-goods',
  'cancel',
  'reject-list',
  'detain',
  'reexport',
];

/** One action as the system under test receives it: what happened, when, and what customs answered. */
export interface CustomsAction {
  readonly kind: CustomsActionKind;
  /** Simulated instant, epoch ms. */
  readonly at: number;
  /** For `time-passes`: how many days. */
  readonly days?: number;
  /** The receipts customs sent in answer, in order (empty when it sent none). */
  readonly receipts: readonly Receipt[];
}

/** The channel events an action stands for, in order; the model sends those the machine accepts. */
export function actionEvents(kind: Exclude<CustomsActionKind, 'time-passes'>, docs: DocumentSet, at: number): ChannelEvent[] {
  switch (kind) {
    case 'declare-documents':
      return [
        ...(docs.zoneEntry ? [{ type: 'ZONE_ENTERED' as const, ...docs.zoneEntry, at }] : []),
        { type: 'ORDER_FILED', at },
        { type: 'SENT', doc: 'order', at },
        { type: 'ORDER_ACKED', at },
        ...(docs.payment ? [{ type: 'PAYMENT_FILED' as const, payment: docs.payment, at }, { type: 'SENT' as const, doc: 'payment' as const, at }, { type: 'PAYMENT_ACKED' as const, at }] : []),
        { type: 'WAYBILL_FILED', waybill: docs.waybill, at },
        { type: 'SENT', doc: 'waybill', at },
        { type: 'WAYBILL_ACKED', at },
      ];
    case 'declare-list':
      return [{ type: 'LIST_DECLARED', list: docs.list, at }, { type: 'SENT', doc: 'list', at }];
    case 'accept-list':
      return [{ type: 'CUSTOMS_ACCEPTED', invtNo: docs.invtNo, at }];
    case 'reject-list':
      return [{ type: 'REJECTED', reason: reason('customs-refused'), at }];
    case 'manual-review':
      return [{ type: 'MANUAL_REVIEW', at }];
    case 'decide':
      return [{ type: 'DECIDED', ...(docs.tax && { tax: docs.tax }), at }];
    case 'report-arrival':
      return [{ type: 'ARRIVED', at }];
    case 'order-inspection':
      return [{ type: 'INSPECTION_ORDERED', at }];
    case 'pass-inspection':
      return [{ type: 'INSPECTION_PASSED', at }];
    case 'detain':
      return [{ type: 'DETAINED', status: ReceiptStatus.DetainedOther, at }];
    case 'reexport':
      return [{ type: 'REEXPORTED', at }];
    case 'release':
      return [{ type: 'RELEASED', at }];
    case 'leave-site':
      return [{ type: 'DEPARTED', at }];
    case 'deliver':
      return [{ type: 'DELIVERED', at }];
    case 'cancel':
      return [{ type: 'CANCEL_REQUESTED', at }];
    case 'request-return':
      return [{ type: 'RETURN_REQUESTED', at }];
    case 'return-goods':
      return [{ type: 'GOODS_RETURNED', at }];
    case 'close':
      return [{ type: 'CLOSED', at }];
    case 'stock-overseas':
      return [{ type: 'WAREHOUSED', at }];
    case 'sell-overseas':
      return [{ type: 'SOLD', at }];
  }
}
