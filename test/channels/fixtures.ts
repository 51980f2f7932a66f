/**
 * Test fixtures for the channel machines: one consistent order per channel with its payment,
 * waybill, list and tax, and an in-memory quota ledger.
 */
import type { Channel, ChannelId } from '../../src/channels/registry.js';
import type { ChannelEvent } from '../../src/channels/events.js';
import { channelEventsAt } from '../../src/testing/probe-events.js';
import type { DocumentSet } from '../../src/testing/documents.js';
import type { AutopilotPlan } from '../../src/channels/autopilot.js';
import type { InventoryList, LineItem, Order, Party, Payment, TradeMode, Waybill } from '../../src/domain/model.js';
import { money, sum, ZERO } from '../../src/money/money.js';
import type { Money } from '../../src/money/money.js';
import type { QuotaDecision, QuotaLedger, RuleSet, TaxAssessment } from '../../src/rules/types.js';
import { MS, toEpoch } from '../../src/sim/clock.js';

export const START = toEpoch('2019-05-06T10:00:00+08:00');
export const EMS_NO = 'T5141W000001';

const party = (role: Party['role'], code: string, name: string): Party => ({ role, code, name });
const EBP = party('ebp', '4401960ABC', 'Platform');
const EBC = party('ebc', '4401960DEF', 'Seller');

interface ChannelFacts {
  readonly mode: TradeMode;
  readonly ie: 'I' | 'E';
  readonly orderType: Order['orderType'];
  readonly bonded: boolean;
}

export const FACTS: Readonly<Record<ChannelId, ChannelFacts>> = {
  '9610-import': { mode: '9610', ie: 'I', orderType: 'I', bonded: false },
  '1210-import': { mode: '1210', ie: 'I', orderType: 'I', bonded: true },
  '1239-import': { mode: '1239', ie: 'I', orderType: 'I', bonded: true },
  '9610-export': { mode: '9610', ie: 'E', orderType: 'E', bonded: false },
  '1210-export': { mode: '1210', ie: 'E', orderType: 'E', bonded: true },
  '9710': { mode: '9710', ie: 'E', orderType: 'B', bonded: false },
  '9810': { mode: '9810', ie: 'E', orderType: 'W', bonded: false },
};

function line(gnum: number, price: string, qty: number, bonded: boolean): LineItem {
  const goods = {
    itemNo: `SKU-${gnum}`,
    itemName: `Item ${gnum}`,
    hsCode: '3304990099',
    gname: 'cosmetics',
    declarationElements: ['brand'],
    unit: '011',
    originCountry: '116',
    barCode: '无',
    ...(bonded && { itemRecordNo: String(gnum) }),
  };
  const unitPrice = money(price);
  return { gnum, goods, quantity: money(qty), unitPrice, totalPrice: unitPrice.times(qty) };
}

/** The order of a channel: 2 x 99.50 + 1 x 150.00, freight 10; import tax 32.67, discount 5. */
export function orderFor(id: ChannelId, goodsPrice = '99.50'): Order {
  const f = FACTS[id];
  const lines = [line(1, goodsPrice, 2, f.bonded), line(2, '150.00', 1, f.bonded)];
  const goodsValue = sum(lines.map((l) => l.totalPrice));
  const importing = f.ie === 'I';
  const taxTotal = importing ? money('32.67') : ZERO;
  const discount = importing ? money('5.00') : ZERO;
  const freight = money('10.00');
  return {
    orderNo: `ORD-${id}`,
    orderType: f.orderType,
    ieFlag: f.ie,
    tradeMode: f.mode,
    ebp: EBP,
    ebc: EBC,
    ...(importing && { buyer: { regNo: 'buyer-1', name: '张三', idType: '1' as const, idNumber: '110101199003074514', phone: '13800000000' } }),
    lines,
    goodsValue,
    freight,
    insurance: ZERO,
    discount,
    taxTotal,
    actualPaid: goodsValue.plus(freight).plus(taxTotal).minus(discount),
    currency: '142',
    placedAt: START,
  };
}

export function paymentFor(order: Order): Payment {
  return {
    payCode: '4403169D3W',
    payName: 'Tenpay',
    payTransactionId: `PAY-${order.orderNo}`,
    orderNo: order.orderNo,
    ebpCode: order.ebp.code,
    payerIdType: '1',
    payerIdNumber: order.buyer?.idNumber ?? '',
    payerName: order.buyer?.name ?? '',
    payerPhone: '13800000000',
    amountPaid: order.actualPaid,
    currency: '142',
    payTime: START,
  };
}

export function waybillFor(order: Order): Waybill {
  return {
    logisticsCode: '4401980XYZ',
    logisticsName: 'Carrier',
    logisticsNo: `LOG-${order.orderNo}`,
    orderNo: order.orderNo,
    freight: order.freight,
    insuredFee: ZERO,
    currency: '142',
    weightKg: money('1.5'),
    packNo: 1,
    goodsInfo: 'cosmetics',
  };
}

export function listFor(order: Order, bonded: boolean): InventoryList {
  return {
    copNo: `COP-${order.orderNo}`,
    orderNo: order.orderNo,
    logisticsNo: `LOG-${order.orderNo}`,
    ieFlag: order.ieFlag,
    tradeMode: order.tradeMode,
    customsCode: '5141',
    portCode: '5141',
    ebp: order.ebp,
    ebc: order.ebc,
    logistics: party('logistics', '4401980XYZ', 'Carrier'),
    agent: party('agent', '4401960GHI', 'Declarant'),
    ...(bonded && { emsNo: EMS_NO }),
    ...(order.buyer && { buyer: order.buyer }),
    lines: order.lines,
    freight: order.freight,
    insuredFee: ZERO,
    currency: '142',
    declaredAt: START,
  };
}

const RULES: RuleSet = {
  id: 'TEST',
  effectiveFrom: '2019-01-01',
  regime: 'cbec',
  singleLimit: money('5000'),
  annualLimit: money('26000'),
  withinLimitShare: money('0.7'),
  singleItemOverLimitAllowed: true,
  modes: {},
};

export function taxFor(order: Order): TaxAssessment {
  const vat = order.taxTotal;
  const dutiableValue = order.goodsValue.plus(order.freight);
  const lineTax = { dutiableValue, customsDuty: ZERO, vat, consumptionTax: ZERO };
  return { ...lineTax, route: 'cbec', total: vat, lines: [lineTax], rules: RULES, lineRates: [] };
}

/** The autopilot plan of a channel's order, with documents that match. */
export function planFor(id: ChannelId, order: Order = orderFor(id)): AutopilotPlan {
  const f = FACTS[id];
  return {
    ...(id !== '9710' && id !== '9810' && { payment: paymentFor(order) }),
    waybill: waybillFor(order),
    list: listFor(order, f.bonded),
    invtNo: `5141${2019}${f.ie}000000001`,
    ...(f.ie === 'I' && { tax: taxFor(order) }),
    ...(id === '1210-export' && { zoneEntry: { ref: 'HZ-ENTRY-1', emsNo: EMS_NO } }),
    start: START,
  };
}

/** A quota ledger for tests: reservations per invtNo, limit per buyer per year ignored unless set. */
export class TestQuotaLedger implements QuotaLedger {
  readonly #held = new Map<string, { buyerId: string; amount: Money; state: 'reserved' | 'committed' }>();
  constructor(readonly limit: Money = money('26000')) {}

  reserve(entry: { readonly buyerId: string; readonly invtNo: string; readonly at: number; readonly amount: Money }): QuotaDecision {
    if (this.#held.has(entry.invtNo)) return { ok: true, remaining: this.limit.minus(this.used(entry.buyerId)) };
    const remaining = this.limit.minus(this.used(entry.buyerId));
    if (remaining.lt(entry.amount)) return { ok: false, reason: 'annual limit', remaining };
    this.#held.set(entry.invtNo, { buyerId: entry.buyerId, amount: entry.amount, state: 'reserved' });
    return { ok: true, remaining: remaining.minus(entry.amount) };
  }
  commit(invtNo: string): void {
    const h = this.#held.get(invtNo);
    if (h) h.state = 'committed';
  }
  restore(invtNo: string): void {
    this.#held.delete(invtNo);
  }
  /** Keeps the entry: this ledger works a buyer's use out from its entries, so dropping one would lower it. */
  forget(_invtNo: string): void {}
  used(buyerId: string): Money {
    return sum([...this.#held.values()].filter((h) => h.buyerId === buyerId).map((h) => h.amount));
  }
  state(invtNo: string): 'none' | 'reserved' | 'committed' {
    return this.#held.get(invtNo)?.state ?? 'none';
  }
}

/**
 * One instance of every event the channel accepts, with payloads from the fixtures: the testing
 * kit's vocabulary at START, with the return events moved to days that test both windows
 * (RELEASED carries START, so the windows count from it).
 */
export function probeEvents(channel: Channel): ChannelEvent[] {
  const plan = planFor(channel.id);
  const { start: _start, script: _script, stepMs: _stepMs, route: _route, waybill, ...documents } = plan;
  if (!waybill) throw new Error(`fixture plan of ${channel.id} has no waybill`);
  const docs: DocumentSet = { channel: channel.id, order: orderFor(channel.id), waybill, ...documents };
  const timed: ChannelEvent[] = [
    { type: 'RETURN_REQUESTED', at: START + 12 * MS.day },
    { type: 'RETURN_REQUESTED', at: START + 40 * MS.day },
    { type: 'GOODS_RETURNED', at: START + 20 * MS.day },
  ];
  const atStart = channelEventsAt(docs, START).filter((e) => e.type !== 'RETURN_REQUESTED' && e.type !== 'GOODS_RETURNED');
  return [...atStart, ...timed.filter((e) => channel.events.includes(e.type))];
}
