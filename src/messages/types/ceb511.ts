/** CEB511 import waybill (LogisticsHead) and its receipt CEB512 (docs/domain.md §2.4). */
import { CODE3, COMPANY, COUNT } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB511 运单 waybill, sent by the logistics enterprise. */
export const CEB511: MessageSpec = declaration(
  'CEB511',
  many('Logistics', [
    one('LogisticsHead', [
      ...DECLARATION_HEADER,
      ...party('logistics'),
      req('logisticsNo', 60),
      opt('billNo', 37),
      req('orderNo', 60),
      amount('freight'),
      amount('insuredFee'),
      req('currency', 3, CODE3),
      amount('weight'),
      req('packNo', 9, COUNT),
      opt('goodsInfo', 200),
      req('consignee', 100),
      req('consigneeAddress', 200),
      req('consigneeTelephone', 50),
      opt('note', 1000),
    ]),
  ]),
);

/** CEB512 waybill receipt. */
export const CEB512: MessageSpec = customsMessage(
  'CEB512',
  receiptNode('LogisticsReturn', [req('logisticsCode', 18, COMPANY), req('logisticsNo', 60)]),
);
