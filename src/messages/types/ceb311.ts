/** CEB311 import order (OrderHead + OrderList) and its receipt CEB312 (docs/domain.md §2.4). */
import { CODE3, COMPANY, DISTRICT, GNUM, ID_TYPE, oneOf } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB311 订单 import order. */
export const CEB311: MessageSpec = declaration(
  'CEB311',
  many('Order', [
    one('OrderHead', [
      ...DECLARATION_HEADER,
      req('orderType', 1, oneOf('I')),
      req('orderNo', 60),
      ...party('ebp'),
      ...party('ebc'),
      amount('goodsValue'),
      amount('freight'),
      amount('discount'),
      amount('taxTotal'),
      amount('acturalPaid'),
      req('currency', 3, CODE3),
      req('buyerRegNo', 60),
      req('buyerName', 60),
      req('buyerTelephone', 30),
      req('buyerIdType', 1, ID_TYPE),
      req('buyerIdNumber', 60),
      ...party('pay', false),
      opt('payTransactionId', 60),
      opt('batchNumbers', 100),
      req('consignee', 100),
      req('consigneeTelephone', 50),
      req('consigneeAddress', 200),
      opt('consigneeDistrict', 6, DISTRICT),
      opt('note', 1000),
    ]),
    many('OrderList', [
      req('gnum', 4, GNUM),
      opt('itemNo', 30),
      req('itemName', 250),
      req('gmodel', 250),
      opt('itemDescribe', 1000),
      opt('barCode', 50),
      req('unit', 3, CODE3),
      amount('qty'),
      amount('price'),
      amount('totalPrice'),
      req('currency', 3, CODE3),
      req('country', 3, CODE3),
      opt('note', 1000),
    ]),
  ]),
);

/** CEB312 order receipt. */
export const CEB312: MessageSpec = customsMessage(
  'CEB312',
  receiptNode('OrderReturn', [req('ebpCode', 18, COMPANY), req('ebcCode', 18, COMPANY), req('orderNo', 60)]),
);
