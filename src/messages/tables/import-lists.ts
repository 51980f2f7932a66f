/**
 * Import inventory lists: CEB621/622 list, CEB623/624 cancellation, CEB625/626 return, CEB711/712 warehouse entry.
 * Source: the official import schemas of the 2018 specification (GACC Announcement No. 113 of 2018) and of its 2022-05 revision; element names, order, occurrences and lengths as the schemas give them.
 */
import { by, decimal, fixedTo, int, node, occurs, opt, type Table, text } from '../spec.js';
import { BASE_SUBSCRIBE, ceb, EXTEND_MESSAGE, IMPORT_HEAD, IMPORT_TRANSFER, SIGNATURE } from './common.js';

/** CEB621 申报清单 import inventory list (signed). */
export const CEB621: Table = (v) =>
  ceb('CEB621', v, [
    node('Inventory', [
      node('InventoryHead', [
        ...IMPORT_HEAD,
        text('orderNo', 1, 60),
        text('ebpCode', 1, 18),
        text('ebpName', 1, 100),
        text('ebcCode', 1, 18),
        text('ebcName', 1, 100),
        text('logisticsNo', 1, 60),
        text('logisticsCode', 1, 18),
        text('logisticsName', 1, 100),
        opt(text('copNo', 0, 20)),
        opt(text('preNo', 0, 18)),
        text('assureCode', 1, 30),
        opt(text('emsNo', 0, 30)),
        opt(text('invtNo', 0, 18)),
        text('ieFlag', 1),
        text('declTime', 8),
        text('customsCode', 4),
        text('portCode', 4),
        opt(text('ieDate', 8)),
        text('buyerIdType', 1),
        text('buyerIdNumber', 1, 60),
        text('buyerName', 1, 60),
        text('buyerTelephone', 1, 30),
        text('consigneeAddress', 1, 200),
        text('agentCode', 1, 18),
        text('agentName', 1, 100),
        opt(text('areaCode', 0, 18)),
        opt(text('areaName', 0, 100)),
        text('tradeMode', 4),
        text('trafMode', 1),
        opt(text('trafNo', 0, 100)),
        opt(text('voyageNo', 0, 32)),
        opt(text('billNo', 0, 37)),
        opt(text('loctNo', 0, 10)),
        opt(text('licenseNo', 0, 19)),
        text('country', 3),
        decimal('freight'),
        decimal('insuredFee'),
        fixedTo(text('currency', 3), '142'),
        opt(text('wrapType', 1)),
        int('packNo', 9),
        decimal('grossWeight'),
        decimal('netWeight'),
        opt(text('note', 0, 1000)),
      ]),
      node('InventoryList', [
        int('gnum'),
        opt(text('itemRecordNo', 0, 30)),
        opt(text('itemNo', 0, by(v, 30, 20))),
        opt(text('itemName', 0, 250)),
        text('gcode', 10),
        text('gname', 1, 250),
        text('gmodel', 1, 510),
        opt(text('barCode', 0, 50)),
        text('country', 3),
        opt(text('tradeCountry', by(v, 3, 1), 3)),
        fixedTo(text('currency', 3), '142'),
        decimal('qty'),
        text('unit', 3),
        decimal('qty1'),
        text('unit1', 3),
        opt(decimal('qty2')),
        opt(text('unit2', 3)),
        decimal('price'),
        decimal('totalPrice'),
        opt(text('note', 0, 1000)),
      ], [1, 99]),
    ], [1, 100]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    SIGNATURE,
  ]);

/** CEB622 import list receipt. */
export const CEB622: Table = (v) =>
  ceb('CEB622', v, [
    node('InventoryReturn', [
      text('guid', 36),
      opt(text('customsCode', 4)),
      opt(text('ebpCode', 1, 18)),
      opt(text('ebcCode', 1, 18)),
      opt(text('agentCode', 1, 18)),
      text('copNo', 1, 20),
      text('preNo', 18),
      opt(text('invtNo', 18)),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);

/** CEB623 撤销申请单 list cancellation (signed). */
export const CEB623: Table = (v) =>
  ceb('CEB623', v, [
    node('InvtCancel', [
      ...IMPORT_HEAD,
      text('customsCode', 4),
      text('orderNo', 1, 60),
      text('ebpCode', 1, 18),
      text('ebpName', 1, 100),
      text('ebcCode', 1, 18),
      text('ebcName', 1, 100),
      text('logisticsNo', 1, 60),
      text('logisticsCode', 1, 18),
      text('logisticsName', 1, 100),
      opt(text('copNo', 0, 20)),
      opt(text('preNo', 0, 18)),
      text('invtNo', 1, 18),
      text('buyerIdType', 1),
      text('buyerIdNumber', 1, 60),
      text('buyerName', 1, 60),
      text('buyerTelephone', 1, 30),
      text('agentCode', 1, 18),
      text('agentName', 1, 100),
      text('reason', 1, 1000),
      opt(text('note', 0, 1000)),
    ], [1, 100]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    SIGNATURE,
  ]);

/** CEB624 cancellation receipt. */
export const CEB624: Table = (v) =>
  ceb('CEB624', v, [
    node('InvtCancelReturn', [
      text('guid', 36),
      opt(text('customsCode', 4)),
      opt(text('agentCode', 1, 18)),
      opt(text('ebpCode', 1, 18)),
      opt(text('ebcCode', 1, 18)),
      text('copNo', 1, 20),
      text('preNo', 18),
      opt(text('invtNo', 18)),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);

/** CEB625 退货申请单 return request (signed). */
export const CEB625: Table = (v) =>
  ceb('CEB625', v, [
    node('InvtRefund', [
      node('InvtRefundHead', [
        ...IMPORT_HEAD,
        text('customsCode', 4),
        text('orderNo', 1, 60),
        text('ebpCode', 1, 18),
        text('ebpName', 1, 100),
        text('ebcCode', 1, 18),
        text('ebcName', 1, 100),
        text('logisticsNo', 1, 60),
        text('logisticsCode', 1, 18),
        text('logisticsName', 1, 100),
        opt(text('copNo', 0, 20)),
        opt(text('preNo', 0, 18)),
        text('invtNo', 1, 18),
        text('buyerIdType', 1),
        text('buyerIdNumber', 1, 60),
        text('buyerName', 1, 60),
        text('buyerTelephone', 1, 30),
        text('agentCode', 1, 18),
        text('agentName', 1, 100),
        text('reason', 1, 1000),
        opt(text('note', 0, 1000)),
      ]),
      node('InvtRefundList', [
        int('gnum'),
        text('gcode', 10),
        text('gname', 1, 250),
        decimal('qty'),
        text('unit', 3),
        opt(text('note', 0, 1000)),
      ], [1, 99]),
    ], [1, 100]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    SIGNATURE,
  ]);

/** CEB626 return receipt. */
export const CEB626: Table = (v) =>
  ceb('CEB626', v, [
    node('InvtRefundReturn', [
      text('guid', 36),
      opt(text('customsCode', 4)),
      opt(text('agentCode', 1, 18)),
      opt(text('ebpCode', 1, 18)),
      opt(text('ebcCode', 1, 18)),
      text('copNo', 1, 20),
      text('preNo', 18),
      opt(text('invtNo', 18)),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);

/** CEB711 入库明细单 warehouse-entry list (signed). */
export const CEB711: Table = (v) =>
  ceb('CEB711', v, [
    node('Delivery', [
      node('DeliveryHead', [
        ...IMPORT_HEAD,
        text('customsCode', 4),
        opt(text('copNo', 0, 20)),
        opt(text('preNo', 0, 18)),
        opt(text('rkdNo', 0, 18)),
        text('operatorCode', 1, 18),
        text('operatorName', 1, 100),
        text('ieFlag', 1),
        text('trafMode', 1),
        text('trafNo', 1, 100),
        text('voyageNo', 1, 32),
        text('billNo', 1, 37),
        text('logisticsCode', 1, 18),
        text('logisticsName', 1, 100),
        opt(text('unloadLocation', 0, 100)),
        opt(text('note', 0, 1000)),
      ]),
      node('DeliveryList', [
        int('gnum'),
        text('logisticsNo', 1, 60),
        opt(text('note', 0, 1000)),
      ], [1, Infinity]),
    ]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    SIGNATURE,
  ]);

/** CEB712 warehouse-entry receipt. */
export const CEB712: Table = (v) =>
  ceb('CEB712', v, [
    node('DeliveryReturn', [
      text('guid', 36),
      opt(text('customsCode', 4)),
      opt(text('operatorCode', 1, 18)),
      opt(text('copNo', 0, 20)),
      opt(text('preNo', 0, 18)),
      opt(text('rkdNo', 0, 18)),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);
