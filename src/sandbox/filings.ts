/**
 * What a CEB message files, in the domain's terms: the sandbox turns each business record of an
 * accepted message into one {@link Filing}, which the engine sends to an order's machine.
 */
import type { InventoryList, Order, Payment, Waybill } from '../domain/model.js';
import type { MessageType } from '../messages/registry.js';
import type { MessageData } from '../messages/spec.js';
import { exportFilings } from './filings-export.js';
import { importFilings } from './filings-import.js';

/** The identifiers a list-request receipt (CEB624, CEB626, CEB606) names. */
export interface ListRef {
  readonly orderNo?: string;
  readonly copNo: string;
  readonly invtNo: string;
  /** The list-receipt identifiers the request itself carries, for a refusal. */
  readonly identifiers: Readonly<Record<string, string>>;
}

/** A transport head (CEB507 arrival, CEB509 departure), for the identifiers of its receipt. */
export interface TransportHead {
  readonly customsCode: string;
  readonly copNo: string;
  readonly preNo?: string;
  /** CEB507: the site operator; CEB509: the logistics enterprise. */
  readonly partyCode: string;
  readonly billNo?: string;
}

/** One business record of a message, as the engine handles it. */
export type Filing =
  | { readonly kind: 'order'; readonly order: Order }
  | { readonly kind: 'payment'; readonly payment: Payment; readonly ebcCode?: string }
  | { readonly kind: 'waybill'; readonly waybill: Waybill; readonly linked: boolean }
  | { readonly kind: 'list'; readonly list: InventoryList }
  | { readonly kind: 'cancel'; readonly ref: ListRef; readonly reason: string }
  | { readonly kind: 'return'; readonly ref: ListRef; readonly reason: string }
  | { readonly kind: 'arrival'; readonly head: TransportHead; readonly logisticsNos: readonly string[] }
  | { readonly kind: 'departure'; readonly head: TransportHead; readonly logisticsNos: readonly string[] }
  | { readonly kind: 'waybill-status'; readonly logisticsCode: string; readonly logisticsNo: string; readonly status: string }
  | { readonly kind: 'summary'; readonly customsCode: string; readonly copNo: string; readonly agentCode: string; readonly ebcCode: string; readonly invtNos: readonly string[] }
  | { readonly kind: 'notice'; readonly receipt: 'CEB712' | 'CEB608'; readonly identifiers: Readonly<Record<string, string>> };

/** The message types an enterprise sends to customs, which the sandbox takes. */
export const DECLARATION_TYPES: readonly MessageType[] = [
  'CEB311', 'CEB411', 'CEB511', 'CEB513', 'CEB621', 'CEB623', 'CEB625', 'CEB711',
  'CEB303', 'CEB403', 'CEB505', 'CEB507', 'CEB509', 'CEB603', 'CEB605', 'CEB607', 'CEB701',
];

/** The filings of a parsed declaration, one per business record; empty for a message customs sends. */
export function filingsOf(type: MessageType, data: MessageData): Filing[] {
  return importFilings(type, data) ?? exportFilings(type, data) ?? [];
}
