/**
 * Export returns (2022-05 only): CEB213/214 return application, CEB215/216 return detail.
 * Source: the official export schemas of the 2018 specification (GACC Announcement No. 113 of 2018) and of its 2022-05 revision; element names, order, occurrences and lengths as the schemas give them.
 */
import { decimal, int, node, occurs, opt, type Table, text } from '../spec.js';
import { BASE_SUBSCRIBE, ceb, EXPORT_HEAD, EXPORT_TRANSFER, EXTEND_MESSAGE, SIGNATURE } from './common.js';

/** CEB213 退货申请单 export return application (2022-05 only). */
export const CEB213: Table = (v) =>
  ceb('CEB213', v, [
    node('InvtRefund', [
      node('InvtRefundHead', [
        ...EXPORT_HEAD,
        text('customsCode', 4),
        opt(text('loctNo', 0, 10)),
        text('ebpCode', 0, 18),
        text('ebpName', 0, 100),
        text('ebcCode', 0, 18),
        text('ebcName', 0, 100),
        text('logisticsNo', 0, 80),
        text('logisticsCode', 0, 18),
        text('logisticsName', 0, 100),
        text('coElNo', 0, 30),
        opt(text('preNo', 0, 18)),
        text('invtNo', 0, 20),
        opt(text('tradeMode', 4)),
        text('agentCode', 0, 18),
        text('agentName', 0, 100),
        text('billNo', 0, 37),
        text('ieFlag', 0, 1),
        text('trafMode', 0, 1),
        text('trafName', 0, 100),
        text('portCode', 0, 4),
        text('reason', 0, 500),
        text('country', 0, 3),
        text('voyageNo', 0, 32),
        opt(text('note', 0, 500)),
      ]),
      node('InvtRefundList', [
        int('gnum', 4),
        text('gcode', 0, 10),
        text('gname', 0, 250),
        text('gmodel', 0, 250),
        decimal('qty'),
        decimal('qty1'),
        text('unit', 3),
        text('unit1', 3),
        opt(decimal('qty2')),
        opt(text('unit2', 3)),
        opt(text('note', 0, 500)),
      ], [1, 100]),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB214 return application receipt (2022-05 only). */
export const CEB214: Table = (v) =>
  ceb('CEB214', v, [
    node('RefundReturn', [
      text('guid', 36),
      opt(text('ebpCode', 0, 18)),
      opt(text('ebcCode', 0, 18)),
      text('agentCode', 0, 18),
      text('coElNo', 0, 30),
      opt(text('preNo', 0, 18)),
      text('invtNo', 0, 20),
      text('returnStatus', 0, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB215 退货明细 export return detail (2022-05 only). */
export const CEB215: Table = (v) =>
  ceb('CEB215', v, [
    node('InvtRefundDetail', [
      ...EXPORT_HEAD,
      text('customsCode', 4),
      text('operatorCode', 0, 18),
      text('operatorName', 0, 100),
      text('logisticsCode', 0, 18),
      text('logisticsName', 0, 100),
      text('logisticsNo', 0, 80),
      opt(text('invtNo', 0, 20)),
      text('coElNo', 0, 20),
      opt(text('preNo', 0, 18)),
      text('billNo', 0, 37),
      text('ieFlag', 1),
      text('trafMode', 1),
      text('trafName', 0, 100),
      text('voyageNo', 0, 32),
      opt(text('location', 0, 250)),
      opt(text('note', 0, 250)),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB216 return detail receipt (2022-05 only). */
export const CEB216: Table = (v) =>
  ceb('CEB216', v, [
    node('InvtRefundDetailReturn', [
      text('guid', 36),
      text('operatorCode', 0, 18),
      text('logisticsCode', 0, 18),
      text('logisticsNo', 0, 80),
      text('coElNo', 0, 30),
      opt(text('preNo', 0, 18)),
      text('returnStatus', 0, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);
