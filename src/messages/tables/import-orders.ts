/**
 * Import orders, payments and waybills: CEB311/312 order, CEB411/412 payment, CEB511/512 waybill, CEB513/514 waybill status.
 * Source: the official import schemas of the 2018 specification (GACC Announcement No. 113 of 2018) and of its 2022-05 revision; element names, order, occurrences and lengths as the schemas give them.
 */
import { decimal, fixedTo, int, node, occurs, opt, type Table, text } from '../spec.js';
import { BASE_SUBSCRIBE, ceb, EXTEND_MESSAGE, IMPORT_HEAD, IMPORT_TRANSFER, SIGNATURE } from './common.js';

/** CEB311 电子订单 import order. */
export const CEB311: Table = (v) =>
  ceb('CEB311', v, [
    node('Order', [
      node('OrderHead', [
        ...IMPORT_HEAD,
        text('orderType', 1),
        text('orderNo', 1, 60),
        text('ebpCode', 1, 18),
        text('ebpName', 1, 100),
        text('ebcCode', 1, 18),
        text('ebcName', 1, 100),
        decimal('goodsValue'),
        decimal('freight'),
        decimal('discount'),
        decimal('taxTotal'),
        decimal('acturalPaid'),
        fixedTo(text('currency', 3), '142'),
        text('buyerRegNo', 1, 60),
        text('buyerName', 1, 60),
        text('buyerTelephone', 1, 30),
        text('buyerIdType', 1),
        text('buyerIdNumber', 1, 60),
        opt(text('payCode', 0, 18)),
        opt(text('payName', 0, 100)),
        opt(text('payTransactionId', 0, 60)),
        opt(text('batchNumbers', 0, 100)),
        text('consignee', 1, 100),
        text('consigneeTelephone', 1, 50),
        text('consigneeAddress', 1, 200),
        opt(text('consigneeDistrict', 6)),
        opt(text('note', 0, 1000)),
      ]),
      node('OrderList', [
        int('gnum'),
        opt(text('itemNo', 0, 30)),
        text('itemName', 1, 250),
        text('gmodel', 1, 510),
        opt(text('itemDescribe', 0, 1000)),
        opt(text('barCode', 0, 50)),
        text('unit', 3),
        decimal('qty'),
        decimal('price'),
        decimal('totalPrice'),
        fixedTo(text('currency', 3), '142'),
        text('country', 3),
        opt(text('note', 0, 1000)),
      ], [1, 99]),
    ], [1, 100]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    opt(SIGNATURE),
  ]);

/** CEB312 import order receipt. */
export const CEB312: Table = (v) =>
  ceb('CEB312', v, [
    node('OrderReturn', [
      text('guid', 36),
      text('ebpCode', 1, 18),
      text('ebcCode', 1, 18),
      text('orderNo', 1, 60),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);

/** CEB411 支付凭证 payment record. */
export const CEB411: Table = (v) =>
  ceb('CEB411', v, [
    node('Payment', [
      node('PaymentHead', [
        ...IMPORT_HEAD,
        text('payCode', 1, 18),
        text('payName', 1, 100),
        text('payTransactionId', 1, 60),
        text('orderNo', 1, 60),
        text('ebpCode', 1, 18),
        text('ebpName', 1, 100),
        text('payerIdType', 1),
        text('payerIdNumber', 1, 60),
        text('payerName', 1, 60),
        opt(text('telephone', 0, 60)),
        decimal('amountPaid'),
        fixedTo(text('currency', 3), '142'),
        text('payTime', 14),
        opt(text('note', 0, 1000)),
      ]),
    ], [1, 100]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    opt(SIGNATURE),
  ]);

/** CEB412 payment receipt. */
export const CEB412: Table = (v) =>
  ceb('CEB412', v, [
    node('PaymentReturn', [
      text('guid', 36),
      text('payCode', 1, 18),
      text('payTransactionId', 1, 60),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);

/** CEB511 运单 waybill. */
export const CEB511: Table = (v) =>
  ceb('CEB511', v, [
    node('Logistics', [
      node('LogisticsHead', [
        ...IMPORT_HEAD,
        text('logisticsCode', 1, 18),
        text('logisticsName', 1, 100),
        text('logisticsNo', 1, 60),
        opt(text('billNo', 0, 37)),
        text('orderNo', 1, 60),
        opt(decimal('freight')),
        opt(decimal('insuredFee')),
        fixedTo(text('currency', 3), '142'),
        decimal('weight'),
        int('packNo', 9),
        opt(text('goodsInfo', 0, 200)),
        text('consignee', 1, 100),
        text('consigneeAddress', 1, 200),
        text('consigneeTelephone', 1, 50),
        opt(text('note', 0, 1000)),
      ]),
    ], [1, 100]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    opt(SIGNATURE),
  ]);

/** CEB512 waybill receipt. */
export const CEB512: Table = (v) =>
  ceb('CEB512', v, [
    node('LogisticsReturn', [
      text('guid', 36),
      text('logisticsCode', 1, 18),
      text('logisticsNo', 1, 60),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);

/** CEB513 运单状态 waybill status. */
export const CEB513: Table = (v) =>
  ceb('CEB513', v, [
    node('LogisticsStatus', [
      ...IMPORT_HEAD,
      text('logisticsCode', 1, 18),
      text('logisticsName', 1, 100),
      text('logisticsNo', 1, 60),
      text('logisticsStatus', 1),
      text('logisticsTime', 14),
      opt(text('note', 0, 1000)),
    ], [1, 100]),
    IMPORT_TRANSFER,
    occurs(BASE_SUBSCRIBE, 0, 5),
    opt(EXTEND_MESSAGE),
    opt(SIGNATURE),
  ]);

/** CEB514 waybill-status receipt. */
export const CEB514: Table = (v) =>
  ceb('CEB514', v, [
    node('LogisticsStatusReturn', [
      text('guid', 36),
      text('logisticsCode', 1, 18),
      text('logisticsNo', 1, 60),
      text('logisticsStatus', 1),
      text('returnStatus', 1, 10),
      text('returnTime', 17),
      text('returnInfo', 1, 1000),
    ], [1, 100]),
  ]);
