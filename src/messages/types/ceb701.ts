/**
 * Export summary declaration (docs/domain.md §2.4, §5): CEB701 summary application
 * (SummaryApplyHead + SummaryApplyList of invtNo), its receipt CEB702, and CEB792 summary result
 * (sent by customs only; entryId is the 报关单 number).
 */
import { COMPANY, COUNT, CUSTOMS, DATE8, GNUM, GUID, INVT_NO, PRE_NO, oneOf } from '../formats.js';
import { many, one, opt, req, type FieldSpec, type MessageSpec } from '../spec.js';
import { customsMessage, declaration, DECLARATION_HEADER, party, receiptNode } from './common.js';

const SUMMARY_IDS: readonly FieldSpec[] = [req('customsCode', 4, CUSTOMS), req('copNo', 30), opt('preNo', 18, PRE_NO), opt('sumNo', 18)];

const LISTS = many('SummaryApplyList', [req('gnum', 4, GNUM), req('invtNo', 18, INVT_NO)]);

/** CEB701 汇总申请单 summary application over a period's closed export lists. */
export const CEB701: MessageSpec = declaration(
  'CEB701',
  many('SummaryApply', [
    one('SummaryApplyHead', [
      ...DECLARATION_HEADER,
      ...SUMMARY_IDS,
      ...party('agent'),
      ...party('ebc'),
      ...party('declAgent'),
      req('startTime', 8, DATE8),
      req('endTime', 8, DATE8),
      opt('loctNo', 10),
      req('summaryFlag', 1, oneOf('1', '2')),
      req('itemNameFlag', 1, oneOf('1', '2')),
      req('msgCount', 9, COUNT),
      req('msgSeqNo', 9, COUNT),
      opt('note', 1000),
    ]),
    LISTS,
  ]),
);

/** CEB702 summary-application receipt. */
export const CEB702: MessageSpec = customsMessage(
  'CEB702',
  receiptNode('SummaryApplyReturn', [...SUMMARY_IDS, req('agentCode', 18, COMPANY), req('ebcCode', 18, COMPANY)]),
);

/** CEB792 汇总结果单 summary result: the declaration number (entryId) and its state. */
export const CEB792: MessageSpec = customsMessage(
  'CEB792',
  many('SummaryResult', [
    one('SummaryResultHead', [
      req('guid', 36, GUID),
      ...SUMMARY_IDS,
      req('agentCode', 18, COMPANY),
      req('ebcCode', 18, COMPANY),
      opt('declSeqNo', 18),
      opt('entryId', 18),
      req('decState', 4),
      opt('note', 1000),
    ]),
    { ...LISTS, name: 'SummaryResultList', required: false },
  ]),
);
