/** CEB711 warehouse-entry list (DeliveryHead + DeliveryList) and its receipt CEB712 (docs/domain.md §2.4). */
import { COMPANY, CUSTOMS, GNUM, IE_FLAG, PRE_NO } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB711 入库明细单 warehouse-entry list, sent by the supervised-site operator. */
export const CEB711: MessageSpec = declaration(
  'CEB711',
  many('Delivery', [
    one('DeliveryHead', [
      ...DECLARATION_HEADER,
      req('customsCode', 4, CUSTOMS),
      req('copNo', 30),
      opt('preNo', 18, PRE_NO),
      opt('rkdNo', 18),
      ...party('operator'),
      req('ieFlag', 1, IE_FLAG),
      req('trafMode', 1),
      opt('trafNo', 100),
      opt('voyageNo', 32),
      req('billNo', 37),
      ...party('logistics'),
      opt('unloadLocation', 50),
      opt('note', 1000),
    ]),
    many('DeliveryList', [req('gnum', 4, GNUM), req('logisticsNo', 60), opt('note', 1000)]),
  ]),
);

/** CEB712 warehouse-entry receipt. */
export const CEB712: MessageSpec = customsMessage(
  'CEB712',
  receiptNode('DeliveryReturn', [
    req('customsCode', 4, CUSTOMS),
    req('operatorCode', 18, COMPANY),
    req('copNo', 30),
    opt('preNo', 18, PRE_NO),
    opt('rkdNo', 18),
  ]),
);
