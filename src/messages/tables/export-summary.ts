/**
 * Export summary declaration: CEB701/702 summary application, CEB792 summary result.
 * Source: the official export schemas of the 2018 specification (GACC Announcement No. 113 of 2018) and of its 2022-05 revision; element names, order, occurrences and lengths as the schemas give them.
 */
import { by, decimal, int, node, occurs, only, opt, type Table, text, withDefault } from '../spec.js';
import { BASE_SUBSCRIBE, ceb, EXPORT_TRANSFER, EXTEND_MESSAGE, SIGNATURE } from './common.js';

/** CEB701 汇总申请单 summary application. */
export const CEB701: Table = (v) =>
  ceb('CEB701', v, [
    node('SummaryApply', [
      node('SummaryApplyHead', [
        text('guid', 36),
        text('appType', 1),
        text('appTime', 14),
        withDefault(text('appStatus', 1), '2'),
        text('customsCode', 4),
        text('copNo', by(v, 1, 0), 30),
        opt(text('preNo', 0, 18)),
        opt(text('sumNo', 0, 18)),
        text('agentCode', by(v, 1, 0), 18),
        text('agentName', by(v, 1, 0), 100),
        text('ebcCode', by(v, 1, 0), 18),
        text('ebcName', by(v, 1, 0), 100),
        text('declAgentCode', by(v, 1, 0), 18),
        text('declAgentName', by(v, 1, 0), 100),
        opt(text('startTime', 14)),
        opt(text('endTime', 14)),
        opt(text('loctNo', 0, 10)),
        text('summaryFlag', 1),
        text('itemNameFlag', 1),
        int('msgCount', 9),
        int('msgSeqNo', 9),
        opt(text('note', 0, 1000)),
      ]),
      node('SummaryApplyList', [
        text('invtNo', by(v, 18, 0), by(v, 18, 20)),
      ], by(v, [1, 100], [0, Infinity])),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB702 summary application receipt. */
export const CEB702: Table = (v) =>
  ceb('CEB702', v, [
    node('SummaryReturn', [
      text('guid', 36),
      text('agentCode', 0, 18),
      text('ebcCode', 0, 18),
      text('copNo', 0, 30),
      text('preNo', 18),
      opt(text('sumNo', 18)),
      int('msgSeqNo', 9),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB792 汇总结果单 summary result. */
export const CEB792: Table = (v) =>
  ceb('CEB792', v, [
    node('SummaryResult', [
      node('SummaryResultHead', [
        text('guid', 36),
        text('customsCode', 4),
        text('sumNo', 18),
        text('opDate', 17),
        text('declSeqNo', 18),
        opt(text('decTmpNo', 18)),
        opt(text('decPreNo', 18)),
        opt(text('entryId', 18)),
        text('decState', 1, 3),
        text('agentCode', 0, 18),
        text('agentName', 0, 100),
        text('ebcCode', 0, 18),
        text('ebcName', 0, 100),
        text('declAgentCode', 0, 18),
        text('declAgentName', 0, 100),
        decimal('grossWeight'),
        decimal('netWeight'),
        int('msgCount', 9),
        int('msgSeqNo', 9),
        opt(text('note', 0, 1000)),
      ]),
      node('SummaryResultList', [
        text('invtNo', by(v, 18, 0), by(v, 18, 20)),
        text('logisticsNo', 0, by(v, 80, 32)),
        ...only(v, '202205', int('gseqno', 5)),
        int('gnum', 5),
        text('gcode', 10),
      ], by(v, [0, 100], [0, Infinity])),
    ], [1, 100]),
  ]);
