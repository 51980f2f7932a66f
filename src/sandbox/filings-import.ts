/** Import declarations (CEB311, 411, 511, 513, 621, 623, 625, 711) as filings. */
import { dropUndefined } from '../domain/drop-undefined.js';
import type { Buyer, Consignee, IdType, InventoryList, LineItem, Order, Party, PartyRole, Payment, TradeMode, Waybill } from '../domain/model.js';
import type { MessageType } from '../messages/registry.js';
import type { MessageData } from '../messages/spec.js';
import { ZERO } from '../money/money.js';
import { Fields } from './fields.js';
import type { Filing, ListRef } from './filings.js';

/** `{prefix}Code` and `{prefix}Name` as a party. */
export function partyOf(f: Fields, prefix: string, role: PartyRole): Party {
  return { role, code: f.text(`${prefix}Code`), name: f.text(`${prefix}Name`) };
}

function idType(text: string): IdType {
  return text === '2' ? '2' : '1';
}

function orderLine(line: Fields, currencyFallback: string): LineItem {
  const gmodel = line.text('gmodel');
  return {
    gnum: Number(line.text('gnum')),
    goods: dropUndefined({
      itemNo: line.optional('itemNo') ?? line.text('gnum'),
      itemName: line.text('itemName'),
      // an order line names no HS code; the list's line of the same gnum supplies it
      hsCode: '',
      gname: line.text('itemName'),
      declarationElements: gmodel === '' ? [] : gmodel.split('|'),
      unit: line.text('unit'),
      originCountry: line.optional('country') ?? currencyFallback,
      barCode: line.optional('barCode') ?? '无',
    }),
    quantity: line.money('qty'),
    unitPrice: line.money('price'),
    totalPrice: line.money('totalPrice'),
  };
}

/** CEB311 OrderHead and OrderList as an import order (trade mode 9610 until a list says otherwise). */
function importOrder(record: Fields): Order {
  const head = record.node('OrderHead');
  const buyer: Buyer = {
    regNo: head.text('buyerRegNo'),
    name: head.text('buyerName'),
    idType: idType(head.text('buyerIdType')),
    idNumber: head.text('buyerIdNumber'),
    phone: head.text('buyerTelephone'),
  };
  const consignee: Consignee = {
    name: head.text('consignee'),
    phone: head.text('consigneeTelephone'),
    address: dropUndefined({ line: head.text('consigneeAddress'), districtCode: head.optional('consigneeDistrict') }),
  };
  return {
    orderNo: head.text('orderNo'),
    orderType: 'I',
    ieFlag: 'I',
    tradeMode: '9610',
    ebp: partyOf(head, 'ebp', 'ebp'),
    ebc: partyOf(head, 'ebc', 'ebc'),
    buyer,
    consignee,
    lines: record.nodes('OrderList').map((line) => orderLine(line, '')),
    goodsValue: head.money('goodsValue'),
    freight: head.money('freight'),
    insurance: ZERO,
    discount: head.money('discount'),
    taxTotal: head.money('taxTotal'),
    actualPaid: head.money('acturalPaid'),
    currency: head.text('currency'),
    placedAt: head.time('appTime'),
  };
}

function importPayment(record: Fields): Payment {
  const head = record.node('PaymentHead');
  return {
    payCode: head.text('payCode'),
    payName: head.text('payName'),
    payTransactionId: head.text('payTransactionId'),
    orderNo: head.text('orderNo'),
    ebpCode: head.text('ebpCode'),
    payerIdType: idType(head.text('payerIdType')),
    payerIdNumber: head.text('payerIdNumber'),
    payerName: head.text('payerName'),
    payerPhone: head.text('telephone'),
    amountPaid: head.money('amountPaid'),
    currency: head.text('currency'),
    payTime: head.time('payTime'),
  };
}

function importWaybill(record: Fields): Waybill {
  const head = record.node('LogisticsHead');
  return dropUndefined({
    logisticsCode: head.text('logisticsCode'),
    logisticsName: head.text('logisticsName'),
    logisticsNo: head.text('logisticsNo'),
    orderNo: head.text('orderNo'),
    billNo: head.optional('billNo'),
    freight: head.money('freight'),
    insuredFee: head.money('insuredFee'),
    currency: head.text('currency'),
    weightKg: head.money('weight'),
    packNo: Number(head.text('packNo')),
    goodsInfo: head.text('goodsInfo'),
    consignee: { name: head.text('consignee'), phone: head.text('consigneeTelephone'), address: { line: head.text('consigneeAddress') } },
  });
}

/** The lines of a CEB621 or CEB603 list. */
export function listLines(record: Fields): InventoryList['lines'] {
  return record.nodes('InventoryList').map((line) => {
    const gmodel = line.text('gmodel');
    return {
      gnum: Number(line.text('gnum')),
      goods: dropUndefined({
        itemNo: line.optional('itemNo') ?? line.text('gnum'),
        itemName: line.optional('itemName') ?? line.text('gname'),
        hsCode: line.text('gcode'),
        gname: line.text('gname'),
        declarationElements: gmodel === '' ? [] : gmodel.split('|'),
        unit: line.text('unit'),
        originCountry: line.text('country'),
        barCode: line.optional('barCode') ?? '无',
        itemRecordNo: line.optional('itemRecordNo'),
      }),
      quantity: line.money('qty'),
      unitPrice: line.money('price'),
      totalPrice: line.money('totalPrice'),
    };
  });
}

function importList(record: Fields): InventoryList {
  const head = record.node('InventoryHead');
  const buyer: Buyer = { regNo: '', name: head.text('buyerName'), idType: idType(head.text('buyerIdType')), idNumber: head.text('buyerIdNumber'), phone: head.text('buyerTelephone') };
  const area = head.optional('areaCode');
  return dropUndefined({
    copNo: head.text('copNo'),
    preNo: head.optional('preNo'),
    invtNo: head.optional('invtNo'),
    orderNo: head.text('orderNo'),
    logisticsNo: head.text('logisticsNo'),
    ieFlag: 'I' as const,
    tradeMode: head.text('tradeMode') as TradeMode,
    customsCode: head.text('customsCode'),
    portCode: head.text('portCode'),
    ebp: partyOf(head, 'ebp', 'ebp'),
    ebc: partyOf(head, 'ebc', 'ebc'),
    logistics: partyOf(head, 'logistics', 'logistics'),
    agent: partyOf(head, 'agent', 'agent'),
    area: area === undefined ? undefined : partyOf(head, 'area', 'area'),
    assureCode: head.optional('assureCode'),
    emsNo: head.optional('emsNo'),
    buyer,
    lines: listLines(record),
    freight: head.money('freight'),
    insuredFee: head.money('insuredFee'),
    currency: head.text('currency'),
    declaredAt: head.time('appTime'),
  });
}

/** The list a cancellation or return request names. */
export function listRef(head: Fields): ListRef {
  const identifiers = dropUndefined({
    customsCode: head.text('customsCode'),
    ebpCode: head.optional('ebpCode') ?? head.text('ebcCode'),
    ebcCode: head.text('ebcCode'),
    agentCode: head.text('agentCode'),
    copNo: head.text('copNo'),
    preNo: head.optional('preNo'),
    invtNo: head.text('invtNo'),
  });
  return dropUndefined({ orderNo: head.optional('orderNo'), copNo: head.text('copNo'), invtNo: head.text('invtNo'), identifiers });
}

/** Filings of an import declaration, or undefined for another type. */
export function importFilings(type: MessageType, data: MessageData): Filing[] | undefined {
  const root = new Fields(data);
  switch (type) {
    case 'CEB311':
      return root.nodes('Order').map((r) => ({ kind: 'order', order: importOrder(r) }));
    case 'CEB411':
      return root.nodes('Payment').map((r) => ({ kind: 'payment', payment: importPayment(r) }));
    case 'CEB511':
      return root.nodes('Logistics').map((r) => ({ kind: 'waybill', waybill: importWaybill(r), linked: true }));
    case 'CEB513':
      return root.nodes('LogisticsStatus').map((r) => ({ kind: 'waybill-status', logisticsCode: r.text('logisticsCode'), logisticsNo: r.text('logisticsNo'), status: r.text('logisticsStatus') }));
    case 'CEB621':
      return root.nodes('Inventory').map((r) => ({ kind: 'list', list: importList(r) }));
    case 'CEB623':
      return root.nodes('InvtCancel').map((r) => ({ kind: 'cancel', ref: listRef(r), reason: r.text('reason') }));
    case 'CEB625':
      return root.nodes('InvtRefund').map((r) => ({ kind: 'return', ref: listRef(r.node('InvtRefundHead')), reason: r.node('InvtRefundHead').text('reason') }));
    case 'CEB711':
      return root.nodes('Delivery').map((r) => {
        const head = r.node('DeliveryHead');
        return { kind: 'notice', receipt: 'CEB712', identifiers: dropUndefined({ customsCode: head.text('customsCode'), operatorCode: head.text('operatorCode'), copNo: head.text('copNo'), preNo: head.optional('preNo'), rkdNo: head.optional('rkdNo') }) };
      });
    default:
      return undefined;
  }
}
