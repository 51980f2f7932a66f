/** CEB623 import list cancellation (InvtCancel) and its receipt CEB624 (docs/domain.md §2.4). */
import { COMPANY, CUSTOMS, ID_TYPE, INVT_NO, PRE_NO } from '../formats.js';
import { many, opt, req, type FieldSpec, type MessageSpec } from '../spec.js';
import { customsMessage, declaration, DECLARATION_HEADER, LIST_RECEIPT_IDS, party, receiptNode } from './common.js';

/** The head of a cancellation (CEB623) or a return request (CEB625): the list and why. */
export const LIST_REQUEST_HEAD: readonly FieldSpec[] = [
  ...DECLARATION_HEADER,
  req('customsCode', 4, CUSTOMS),
  req('orderNo', 60),
  ...party('ebp'),
  ...party('ebc'),
  req('logisticsNo', 60),
  ...party('logistics'),
  req('copNo', 30),
  opt('preNo', 18, PRE_NO),
  req('invtNo', 18, INVT_NO),
  req('buyerIdType', 1, ID_TYPE),
  req('buyerIdNumber', 60),
  req('buyerName', 60),
  req('buyerTelephone', 30),
  req('agentCode', 18, COMPANY),
  req('agentName', 100),
  req('reason', 1000),
  opt('note', 1000),
];

/** CEB623 撤销申请单 cancellation of an import list. */
export const CEB623: MessageSpec = declaration('CEB623', many('InvtCancel', LIST_REQUEST_HEAD));

/** CEB624 cancellation receipt. */
export const CEB624: MessageSpec = customsMessage('CEB624', receiptNode('InvtCancelReturn', LIST_RECEIPT_IDS));
