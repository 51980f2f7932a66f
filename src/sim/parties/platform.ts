/**
 * The platform side of a run: the documents the parties file for an order (order, payment,
 * waybill, inventory list), built from what was drawn for it (its lines, freight, buyer, payer
 * and parcel) and what the run fixed when it was placed (its serial, time and withheld tax).
 * A run builds them only when something asks: a runner that drives machines over documents, the
 * log of a run that asks for them, a test.
 */
import type { Buyer, IeFlag, InventoryList, LineItem, Order, OrderType, Payment, TradeMode, Waybill } from '../../domain/model.js';
import { moneyOfFen } from '../../money/fen.js';
import { money, sum, ZERO } from '../../money/money.js';
import { cebTime } from '../clock.js';
import type { Scenario } from '../scenario/schema.js';
import { CHANNEL_IDS, type ChannelId } from '../../channels/registry.js';
import type { PopulationMember } from './population.js';
import type { Companies } from './companies.js';
import type { OrderLines } from '../flow/order-draws.js';

/** The documents of one simulated order. */
export interface OrderDocuments {
  readonly channel: ChannelId;
  readonly order: Order;
  readonly payment: Payment;
  readonly waybill: Waybill;
  readonly list: InventoryList;
  /** The buyer's population index (import orders), for quota and propensities. */
  readonly buyerIndex?: number;
}

interface ChannelProfile {
  readonly wanted: TradeMode;
  readonly orderType: OrderType;
  readonly ieFlag: IeFlag;
  readonly bonded: boolean;
  readonly prefix: string;
}

/** How each channel's documents are shaped. */
export const CHANNEL_PROFILES: Readonly<Record<ChannelId, ChannelProfile>> = {
  '9610-import': { wanted: '9610', orderType: 'I', ieFlag: 'I', bonded: false, prefix: 'DI' },
  '1210-import': { wanted: '1210', orderType: 'I', ieFlag: 'I', bonded: true, prefix: 'BI' },
  '1239-import': { wanted: '1239', orderType: 'I', ieFlag: 'I', bonded: true, prefix: 'BA' },
  '9610-export': { wanted: '9610', orderType: 'E', ieFlag: 'E', bonded: false, prefix: 'DE' },
  '1210-export': { wanted: '1210', orderType: 'E', ieFlag: 'E', bonded: true, prefix: 'BE' },
  '9710': { wanted: '9710', orderType: 'B', ieFlag: 'E', bonded: false, prefix: 'BB' },
  '9810': { wanted: '9810', orderType: 'W', ieFlag: 'E', bonded: false, prefix: 'OW' },
};

/** Units on a retail order line: a whole number from `min` to `max`, uniformly [A]. */
export const RETAIL_UNITS_PER_LINE = { min: 1, max: 3 } as const;

/** True for the B2B channels (9710, 9810), which file no payment. */
export function isB2b(channel: ChannelId): boolean {
  const type = CHANNEL_PROFILES[channel].orderType;
  return type === 'B' || type === 'W';
}

/** The bonded account book of a run: one per customs district [A]. */
export function bondedEmsNo(customsCode: string): string {
  return `T${customsCode}W000001`;
}

/** The orderNo of the `serial`th order of a run in `channel`, placed at `placedAt`. */
export function orderNoOf(channel: ChannelId, placedAt: number, serial: number): string {
  return `${CHANNEL_PROFILES[channel].prefix}${cebTime(placedAt).slice(0, 8)}${String(serial).padStart(10, '0')}`;
}

/** {@link orderNoOf} for many orders: the part of a channel and Shanghai day (prefix and date) is made once. */
export class OrderNumbers {
  readonly #days: number[] = [];
  readonly #heads: string[] = [];
  readonly #headBytes: Uint8Array[] = [];

  /** The orderNo of the `serial`th order of channel `channel` (an index of `CHANNEL_IDS`), placed at `placedAt`. */
  of(channel: number, placedAt: number, serial: number): string {
    return `${this.head(channel, placedAt)}${String(serial).padStart(10, '0')}`;
  }

  /** The part of the orderNo before the serial: the channel's prefix and the Shanghai date. */
  head(channel: number, placedAt: number): string {
    this.#at(channel, placedAt);
    return this.#heads[channel]!;
  }

  /** {@link head} as ASCII bytes. */
  headBytes(channel: number, placedAt: number): Uint8Array {
    this.#at(channel, placedAt);
    return this.#headBytes[channel]!;
  }

  #at(channel: number, placedAt: number): void {
    const day = Math.floor((placedAt + 8 * 3_600_000) / 86_400_000);
    if (this.#days[channel] === day) return;
    this.#days[channel] = day;
    const head = orderNoOf(CHANNEL_IDS[channel]!, placedAt, 0).slice(0, -10);
    this.#heads[channel] = head;
    this.#headBytes[channel] = new TextEncoder().encode(head);
  }
}

/** What the platform knows of an order when it files its documents. */
export interface OrderDraft {
  readonly channel: ChannelId;
  readonly serial: number;
  readonly placedAt: number;
  /** The supervision mode in force when it was placed. */
  readonly tradeMode: TradeMode;
  /** Its drawn lines, freight and parcel. */
  readonly lines: OrderLines;
  /** The buyer (import), and who paid when someone else did. */
  readonly member: PopulationMember | undefined;
  readonly payer: Buyer | undefined;
  /** Tax the platform withheld, fen. */
  readonly withheld: number;
}

/** The goods of a drawn line, as its documents name them. */
function lineItems(scenario: Scenario, draft: OrderDraft, bonded: boolean): LineItem[] {
  const { lines } = draft;
  return Array.from({ length: lines.count }, (_, i): LineItem => {
    const pick = lines.goods[i]!;
    const g = scenario.catalogue[pick]!;
    const goods = { itemNo: g.itemNo, itemName: g.itemName, hsCode: g.hsCode, gname: g.itemName, declarationElements: [], unit: g.unit, originCountry: g.originCountry, barCode: '无' };
    const quantity = money(lines.quantity[i]!);
    const unitPrice = moneyOfFen(lines.price[i]!);
    return { gnum: i + 1, goods: bonded ? { ...goods, itemRecordNo: String(pick + 1) } : goods, quantity, unitPrice, totalPrice: quantity.times(unitPrice) };
  });
}

/** The payment record: by the buyer, or by `payer` when the payer is someone else (a mismatch). */
function paymentFor(order: Order, payer: Buyer | undefined, companies: Companies, serial: number): Payment {
  return {
    payCode: companies.payment.code,
    payName: companies.payment.name,
    payTransactionId: `4200${String(serial).padStart(24, '0')}`,
    orderNo: order.orderNo,
    ebpCode: companies.ebp.code,
    payerIdType: '1',
    payerIdNumber: payer?.idNumber ?? '',
    payerName: payer?.name ?? order.ebc.name,
    payerPhone: payer?.phone ?? '',
    amountPaid: order.actualPaid,
    currency: '142',
    payTime: order.placedAt,
  };
}

/** The carrier's waybill. */
function waybillFor(order: Order, companies: Companies, serial: number, weightTenths: number): Waybill {
  return {
    logisticsCode: companies.logistics.code,
    logisticsName: companies.logistics.name,
    logisticsNo: `BY${String(serial).padStart(12, '0')}`,
    orderNo: order.orderNo,
    freight: order.freight,
    insuredFee: ZERO,
    currency: '142',
    weightKg: money(weightTenths).dividedBy(10).times(order.lines.length),
    packNo: 1,
    goodsInfo: order.lines.map((l) => l.goods.itemName).join(';').slice(0, 200),
    ...(order.consignee ? { consignee: order.consignee } : {}),
  };
}

/** The declarant's inventory list for the order and its waybill. */
function listFor(order: Order, waybill: Waybill, companies: Companies, scenario: Scenario, bonded: boolean): InventoryList {
  return {
    copNo: `C${order.orderNo.slice(-19)}`, // at most 20 characters, the import list schema's limit; the serial keeps it unique
    orderNo: order.orderNo,
    logisticsNo: waybill.logisticsNo,
    ieFlag: order.ieFlag,
    tradeMode: order.tradeMode,
    customsCode: scenario.customsCode,
    portCode: scenario.customsCode,
    ebp: companies.ebp,
    ebc: order.ebc,
    logistics: companies.logistics,
    agent: companies.agent,
    ...(bonded ? { area: companies.area, emsNo: bondedEmsNo(scenario.customsCode) } : {}),
    ...(order.buyer ? { buyer: order.buyer, assureCode: companies.ebp.code } : {}),
    lines: order.lines.map((l) => ({ gnum: l.gnum, goods: l.goods, quantity: l.quantity, unitPrice: l.unitPrice, totalPrice: l.totalPrice })),
    freight: order.freight,
    insuredFee: ZERO,
    currency: '142',
    declaredAt: order.placedAt,
  };
}

/** The documents of an order, from its draft. */
export function orderDocuments(scenario: Scenario, companies: Companies, draft: OrderDraft): OrderDocuments {
  const { channel, serial, placedAt, member } = draft;
  const profile = CHANNEL_PROFILES[channel];
  const lines = lineItems(scenario, draft, profile.bonded);
  const goodsValue = sum(lines.map((l) => l.totalPrice));
  const freight = moneyOfFen(draft.lines.freight);
  const taxTotal = moneyOfFen(draft.withheld);
  const order: Order = {
    orderNo: orderNoOf(channel, placedAt, serial),
    orderType: profile.orderType,
    ieFlag: profile.ieFlag,
    tradeMode: draft.tradeMode,
    ebp: companies.ebp,
    ebc: profile.ieFlag === 'I' ? companies.ebc : companies.exporter,
    ...(member ? { buyer: member.buyer, consignee: member.consignee } : {}),
    lines,
    goodsValue,
    freight,
    insurance: ZERO,
    discount: ZERO,
    taxTotal,
    actualPaid: goodsValue.plus(freight).plus(taxTotal),
    currency: '142',
    placedAt,
  };
  const payment = paymentFor(order, draft.payer ?? member?.buyer, companies, serial);
  const waybill = waybillFor(order, companies, serial, draft.lines.weightTenths);
  const list = listFor(order, waybill, companies, scenario, profile.bonded);
  return { channel, order, payment, waybill, list, ...(member ? { buyerIndex: member.index } : {}) };
}
