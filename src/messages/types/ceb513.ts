/**
 * CEB513 waybill status (LogisticsStatus) and its receipt CEB514 (docs/domain.md §2.4).
 * logisticsStatus values are not collected (docs/domain.md §6); any short code is accepted.
 */
import { COMPANY, TIME14 } from '../formats.js';
import { many, opt, req, type MessageSpec } from '../spec.js';
import { customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

/** CEB513 运单状态 waybill status, sent by the logistics enterprise. */
export const CEB513: MessageSpec = declaration(
  'CEB513',
  many('LogisticsStatus', [
    ...DECLARATION_HEADER,
    ...party('logistics'),
    req('logisticsNo', 60),
    req('logisticsStatus', 1),
    req('logisticsTime', 14, TIME14),
    opt('note', 1000),
  ]),
);

/** CEB514 waybill-status receipt. */
export const CEB514: MessageSpec = customsMessage(
  'CEB514',
  receiptNode('LogisticsStatusReturn', [req('logisticsCode', 18, COMPANY), req('logisticsNo', 60), req('logisticsStatus', 1)]),
);
