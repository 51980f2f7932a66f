/**
 * Field sets every message shares: the declaration header, the receipt fields, the transfer
 * node, company code/name pairs, and the two message shapes (declaration and customs-issued).
 */
import { APP_STATUS, APP_TYPE, COMPANY, CUSTOMS, DECIMAL, GUID, INVT_NO, PRE_NO, RETURN_STATUS, RETURN_TIME, TIME14 } from '../formats.js';
import { many, one, opt, req, type ElementSpec, type FieldSpec, type MessageSpec, type NodeSpec } from '../spec.js';

/** guid, appType, appTime, appStatus: the start of every declaration head (docs/domain.md §2.3). */
export const DECLARATION_HEADER: readonly FieldSpec[] = [
  req('guid', 36, GUID),
  req('appType', 1, APP_TYPE),
  req('appTime', 14, TIME14),
  req('appStatus', 1, APP_STATUS),
];

/** A company as a code and name pair: `party('ebp')` is ebpCode + ebpName. */
export function party(prefix: string, required = true): FieldSpec[] {
  const field = required ? req : opt;
  return [field(`${prefix}Code`, 18, COMPANY), field(`${prefix}Name`, 100)];
}

/**
 * A receipt node: guid, the identifiers of the record it answers, then returnStatus,
 * returnTime and returnInfo.
 */
export function receiptNode(name: string, identifiers: readonly ElementSpec[]): NodeSpec {
  return many(name, [
    req('guid', 36, GUID),
    ...identifiers,
    req('returnStatus', 9, RETURN_STATUS),
    req('returnTime', 17, RETURN_TIME),
    req('returnInfo', 1000),
  ]);
}

/** BaseTransfer: who transmits the message (docs/domain.md §2.1). */
export const BASE_TRANSFER: readonly ElementSpec[] = [
  req('copCode', 18, COMPANY),
  req('copName', 100),
  req('dxpMode', 3),
  req('dxpId', 30),
  opt('note', 1000),
];

const BASE_SUBSCRIBE: readonly ElementSpec[] = [req('status', 20), req('dxpMode', 3), req('dxpAddress', 30), opt('note', 1000)];

/** A message a company declares: business node, required BaseTransfer, optional BaseSubscribe. */
export function declaration(type: string, business: NodeSpec): MessageSpec {
  return { type, children: [business, one('BaseTransfer', BASE_TRANSFER), many('BaseSubscribe', BASE_SUBSCRIBE, false)] };
}

/** A message customs issues (receipts, tax bills, summary results): business node, optional BaseTransfer. */
export function customsMessage(type: string, business: NodeSpec): MessageSpec {
  return { type, children: [business, { ...one('BaseTransfer', BASE_TRANSFER), required: false }] };
}

/** A required money or quantity field (N19,5). */
export function amount(name: string): FieldSpec {
  return req(name, 20, DECIMAL);
}

/** Identifiers a list receipt carries (CEB622, CEB604, and the cancel and return receipts). */
export const LIST_RECEIPT_IDS: readonly FieldSpec[] = [
  req('customsCode', 4, CUSTOMS),
  req('ebpCode', 18, COMPANY),
  req('ebcCode', 18, COMPANY),
  req('agentCode', 18, COMPANY),
  req('copNo', 30),
  opt('preNo', 18, PRE_NO),
  opt('invtNo', 18, INVT_NO),
];
