/** CEB605 export list cancellation (InvtCancel) and its receipt CEB606 (docs/domain.md §2.4). */
import { CUSTOMS, INVT_NO, PRE_NO } from '../formats.js';
import { many, opt, req, type MessageSpec } from '../spec.js';
import { customsMessage, declaration, DECLARATION_HEADER, LIST_RECEIPT_IDS, party, receiptNode } from './common.js';

/** CEB605 撤销申请单 cancellation of an export list. */
export const CEB605: MessageSpec = declaration(
  'CEB605',
  many('InvtCancel', [
    ...DECLARATION_HEADER,
    req('customsCode', 4, CUSTOMS),
    req('copNo', 30),
    opt('preNo', 18, PRE_NO),
    req('invtNo', 18, INVT_NO),
    req('reason', 1000),
    ...party('agent'),
    ...party('ebc'),
    opt('note', 1000),
  ]),
);

/** CEB606 export cancellation receipt. */
export const CEB606: MessageSpec = customsMessage('CEB606', receiptNode('InvtCancelReturn', LIST_RECEIPT_IDS));
