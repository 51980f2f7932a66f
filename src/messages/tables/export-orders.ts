/**
 * Export orders and movements: CEB303/304 order, CEB403/404 payment receipt, CEB505/506 waybill, CEB507/508 arrival, CEB509/510 departure.
 * Source: the official export schemas of the 2018 specification (GACC Announcement No. 113 of 2018) and of its 2022-05 revision; element names, order, occurrences and lengths as the schemas give them.
 */
import { by, COLLAPSE, decimal, int, node, occurs, opt, PRESERVE, type Table, text, withDefault } from '../spec.js';
import { BASE_SUBSCRIBE, ceb, EXPORT_HEAD, EXPORT_TRANSFER, EXTEND_MESSAGE, SIGNATURE } from './common.js';

/** CEB303 出口订单 export order. */
export const CEB303: Table = (v) =>
  ceb('CEB303', v, [
    node('Order', [
      node('OrderHead', [
        text('guid', 36),
        text('appType', 1),
        text('appTime', 14),
        by(v, withDefault(text('appStatus', 1), '2'), withDefault(text('appStatus', 1), '1')),
        text('orderType', 1),
        text('orderNo', by(v, 1, 0), 60),
        text('ebpCode', by(v, 1, 0), by(v, 50, 18)),
        text('ebpName', by(v, 1, 0), 100),
        text('ebcCode', by(v, 1, 0), 18),
        text('ebcName', by(v, 1, 0), 100),
        decimal('goodsValue'),
        withDefault(decimal('freight'), '0'),
        text('currency', 3),
        opt(text('note', 0, 1000)),
      ]),
      node('OrderList', [
        int('gnum', 5),
        text('itemNo', by(v, 1, 0), 30),
        text('itemName', by(v, 1, 0), 250),
        opt(text('itemDescribe', 0, 1000)),
        opt(text('barCode', 0, 50)),
        text('unit', 3),
        text('currency', 3),
        decimal('qty'),
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

/** CEB304 export order receipt. */
export const CEB304: Table = (v) =>
  ceb('CEB304', v, [
    node('OrderReturn', [
      text('guid', 36),
      text('ebpCode', by(v, 1, 0), by(v, 50, 18)),
      text('ebcCode', 0, 18),
      text('orderNo', 0, 60),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB403 收款单 payment receipt. */
export const CEB403: Table = (v) =>
  ceb('CEB403', v, [
    node('Receipts', [
      text('guid', 36),
      text('appType', 1),
      text('appTime', 14),
      by(v, withDefault(text('appStatus', 1), '2'), withDefault(text('appStatus', 1), '1')),
      text('ebpCode', by(v, 1, 0), by(v, 50, 18)),
      text('ebpName', by(v, 1, 0), 100),
      text('ebcCode', by(v, 1, 0), 18),
      text('ebcName', by(v, 1, 0), 100),
      text('orderNo', by(v, 1, 0), 60),
      opt(text('payCode', 0, 18)),
      text('payName', by(v, 1, 0), 100),
      opt(text('payNo', 0, 60)),
      decimal('charge'),
      text('currency', 3),
      text('accountingDate', 14),
      opt(text('note', 0, 1000)),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB404 payment-receipt receipt. */
export const CEB404: Table = (v) =>
  ceb('CEB404', v, [
    node('ReceiptsReturn', [
      text('guid', 36),
      text('ebcCode', 0, 18),
      text('orderNo', 0, 60),
      opt(text('payNo', 0, 60)),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB505 出口运单 export waybill. */
export const CEB505: Table = (v) =>
  ceb('CEB505', v, [
    node('Logistics', [
      text('guid', 36),
      text('appType', 1),
      text('appTime', 14),
      withDefault(text('appStatus', 1), '2'),
      text('logisticsCode', by(v, 1, 0), 18),
      text('logisticsName', by(v, 1, 0), 100),
      text('logisticsNo', by(v, 1, 0), by(v, 80, 32)),
      decimal('freight'),
      decimal('insuredFee'),
      text('currency', 3),
      decimal('grossWeight'),
      int('packNo', 9),
      text('goodsInfo', by(v, 1, 0), 200, by(v, PRESERVE, COLLAPSE)),
      opt(text('ebcCode', 0, 18)),
      opt(text('ebcName', 0, 100)),
      opt(text('ebcTelephone', 0, 50)),
      opt(text('note', 0, 1000)),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB506 export waybill receipt. */
export const CEB506: Table = (v) =>
  ceb('CEB506', v, [
    node('LogisticsReturn', [
      text('guid', 36),
      text('logisticsCode', 0, 18),
      text('logisticsNo', 0, by(v, 80, 32)),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB507 运抵单 arrival report. */
export const CEB507: Table = (v) =>
  ceb('CEB507', v, [
    node('Arrival', [
      node('ArrivalHead', [
        text('guid', 36),
        text('appType', 1),
        text('appTime', 14),
        withDefault(text('appStatus', 1), '1'),
        text('customsCode', 4),
        text('copNo', by(v, 1, 0), 30),
        opt(text('preNo', 18)),
        text('operatorCode', by(v, 1, 0), 18),
        text('operatorName', by(v, 1, 0), 100),
        opt(text('loctNo', 0, 10)),
        text('ieFlag', 1),
        text('trafMode', 1, 1, by(v, PRESERVE, COLLAPSE)),
        opt(text('billNo', 0, 37)),
        text('domesticTrafNo', by(v, 1, 0), 100, by(v, PRESERVE, COLLAPSE)),
        text('logisticsCode', by(v, 1, 0), 18),
        text('logisticsName', by(v, 1, 0), 100),
        int('msgCount', 9),
        int('msgSeqNo', 9),
        opt(text('note', 0, 1000)),
      ]),
      node('ArrivalList', [
        int('gnum', 5),
        text('logisticsNo', by(v, 1, 0), by(v, 80, 32)),
        opt(text('totalPackageNo', 0, 37)),
        opt(text('note', 0, 1000)),
      ], [0, Infinity]),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB508 arrival receipt. */
export const CEB508: Table = (v) =>
  ceb('CEB508', v, [
    node('ArrivalReturn', [
      text('guid', 36),
      text('operatorCode', 0, 18),
      text('logisticsCode', 0, 18),
      text('preNo', 18),
      text('copNo', 0, 30),
      text('billNo', 0, 37),
      int('msgSeqNo', 9),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);

/** CEB509 离境单 departure. */
export const CEB509: Table = (v) =>
  ceb('CEB509', v, [
    node('Departure', [
      node('DepartureHead', [
        ...EXPORT_HEAD,
        text('customsCode', 4),
        text('copNo', by(v, 1, 0), 30),
        opt(text('preNo', 18)),
        text('logisticsCode', by(v, 1, 0), 18),
        text('logisticsName', by(v, 1, 0), 100),
        text('trafMode', 1, 1, by(v, PRESERVE, COLLAPSE)),
        opt(text('trafName', 0, 100)),
        opt(text('voyageNo', 0, 32)),
        opt(text('billNo', 0, 37)),
        text('leaveTime', 14),
        int('msgCount', 9),
        int('msgSeqNo', 9),
        opt(text('note', 0, 1000)),
      ]),
      node('DepartureList', [
        int('gnum', 5),
        opt(text('totalPackageNo', 0, 37)),
        text('logisticsNo', by(v, 1, 0), by(v, 80, 32)),
        opt(text('note', 0, 1000)),
      ], by(v, [1, 100], [1, Infinity])),
    ], [1, 100]),
    EXPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(SIGNATURE),
    opt(EXTEND_MESSAGE),
  ]);

/** CEB510 departure receipt. */
export const CEB510: Table = (v) =>
  ceb('CEB510', v, [
    node('DepartureReturn', [
      text('guid', 36),
      text('logisticsCode', 0, 18),
      text('copNo', 0, 30),
      text('preNo', 18),
      int('msgSeqNo', 9),
      text('returnStatus', by(v, 0, 1), 10),
      text('returnTime', 17),
      text('returnInfo', 0, 1000),
    ], [1, 100]),
  ]);
