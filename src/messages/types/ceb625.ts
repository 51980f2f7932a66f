/** CEB625 import return request (InvtRefundHead + InvtRefundList) and its receipt CEB626 (docs/domain.md §2.4). */
import { CODE3, GNUM, HS10 } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, LIST_RECEIPT_IDS, receiptNode } from './common.js';
import { LIST_REQUEST_HEAD } from './ceb623.js';

/** CEB625 退货申请单 return of goods released on an import list. */
export const CEB625: MessageSpec = declaration(
  'CEB625',
  many('InvtRefund', [
    one('InvtRefundHead', LIST_REQUEST_HEAD),
    many('InvtRefundList', [
      req('gnum', 4, GNUM),
      req('gcode', 10, HS10),
      req('gname', 250),
      amount('qty'),
      req('unit', 3, CODE3),
      opt('note', 1000),
    ]),
  ]),
);

/** CEB626 return receipt. */
export const CEB626: MessageSpec = customsMessage('CEB626', receiptNode('InvtRefundReturn', LIST_RECEIPT_IDS));
