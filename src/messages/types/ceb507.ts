/**
 * CEB507 arrival report 运抵 (ArrivalHead + ArrivalList) and its receipt CEB508 (docs/domain.md §2.4).
 * Large reports are split: msgSeqNo counts from 1 to msgCount.
 */
import { COMPANY, COUNT, CUSTOMS, GNUM, IE_FLAG, PRE_NO } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB507 运抵单 arrival report, sent by the site operator or the logistics enterprise. */
export const CEB507: MessageSpec = declaration(
  'CEB507',
  many('Arrival', [
    one('ArrivalHead', [
      ...DECLARATION_HEADER,
      req('customsCode', 4, CUSTOMS),
      req('copNo', 30),
      opt('preNo', 18, PRE_NO),
      ...party('operator'),
      opt('loctNo', 10),
      req('ieFlag', 1, IE_FLAG),
      req('trafMode', 1),
      req('billNo', 37),
      opt('domesticTrafNo', 100),
      ...party('logistics'),
      req('msgCount', 9, COUNT),
      req('msgSeqNo', 9, COUNT),
      opt('note', 1000),
    ]),
    many('ArrivalList', [req('gnum', 4, GNUM), req('logisticsNo', 60), req('totalPackageNo', 9, COUNT), opt('note', 1000)]),
  ]),
);

/** CEB508 arrival receipt. */
export const CEB508: MessageSpec = customsMessage(
  'CEB508',
  receiptNode('ArrivalReturn', [req('customsCode', 4, CUSTOMS), req('operatorCode', 18, COMPANY), req('copNo', 30), opt('preNo', 18, PRE_NO)]),
);
