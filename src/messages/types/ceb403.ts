/** CEB403 export payment receipt (Receipts) and its receipt CEB404 (docs/domain.md §2.4). */
import { CODE3, COMPANY, TIME14 } from '../formats.js';
import { many, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB403 收款单 payment received by the ebc; payName is 现金支付 for offline payment. */
export const CEB403: MessageSpec = declaration(
  'CEB403',
  many('Receipts', [
    ...DECLARATION_HEADER,
    ...party('ebp'),
    ...party('ebc'),
    req('orderNo', 60),
    ...party('pay'),
    req('payNo', 60),
    amount('charge'),
    req('currency', 3, CODE3),
    req('accountingDate', 14, TIME14),
    opt('note', 1000),
  ]),
);

/** CEB404 payment-receipt receipt. */
export const CEB404: MessageSpec = customsMessage(
  'CEB404',
  receiptNode('ReceiptsReturn', [req('ebpCode', 18, COMPANY), req('ebcCode', 18, COMPANY), req('orderNo', 60)]),
);
