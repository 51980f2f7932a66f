/** CEB505 export waybill (Logistics) and its receipt CEB506 (docs/domain.md §2.4). */
import { CODE3, COMPANY, COUNT } from '../formats.js';
import { many, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB505 出口运单 export waybill, sent by the logistics enterprise. */
export const CEB505: MessageSpec = declaration(
  'CEB505',
  many('Logistics', [
    ...DECLARATION_HEADER,
    ...party('logistics'),
    req('logisticsNo', 60),
    amount('freight'),
    amount('insuredFee'),
    req('currency', 3, CODE3),
    amount('grossWeight'),
    req('packNo', 9, COUNT),
    req('goodsInfo', 200),
    ...party('ebc'),
    req('ebcTelephone', 50),
    opt('note', 1000),
  ]),
);

/** CEB506 export waybill receipt. */
export const CEB506: MessageSpec = customsMessage(
  'CEB506',
  receiptNode('LogisticsReturn', [req('logisticsCode', 18, COMPANY), req('logisticsNo', 60)]),
);
