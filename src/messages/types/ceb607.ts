/** CEB607 master/house-bill link 清单总分单 (WayBillHead + WayBillList) and its receipt CEB608 (docs/domain.md §2.4). */
import { COMPANY, COUNT, CUSTOMS, GNUM, INVT_NO, PRE_NO } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB607 清单总分单 links export lists to a master bill and its transport. */
export const CEB607: MessageSpec = declaration(
  'CEB607',
  many('WayBill', [
    one('WayBillHead', [
      ...DECLARATION_HEADER,
      req('customsCode', 4, CUSTOMS),
      req('copNo', 30),
      opt('preNo', 18, PRE_NO),
      ...party('agent'),
      opt('loctNo', 10),
      req('trafMode', 1),
      req('trafName', 100),
      req('voyageNo', 32),
      req('billNo', 37),
      opt('domesticTrafNo', 100),
      amount('grossWeight'),
      ...party('logistics'),
      req('msgCount', 9, COUNT),
      req('msgSeqNo', 9, COUNT),
      opt('note', 1000),
    ]),
    many('WayBillList', [
      req('gnum', 4, GNUM),
      req('totalPackageNo', 9, COUNT),
      req('logisticsNo', 60),
      req('invtNo', 18, INVT_NO),
      opt('note', 1000),
    ]),
  ]),
);

/** CEB608 master/house-bill receipt. */
export const CEB608: MessageSpec = customsMessage(
  'CEB608',
  receiptNode('WayBillReturn', [req('agentCode', 18, COMPANY), req('copNo', 30), opt('preNo', 18, PRE_NO)]),
);
