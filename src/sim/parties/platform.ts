/**
 * The platform side of a run: turns an arrival into the documents the parties file for it
 * (order, payment, waybill, inventory list), drawn from the scenario's catalogue and buyers.
 */
import type { Buyer, IeFlag, InventoryList, LineItem, Order, OrderType, Payment, TradeMode, Waybill } from '../../domain/model.js';
import { ScenarioError } from '../../domain/errors.js';
import { money, sum, ZERO, type Money } from '../../money/money.js';
import { cebTime } from '../clock.js';
import type { Rng } from '../rng.js';
import type { Scenario } from '../scenario/schema.js';
import type { ChannelId } from '../../channels/registry.js';
import type { Population, PopulationMember } from './population.js';
import type { Companies } from './companies.js';

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

/** What the factory needs from the run. */
export interface OrderFactoryDeps {
  readonly scenario: Scenario;
  readonly rng: Rng;
  readonly population: Population;
  readonly companies: Companies;
  /** The supervision mode in force at an instant for a wanted mode (0110 before it existed). */
  readonly modeAt: (at: number, wanted: TradeMode) => TradeMode;
  /** The tax the platform withholds for an import order (the buyer pays it with the goods). */
  readonly withheldTax: (order: Order, buyerIndex: number) => Money;
}

/** The bonded account book of a run: one per customs district [A]. */
export function bondedEmsNo(customsCode: string): string {
  return `T${customsCode}W000001`;
}

/** Makes the documents for the `seq`th order of a run, arriving at `now` in `channel`. */
export type OrderFactory = (channel: ChannelId, now: number, seq: number) => OrderDocuments;

/** Draws an order's lines from the goods a channel sells: distinct goods, prices in whole jiao. */
function drawLines(scenario: Scenario, rng: Rng, choices: readonly { index: number; weight: number }[], profile: ChannelProfile): LineItem[] {
  const lineCount = rng.int(1, scenario.buyers.maxLinesPerOrder);
  const lines: LineItem[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lineCount && used.size < choices.length; i++) {
    const pick = rng.weighted(choices.map((c) => ({ value: c.index, weight: used.has(c.index) ? 0 : c.weight })));
    used.add(pick);
    const g = scenario.catalogue[pick]!;
    const minTenths = Number(money(g.minPrice).times(10).floor().toString());
    const maxTenths = Number(money(g.maxPrice).times(10).floor().toString());
    const unitPrice = money(rng.int(minTenths, maxTenths)).dividedBy(10);
    const quantity = money(profile.orderType === 'B' || profile.orderType === 'W' ? rng.int(20, 200) : rng.int(RETAIL_UNITS_PER_LINE.min, RETAIL_UNITS_PER_LINE.max));
    const goods = { itemNo: g.itemNo, itemName: g.itemName, hsCode: g.hsCode, gname: g.itemName, declarationElements: [], unit: g.unit, originCountry: g.originCountry, barCode: '无' };
    lines.push({ gnum: i + 1, goods: profile.bonded ? { ...goods, itemRecordNo: String(pick + 1) } : goods, quantity, unitPrice, totalPrice: quantity.times(unitPrice) });
  }
  return lines;
}

/** The payment record: by the buyer, or by `payer` when the payer is someone else (a mismatch). */
function paymentFor(order: Order, payer: Buyer | undefined, companies: Companies, seq: number): Payment {
  return {
    payCode: companies.payment.code,
    payName: companies.payment.name,
    payTransactionId: `4200${String(seq).padStart(24, '0')}`,
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

/** The carrier's waybill; its weight is drawn from `rng`. */
function waybillFor(order: Order, companies: Companies, seq: number, rng: Rng): Waybill {
  return {
    logisticsCode: companies.logistics.code,
    logisticsName: companies.logistics.name,
    logisticsNo: `BY${String(seq).padStart(12, '0')}`,
    orderNo: order.orderNo,
    freight: order.freight,
    insuredFee: ZERO,
    currency: '142',
    weightKg: money(rng.int(2, 50)).dividedBy(10).times(order.lines.length),
    packNo: 1,
    goodsInfo: order.lines.map((l) => l.goods.itemName).join(';').slice(0, 200),
    ...(order.consignee ? { consignee: order.consignee } : {}),
  };
}

/** The declarant's inventory list for the order and its waybill. */
function listFor(order: Order, waybill: Waybill, companies: Companies, scenario: Scenario, bonded: boolean): InventoryList {
  return {
    // 20 characters, the import schema's limit: the order number with C in place of its serial's first digit.
    copNo: `${order.orderNo.slice(0, 10)}C${order.orderNo.slice(11)}`,
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

/** Creates the order factory of a run. */
export function createOrderFactory(deps: OrderFactoryDeps): OrderFactory {
  const { scenario, rng, population, companies } = deps;
  const byChannel = new Map<ChannelId, { index: number; weight: number }[]>();
  scenario.catalogue.forEach((g, index) => {
    for (const channel of g.channels ?? (Object.keys(CHANNEL_PROFILES) as ChannelId[])) {
      const list = byChannel.get(channel) ?? [];
      list.push({ index, weight: g.weight });
      byChannel.set(channel, list);
    }
  });

  return (channel, now, seq) => {
    const profile = CHANNEL_PROFILES[channel];
    const goodsChoices = byChannel.get(channel);
    if (!goodsChoices || goodsChoices.length === 0) {
      throw new ScenarioError([{ path: ['catalogue'], value: channel, reason: `has no goods for channel ${channel}; list it in the channels of at least one product (the scenario loader refuses such scenarios).` }]);
    }
    const lines = drawLines(scenario, rng, goodsChoices, profile);
    const goodsValue = sum(lines.map((l) => l.totalPrice));
    const freight = money(rng.int(0, 30));
    const member: PopulationMember | undefined = profile.ieFlag === 'I' ? population.member(rng.int(0, population.size - 1)) : undefined;
    const draft: Order = {
      orderNo: `${profile.prefix}${cebTime(now).slice(0, 8)}${String(seq).padStart(10, '0')}`,
      orderType: profile.orderType,
      ieFlag: profile.ieFlag,
      tradeMode: deps.modeAt(now, profile.wanted),
      ebp: companies.ebp,
      ebc: profile.ieFlag === 'I' ? companies.ebc : companies.exporter,
      ...(member ? { buyer: member.buyer, consignee: member.consignee } : {}),
      lines,
      goodsValue,
      freight,
      insurance: ZERO,
      discount: ZERO,
      taxTotal: ZERO,
      actualPaid: goodsValue.plus(freight),
      currency: '142',
      placedAt: now,
    };
    const taxTotal = member ? deps.withheldTax(draft, member.index) : ZERO;
    const order: Order = { ...draft, taxTotal, actualPaid: goodsValue.plus(freight).plus(taxTotal) };
    const mismatch = member !== undefined && rng.bernoulli(scenario.buyers.payerMismatchRate);
    const payer = member && mismatch ? population.member((member.index + 1) % population.size).buyer : member?.buyer;
    const payment = paymentFor(order, payer, companies, seq);
    const waybill = waybillFor(order, companies, seq, rng);
    const list = listFor(order, waybill, companies, scenario, profile.bonded);
    return { channel, order, payment, waybill, list, ...(member ? { buyerIndex: member.index } : {}) };
  };
}
