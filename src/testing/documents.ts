import fc from 'fast-check';
import type { AutopilotPlan } from '../channels/autopilot.js';
import type { ChannelId } from '../channels/registry.js';
import { ValidationError } from '../domain/errors.js';
import { formatInvtNo } from '../domain/identifiers.js';
import type { Buyer, InventoryList, Order, Payment, Waybill } from '../domain/model.js';
import { parseOrder } from '../domain/order.js';
import { money, ZERO } from '../money/money.js';
import { orderTax } from '../rules/describe-tax.js';
import type { TaxAssessment } from '../rules/types.js';
import { shanghaiDate } from '../sim/clock.js';
import { buyer } from './buyer.js';
import { channelFacts } from './channel-facts.js';
import { flawsFor, type DocumentFlaw } from './flaws.js';
import { orderInput } from './order-input.js';

/** The account book bonded documents name. */
const EMS_NO = 'T5141W000001';
const OTHER_PLATFORM = { role: 'ebp' as const, code: '1101960QQQ', name: '北京另一平台' };

/** Everything filed for one order in one channel, and what customs decides with. */
export interface DocumentSet {
  readonly channel: ChannelId;
  readonly order: Order;
  /** Absent on 9710/9810, and when the flaw is `payment-missing`. */
  readonly payment?: Payment;
  readonly waybill: Waybill;
  readonly list: InventoryList;
  /** The list number customs gives on acceptance. */
  readonly invtNo: string;
  /** The rules' tax assessment (import). */
  readonly tax?: TaxAssessment;
  /** 1210 export: the second-line entry the goods come into the zone on. */
  readonly zoneEntry?: { readonly ref: string; readonly emsNo: string };
  /** The inconsistency planted, if any. */
  readonly flaw?: DocumentFlaw;
}

/** Options of {@link channelDocuments}. */
export interface DocumentOptions {
  /** Plant this inconsistency; the documents agree when absent. */
  readonly flaw?: DocumentFlaw;
}

function consistent(channel: ChannelId, order: Order, serial: number): DocumentSet {
  const facts = channelFacts(channel);
  const importing = order.ieFlag === 'I';
  const logisticsNo = `YT${order.orderNo.slice(-12)}`;
  const payment: Payment = {
    payCode: '4403169D3W',
    payName: '财付通支付科技有限公司',
    payTransactionId: `4200${order.orderNo.slice(-20)}`,
    orderNo: order.orderNo,
    ebpCode: order.ebp.code,
    payerIdType: '1',
    payerIdNumber: order.buyer?.idNumber ?? '',
    payerName: order.buyer?.name ?? order.ebc.name,
    payerPhone: order.buyer?.phone ?? '',
    amountPaid: order.actualPaid,
    currency: order.currency,
    payTime: order.placedAt,
  };
  const waybill: Waybill = {
    logisticsCode: '4401980YTO',
    logisticsName: '某快递有限公司',
    logisticsNo,
    orderNo: order.orderNo,
    freight: order.freight,
    insuredFee: ZERO,
    currency: order.currency,
    weightKg: money(order.lines.length).times('0.5'),
    packNo: 1,
    goodsInfo: order.lines.map((l) => l.goods.itemName).join(';').slice(0, 200),
    ...(order.consignee && { consignee: order.consignee }),
  };
  const list: InventoryList = {
    copNo: `C${order.orderNo.slice(-19)}`, // at most 20 characters, the import schema's limit
    orderNo: order.orderNo,
    logisticsNo,
    ieFlag: order.ieFlag,
    tradeMode: order.tradeMode,
    customsCode: '5141',
    portCode: '5141',
    ebp: order.ebp,
    ebc: order.ebc,
    logistics: { role: 'logistics', code: waybill.logisticsCode, name: waybill.logisticsName },
    agent: { role: 'agent', code: '4401960AGT', name: '广州某报关有限公司' },
    ...(facts.bonded && { emsNo: EMS_NO, area: { role: 'area', code: '4401630WHS', name: '南沙保税仓' } }),
    ...(order.buyer && { buyer: order.buyer, assureCode: order.ebp.code }),
    lines: order.lines,
    freight: order.freight,
    insuredFee: ZERO,
    currency: order.currency,
    declaredAt: order.placedAt,
  };
  return {
    channel,
    order,
    ...(!facts.b2b && { payment }),
    waybill,
    list,
    invtNo: formatInvtNo('5141', Number(shanghaiDate(order.placedAt).slice(0, 4)), order.ieFlag, serial),
    ...(importing && { tax: orderTax(order) }),
    ...(channel === '1210-export' && { zoneEntry: { ref: `HZ${order.orderNo.slice(-12)}`, emsNo: EMS_NO } }),
  };
}

function plant(docs: DocumentSet, flaw: DocumentFlaw, other: Buyer): DocumentSet {
  const { payment, waybill, list, order } = docs;
  switch (flaw) {
    case 'payer-mismatch':
      return { ...docs, flaw, ...(payment && { payment: { ...payment, payerName: `${other.name}代付`, payerIdNumber: other.idNumber } }) };
    case 'amount-mismatch': {
      const paid = order.actualPaid.plus('0.01');
      return { ...docs, flaw, order: { ...order, actualPaid: paid }, ...(payment && { payment: { ...payment, amountPaid: paid } }) };
    }
    case 'payment-missing': {
      const { payment: _dropped, ...rest } = docs;
      return { ...rest, flaw };
    }
    case 'waybill-order-mismatch':
      return { ...docs, flaw, waybill: { ...waybill, orderNo: `${order.orderNo.slice(0, 59)}X` } };
    case 'list-mismatch':
      return { ...docs, flaw, list: { ...list, logisticsNo: `${list.logisticsNo}9` } };
    case 'ebp-mismatch':
      return { ...docs, flaw, list: { ...list, ebp: OTHER_PLATFORM } };
  }
}

/**
 * The documents of one order in channel `id`: the order (parsed from {@link orderInput}), payment,
 * waybill and inventory list, the list number and (import) the rules' tax assessment. They agree
 * with each other, so the three-document matcher accepts them, unless `flaw` plants one
 * inconsistency, which the matcher then refuses with the flaw's reason code.
 *
 * @throws {@link ValidationError} when the channel's documents cannot carry `flaw` (see {@link flawsFor})
 * @example
 * ```ts
 * fc.assert(fc.property(channelDocuments('9610-import', { flaw: 'payer-mismatch' }), (d) =>
 *   matchDocuments(d, { required: ['order', 'payment', 'waybill'] }).some((f) => f.code === 'payer-mismatch')));
 * ```
 */
export function channelDocuments(id: ChannelId, options: DocumentOptions = {}): fc.Arbitrary<DocumentSet> {
  const { flaw } = options;
  if (flaw !== undefined && !flawsFor(id).includes(flaw)) {
    throw new ValidationError([{ path: ['flaw'], value: flaw, reason: `cannot be planted in ${id} documents; use one of ${flawsFor(id).join(', ')}.` }]);
  }
  return fc.tuple(orderInput(id), fc.integer({ min: 1, max: 999_999_999 }), buyer()).map(([input, serial, other]) => {
    const docs = consistent(id, parseOrder(input), serial);
    return flaw === undefined ? docs : plant(docs, flaw, other);
  });
}

/**
 * Inventory lists (清单) of channel `id`, consistent with their order.
 *
 * @example
 * ```ts
 * fc.sample(inventoryList('1210-import'), 1)[0].emsNo; // 'T5141W000001'
 * ```
 */
export function inventoryList(id: ChannelId): fc.Arbitrary<InventoryList> {
  return channelDocuments(id).map((docs) => docs.list);
}

/**
 * An autopilot plan for a document set: what `createAutopilot` files and decides with.
 *
 * @example
 * ```ts
 * runAutopilot(CHANNELS[docs.channel].machine, { order: docs.order }, planOf(docs));
 * ```
 */
export function planOf(docs: DocumentSet, extra: Partial<Pick<AutopilotPlan, 'script' | 'stepMs'>> = {}): AutopilotPlan {
  return {
    ...(docs.payment && { payment: docs.payment }),
    waybill: docs.waybill,
    list: docs.list,
    invtNo: docs.invtNo,
    ...(docs.tax && { tax: docs.tax }),
    ...(docs.zoneEntry && { zoneEntry: docs.zoneEntry }),
    start: docs.order.placedAt,
    ...extra,
  };
}

