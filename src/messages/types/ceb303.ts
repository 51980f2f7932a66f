/**
 * CEB303 export order (OrderHead + OrderList) and its receipt CEB304 (docs/domain.md §2.4).
 * orderType E is a B2C export order, B a B2B export order (9710), W an overseas-warehouse booking (9810).
 */
import { CODE3, COMPANY, GNUM, oneOf } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB303 出口订单 export order. goodsValue is FOB, excluding freight. */
export const CEB303: MessageSpec = declaration(
  'CEB303',
  many('Order', [
    one('OrderHead', [
      ...DECLARATION_HEADER,
      req('orderType', 1, oneOf('E', 'B', 'W')),
      req('orderNo', 60),
      ...party('ebp'),
      ...party('ebc'),
      amount('goodsValue'),
      amount('freight'),
      req('currency', 3, CODE3),
      opt('note', 1000),
    ]),
    many('OrderList', [
      req('gnum', 4, GNUM),
      opt('itemNo', 30),
      req('itemName', 250),
      opt('itemDescribe', 1000),
      opt('barCode', 50),
      req('unit', 3, CODE3),
      req('currency', 3, CODE3),
      amount('qty'),
      amount('price'),
      amount('totalPrice'),
      opt('note', 1000),
    ]),
  ]),
);

/** CEB304 export order receipt. */
export const CEB304: MessageSpec = customsMessage(
  'CEB304',
  receiptNode('OrderReturn', [req('ebpCode', 18, COMPANY), req('ebcCode', 18, COMPANY), req('orderNo', 60)]),
);
