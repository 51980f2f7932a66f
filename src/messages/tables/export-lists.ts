/**
 * Export inventory lists: CEB603/604 list, CEB605/606 cancellation, CEB607/608 master/house-bill link.
 * Source: the official export schemas of the 2018 specification (GACC Announcement No. 113 of 2018) and of its 2022-05 revision; element names, order, occurrences and lengths as the schemas give them.
 */
import { by, COLLAPSE, decimal, fixedTo, int, node, occurs, opt, PRESERVE, type Table, text } from '../spec.js';
import { BASE_SUBSCRIBE, ceb, EXPORT_HEAD, EXPORT_TRANSFER, EXTEND_MESSAGE, SIGNATURE } from './common.js';

/** CEB603 出口清单 export inventory list. */
export const CEB603: Table = (v) =>
  ceb('CEB603', v, [
    node('Inventory', [
      node('InventoryHead', [
        ...EXPORT_HEAD,
        text('customsCode', 4),
        text('ebpCode', by(v, 1, 0), by(v, 50, 18)),
        text('ebpName', by(v, 1, 0), 100),
        text('orderNo', by(v, 1, 0), 60),
        text('logisticsCode', by(v, 1, 0), 18),
        text('logisticsName', by(v, 1, 0), 100),
        text('logisticsNo', by(v, 1, 0), by(v, 80, 32)),
        text('copNo', by(v, 1, 0), 30),
        opt(text('preNo', 18)),
        opt(text('invtNo', by(v, 18, 0), by(v, 18, 20))),
        text('ieFlag', 1),
        text('portCode', 4),
        text('ieDate', 8),
        text('statisticsFlag', 1),
        text('agentCode', by(v, 1, 0), 18),
        text('agentName', by(v, 1, 0), 100),
        text('ebcCode', by(v, 1, 0), 18),
        text('ebcName', by(v, 1, 0), 100),
        text('ownerCode', by(v, 1, 0), 18),
        text('ownerName', by(v, 1, 0), 100),
        opt(text('iacCode', 0, 18)),
        opt(text('iacName', 0, 100)),
        opt(text('emsNo', 0, 30)),
        text('tradeMode', 4),
        text('trafMode', 1, 1, by(v, PRESERVE, COLLAPSE)),
        opt(text('trafName', 0, 100)),
        opt(text('voyageNo', 0, 32)),
        opt(text('billNo', 0, 37)),
        opt(text('totalPackageNo', 0, by(v, 60, 37))),
        opt(text('loctNo', 0, 10)),
        opt(text('licenseNo', 0, 19)),
        text('country', 3),
        text('POD', 3, 4, by(v, PRESERVE, COLLAPSE)),
        decimal('freight'),
        text('fCurrency', 3),
        by(v, text('fFlag', 1), fixedTo(text('fFlag', 1), '3')),
        decimal('insuredFee'),
        text('iCurrency', 3),
        by(v, text('iFlag', 1), fixedTo(text('iFlag', 1), '3')),
        text('wrapType', 1, 1, by(v, PRESERVE, COLLAPSE)),
        int('packNo', 9),
        decimal('grossWeight'),
        decimal('netWeight'),
        opt(text('note', 0, 1000)),
      ]),
      node('InventoryList', [
        int('gnum', 5),
        text('itemNo', by(v, 1, 0), 20),
        opt(text('itemRecordNo', 0, 30)),
        opt(text('itemName', 0, 250)),
        text('gcode', 10),
        text('gname', by(v, 1, 0), 250),
        text('gmodel', by(v, 1, 0), 250, by(v, PRESERVE, COLLAPSE)),
        text('barCode', by(v, 1, 0), 50, by(v, PRESERVE, COLLAPSE)),
        text('country', 3),
        text('currency', 3),
        decimal('qty'),
        decimal('qty1'),
        opt(decimal('qty2')),
        text('unit', 3),
        text('unit1', 3),
        opt(text('unit2', by(v, 3, 0), 3)),
        decimal('price'),
        decimal('totalPrice'),
        opt(text('note', 0, 1000)),
      ], [1, 100]),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB604 export list receipt. */
export const CEB604: Table = (v) =>
  ceb('CEB604', v, [
    node('InventoryReturn', [
      text('guid', 36),
      text('agentCode', 0, 18),
      text('copNo', 0, 30),
      text('preNo', 18),
      text('invtNo', by(v, 18, 0), by(v, 18, 20)),
      text('ebcCode', 0, 18),
      text('ebpCode', by(v, 1, 0), by(v, 50, 18)),
      text('orderNo', 0, 60),
      text('statisticsFlag', 1),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB605 撤销申请单 export list cancellation. */
export const CEB605: Table = (v) =>
  ceb('CEB605', v, [
    node('InvtCancel', [
      ...EXPORT_HEAD,
      text('customsCode', 4),
      text('copNo', by(v, 1, 0), 30),
      opt(text('preNo', 18)),
      text('invtNo', by(v, 18, 0), by(v, 18, 20)),
      text('reason', by(v, 1, 0), 1000, by(v, PRESERVE, COLLAPSE)),
      text('agentCode', by(v, 1, 0), 18),
      text('agentName', by(v, 1, 0), 100),
      text('ebcCode', by(v, 1, 0), 18),
      text('ebcName', by(v, 1, 0), 100),
      opt(text('note', 0, 1000)),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB606 export cancellation receipt. */
export const CEB606: Table = (v) =>
  ceb('CEB606', v, [
    node('InvtCancelReturn', [
      text('guid', 36),
      text('agentCode', 0, 18),
      text('copNo', 0, 30),
      text('preNo', 18),
      text('invtNo', by(v, 18, 0), by(v, 18, 20)),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB607 清单总分单 master/house-bill link. */
export const CEB607: Table = (v) =>
  ceb('CEB607', v, [
    node('WayBill', [
      node('WayBillHead', [
        ...EXPORT_HEAD,
        text('customsCode', 4),
        text('copNo', by(v, 1, 0), 30),
        opt(text('preNo', 18)),
        text('agentCode', by(v, 1, 0), 18),
        text('agentName', by(v, 1, 0), 100),
        opt(text('loctNo', 0, 10)),
        text('trafMode', 1, 1, by(v, PRESERVE, COLLAPSE)),
        text('trafName', by(v, 1, 0), 100, by(v, PRESERVE, COLLAPSE)),
        text('voyageNo', by(v, 1, 0), 32, by(v, PRESERVE, COLLAPSE)),
        text('billNo', by(v, 1, 0), 37),
        opt(text('domesticTrafNo', 0, 100)),
        decimal('grossWeight'),
        text('logisticsCode', by(v, 1, 0), 18),
        text('logisticsName', by(v, 1, 0), 100),
        int('msgCount', 9),
        int('msgSeqNo', 9),
        opt(text('note', 0, 1000)),
      ]),
      node('WayBillList', [
        int('gnum', 5),
        opt(text('totalPackageNo', 0, 60)),
        text('logisticsNo', by(v, 1, 0), by(v, 80, 32)),
        opt(text('invtNo', by(v, 18, 0), by(v, 18, 20))),
        opt(text('note', 0, 1000)),
      ], by(v, [1, 100], [1, Infinity])),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB608 master/house-bill receipt. */
export const CEB608: Table = (v) =>
  ceb('CEB608', v, [
    node('WayBillReturn', [
      text('guid', 36),
      text('agentCode', 0, 18),
      text('logisticsCode', 0, 18),
      text('copNo', 0, 30),
      text('preNo', 18),
      text('billNo', 0, 37),
      int('msgSeqNo', 9),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);
