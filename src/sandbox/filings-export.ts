/** Export declarations (CEB303, 403, 505, 507, 509, 603, 605, 607, 701) as filings. */
import { dropUndefined } from '../domain/drop-undefined.js';
import type { InventoryList, Order, OrderType, Payment, TradeMode, Waybill } from '../domain/model.js';
import type { MessageType } from '../messages/registry.js';
import type { MessageData } from '../messages/spec.js';
import { ZERO } from '../money/money.js';
import { Fields } from './fields.js';
import type { Filing, TransportHead } from './filings.js';
import { listLines, listRef, partyOf } from './filings-import.js';

/** The trade mode an export order type travels under until its list says otherwise. */
export const EXPORT_MODE: Readonly<Record<Exclude<OrderType, 'I'>, TradeMode>> = { E: '9610', B: '9710', W: '9810' };

function exportOrder(record: Fields): Order {
  const head = record.node('OrderHead');
  const orderType = head.text('orderType') as Exclude<OrderType, 'I'>;
  const goodsValue = head.money('goodsValue');
  const freight = head.money('freight');
  return {
    orderNo: head.text('orderNo'),
    orderType,
    ieFlag: 'E',
    tradeMode: EXPORT_MODE[orderType],
    ebp: partyOf(head, 'ebp', 'ebp'),
    ebc: partyOf(head, 'ebc', 'ebc'),
    lines: record.nodes('OrderList').map((line) => ({
      gnum: Number(line.text('gnum')),
      goods: { itemNo: line.optional('itemNo') ?? line.text('gnum'), itemName: line.text('itemName'), hsCode: '', gname: line.text('itemName'), declarationElements: [], unit: line.text('unit'), originCountry: '', barCode: line.optional('barCode') ?? '无' },
      quantity: line.money('qty'),
      unitPrice: line.money('price'),
      totalPrice: line.money('totalPrice'),
    })),
    goodsValue,
    freight,
    insurance: ZERO,
    discount: ZERO,
    taxTotal: ZERO,
    actualPaid: goodsValue.plus(freight),
    currency: head.text('currency'),
    placedAt: head.time('appTime'),
  };
}

/** CEB403: the seller's payment receipt (the payer is the foreign buyer, not named). */
function exportPayment(r: Fields): Payment {
  return {
    payCode: r.text('payCode'),
    payName: r.text('payName'),
    payTransactionId: r.text('payNo'),
    orderNo: r.text('orderNo'),
    ebpCode: r.text('ebpCode'),
    payerIdType: '2',
    payerIdNumber: '',
    payerName: r.text('ebcName'),
    payerPhone: '',
    amountPaid: r.money('charge'),
    currency: r.text('currency'),
    payTime: r.time('accountingDate'),
  };
}

/** CEB505 names no order: the engine links it through the list that names its logisticsNo. */
function exportWaybill(r: Fields): Waybill {
  return {
    logisticsCode: r.text('logisticsCode'),
    logisticsName: r.text('logisticsName'),
    logisticsNo: r.text('logisticsNo'),
    orderNo: '',
    freight: r.money('freight'),
    insuredFee: r.money('insuredFee'),
    currency: r.text('currency'),
    weightKg: r.money('grossWeight'),
    packNo: Number(r.text('packNo')),
    goodsInfo: r.text('goodsInfo'),
  };
}

function exportList(record: Fields): InventoryList {
  const head = record.node('InventoryHead');
  return dropUndefined({
    copNo: head.text('copNo'),
    preNo: head.optional('preNo'),
    invtNo: head.optional('invtNo'),
    orderNo: head.text('orderNo'),
    logisticsNo: head.text('logisticsNo'),
    ieFlag: 'E' as const,
    tradeMode: head.text('tradeMode') as TradeMode,
    customsCode: head.text('customsCode'),
    portCode: head.text('portCode'),
    ebp: partyOf(head, 'ebp', 'ebp'),
    ebc: partyOf(head, 'ebc', 'ebc'),
    logistics: partyOf(head, 'logistics', 'logistics'),
    agent: partyOf(head, 'agent', 'agent'),
    emsNo: head.optional('emsNo'),
    lines: listLines(record),
    freight: head.money('freight'),
    insuredFee: head.money('insuredFee'),
    currency: head.text('fCurrency'),
    declaredAt: head.time('appTime'),
  });
}

function transport(head: Fields, party: string): TransportHead {
  return dropUndefined({ customsCode: head.text('customsCode'), copNo: head.text('copNo'), preNo: head.optional('preNo'), partyCode: head.text(`${party}Code`), billNo: head.optional('billNo') });
}

/** Filings of an export declaration, or undefined for another type. */
export function exportFilings(type: MessageType, data: MessageData): Filing[] | undefined {
  const root = new Fields(data);
  switch (type) {
    case 'CEB303':
      return root.nodes('Order').map((r) => ({ kind: 'order', order: exportOrder(r) }));
    case 'CEB403':
      return root.nodes('Receipts').map((r) => ({ kind: 'payment', payment: exportPayment(r), ebcCode: r.text('ebcCode') }));
    case 'CEB505':
      return root.nodes('Logistics').map((r) => ({ kind: 'waybill', waybill: exportWaybill(r), linked: false }));
    case 'CEB603':
      return root.nodes('Inventory').map((r) => ({ kind: 'list', list: exportList(r) }));
    case 'CEB605':
      return root.nodes('InvtCancel').map((r) => ({ kind: 'cancel', ref: listRef(r), reason: r.text('reason') }));
    case 'CEB507':
      return root.nodes('Arrival').map((r) => ({ kind: 'arrival', head: transport(r.node('ArrivalHead'), 'operator'), logisticsNos: r.nodes('ArrivalList').map((l) => l.text('logisticsNo')) }));
    case 'CEB509':
      return root.nodes('Departure').map((r) => ({ kind: 'departure', head: transport(r.node('DepartureHead'), 'logistics'), logisticsNos: r.nodes('DepartureList').map((l) => l.text('logisticsNo')) }));
    case 'CEB607':
      return root.nodes('WayBill').map((r) => {
        const head = r.node('WayBillHead');
        return { kind: 'notice', receipt: 'CEB608', identifiers: dropUndefined({ agentCode: head.text('agentCode'), copNo: head.text('copNo'), preNo: head.optional('preNo') }) };
      });
    case 'CEB701':
      return root.nodes('SummaryApply').map((r) => {
        const head = r.node('SummaryApplyHead');
        return { kind: 'summary', customsCode: head.text('customsCode'), copNo: head.text('copNo'), agentCode: head.text('agentCode'), ebcCode: head.text('ebcCode'), invtNos: r.nodes('SummaryApplyList').map((l) => l.text('invtNo')) };
      });
    default:
      return undefined;
  }
}
