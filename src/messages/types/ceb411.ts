/** CEB411 import payment record (PaymentHead) and its receipt CEB412 (docs/domain.md §2.4). */
import { CODE3, COMPANY, ID_TYPE, TIME14 } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB411 支付单 payment record, sent by the payment enterprise. */
export const CEB411: MessageSpec = declaration(
  'CEB411',
  many('Payment', [
    one('PaymentHead', [
      ...DECLARATION_HEADER,
      ...party('pay'),
      req('payTransactionId', 60),
      req('orderNo', 60),
      ...party('ebp'),
      req('payerIdType', 1, ID_TYPE),
      req('payerIdNumber', 60),
      req('payerName', 60),
      req('telephone', 30),
      amount('amountPaid'),
      req('currency', 3, CODE3),
      req('payTime', 14, TIME14),
      opt('note', 1000),
    ]),
  ]),
);

/** CEB412 payment receipt. */
export const CEB412: MessageSpec = customsMessage(
  'CEB412',
  receiptNode('PaymentReturn', [req('payCode', 18, COMPANY), req('payTransactionId', 60)]),
);
