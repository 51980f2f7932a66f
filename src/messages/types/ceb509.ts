/** CEB509 departure 离境 (DepartureHead + DepartureList) and its receipt CEB510 (docs/domain.md §2.4). */
import { COMPANY, COUNT, CUSTOMS, GNUM, PRE_NO, TIME14 } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB509 离境单 departure, sent by the logistics enterprise. */
export const CEB509: MessageSpec = declaration(
  'CEB509',
  many('Departure', [
    one('DepartureHead', [
      ...DECLARATION_HEADER,
      req('customsCode', 4, CUSTOMS),
      req('copNo', 30),
      opt('preNo', 18, PRE_NO),
      ...party('logistics'),
      req('trafMode', 1),
      req('trafName', 100),
      req('voyageNo', 32),
      req('billNo', 37),
      req('leaveTime', 14, TIME14),
      req('msgCount', 9, COUNT),
      req('msgSeqNo', 9, COUNT),
      opt('note', 1000),
    ]),
    many('DepartureList', [req('gnum', 4, GNUM), req('totalPackageNo', 9, COUNT), req('logisticsNo', 60), opt('note', 1000)]),
  ]),
);

/** CEB510 departure receipt. */
export const CEB510: MessageSpec = customsMessage(
  'CEB510',
  receiptNode('DepartureReturn', [req('customsCode', 4, CUSTOMS), req('logisticsCode', 18, COMPANY), req('copNo', 30), opt('preNo', 18, PRE_NO)]),
);
