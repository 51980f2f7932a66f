/**
 * The parties of a run reacting to each order's machine: the platform, payer and carrier file,
 * the e-port forwards (or fails and is resent), customs acknowledges, matches, queues, reviews,
 * taxes, inspects and releases, the carrier moves the goods, buyers cancel and return.
 * Every reaction is an event scheduled on the engine and sent to the order's machine; nothing
 * here decides what a state means: the machine does.
 */
import type { ChannelEffect } from '../channels/effects.js';
import type { ChannelEvent, DocKind } from '../channels/events.js';
import type { ChannelId } from '../channels/registry.js';
import { B2B_LIST_LIMIT_CNY, RETURN_GOODS_DAYS } from '../channels/setup.js';
import { DETENTION_STATUSES, receiptOrderProblem, type ReceiptMessage, type ReceiptStatus } from '../customs/receipts.js';
import { reason } from '../customs/reasons.js';
import { formatInvtNo } from '../domain/identifiers.js';
import { orderTax } from '../rules/describe-tax.js';
import { MS, shanghaiDate, shanghaiHour } from './clock.js';
import { afterWorkingTime, drawDuration, type OpeningHours } from './durations.js';
import type { Engine, Ticket } from './engine/engine.js';
import { RunLedgers } from './ledgers.js';
import { money } from '../money/money.js';
import type { TransitionLog } from './log.js';
import { ChannelMetrics } from './metrics/channel-metrics.js';
import type { CustomsDesk } from './parties/customs-desk.js';
import { CHANNEL_PROFILES, type OrderDocuments } from './parties/platform.js';
import type { Rng } from './rng.js';
import type { OrderInstance, OrderRunner } from './runner/types.js';
import type { Scenario } from './scenario/schema.js';

/** One order while it is in flight. */
interface LiveOrder {
  readonly docs: OrderDocuments;
  readonly instance: OrderInstance;
  readonly metrics: ChannelMetrics;
  readonly tickets: Map<string, Ticket>;
  /** Receipt statuses per message, for the order invariant. */
  readonly receipts: Map<ReceiptMessage, ReceiptStatus[]>;
  /** Documents customs acknowledged (120). */
  readonly acked: Set<DocKind>;
  listDeclaredAt?: number;
  releasedAt?: number;
  /** The list number the order's quota movements name (its entry in the quota ledger). */
  quotaInvtNo?: string;
}

/** The random streams of the parties. */
interface Streams {
  readonly eport: Rng;
  readonly customs: Rng;
  readonly carrier: Rng;
  readonly buyers: Rng;
  readonly faults: Rng;
  readonly filing: Rng;
}

/** What the order flow needs from its run. */
export interface OrderFlowDeps {
  readonly scenario: Scenario;
  readonly engine: Engine;
  readonly runner: OrderRunner;
  readonly desk: CustomsDesk;
  readonly ledgers: RunLedgers;
  readonly hours: OpeningHours;
  readonly rng: Rng;
  readonly log?: TransitionLog;
  /** The serial of the run's n-th list (1-based); n itself by default. A sharded run interleaves its shards' serials so list numbers stay unique. */
  readonly listSerial?: (n: number) => number;
}

const LIST_MESSAGES: ReadonlySet<string> = new Set(['CEB622', 'CEB604', 'H2018']);
const ACK_OF: Record<Exclude<DocKind, 'list'>, 'ORDER_ACKED' | 'PAYMENT_ACKED' | 'WAYBILL_ACKED'> = { order: 'ORDER_ACKED', payment: 'PAYMENT_ACKED', waybill: 'WAYBILL_ACKED' };
/** 9710 and 9810 file no payment: their documents are the order and the waybill. */
const isB2b = (channel: ChannelId): boolean => CHANNEL_PROFILES[channel].orderType === 'B' || CHANNEL_PROFILES[channel].orderType === 'W';
const B2B_LIST_LIMIT = money(B2B_LIST_LIMIT_CNY);
/** The account-book reference of a 1210 export order's entry into the zone. */
const zoneEntryRef = (orderNo: string): string => `HZ${orderNo}`;

/** Drives every order of a run from arrival to a final state. */
export class OrderFlow {
  readonly #d: OrderFlowDeps;
  readonly #s: Streams;
  readonly #live = new Map<string, LiveOrder>();
  readonly metrics = new Map<ChannelId, ChannelMetrics>();
  #invtSerial = 0;
  /** Duplicated receipts that were (correctly) ignored. */
  duplicatesIgnored = 0;
  /** Receipts lost and delivered again after the resend time-out. */
  receiptsResent = 0;
  /** Orders whose receipts broke the allowed order (should be zero). */
  receiptOrderViolations = 0;
  /** Releases without the three documents matched (should be zero). */
  unmatchedReleases = 0;
  readonly transitionErrorExamples: string[] = [];

  constructor(deps: OrderFlowDeps) {
    this.#d = deps;
    const r = deps.rng;
    this.#s = { eport: r.stream('eport'), customs: r.stream('customs'), carrier: r.stream('carrier'), buyers: r.stream('buyers-behaviour'), faults: r.stream('faults'), filing: r.stream('filing') };
  }

  /** Orders in flight, by channel and state. */
  inFlight(): Map<ChannelId, Map<string, number>> {
    const out = new Map<ChannelId, Map<string, number>>();
    for (const o of this.#live.values()) {
      const byState = out.get(o.docs.channel) ?? new Map<string, number>();
      ChannelMetrics.bump(byState, o.instance.state);
      out.set(o.docs.channel, byState);
    }
    return out;
  }

  /** The copNo of every list still in flight (their stock reservations may be open). */
  liveCopNos(): Set<string> {
    return new Set([...this.#live.values()].map((o) => o.docs.list.copNo));
  }

  /** The metrics of `channel`, created on first use. */
  metricsOf(channel: ChannelId): ChannelMetrics {
    let m = this.metrics.get(channel);
    if (!m) {
      m = new ChannelMetrics(channel);
      this.metrics.set(channel, m);
    }
    return m;
  }

  /** A new order arrives: its machine starts and its parties begin to file. */
  arrive(docs: OrderDocuments): void {
    const { engine, runner, scenario } = this.#d;
    const o: LiveOrder = { docs, instance: runner.start(docs.channel, docs.order), metrics: this.metricsOf(docs.channel), tickets: new Map(), receipts: new Map(), acked: new Set() };
    o.metrics.orders++;
    ChannelMetrics.bump(o.metrics.ordersPerHour, shanghaiHour(engine.now));
    this.#live.set(docs.order.orderNo, o);
    if (docs.channel === '1210-export') {
      const emsNo = docs.list.emsNo ?? '';
      this.#at(o, 'zone', engine.now, { type: 'ZONE_ENTERED', ref: zoneEntryRef(docs.order.orderNo), emsNo, at: engine.now });
    } else this.#file(o);
    if (this.#s.buyers.bernoulli(scenario.buyers.cancelRate)) {
      this.#at(o, 'cancel', engine.now + this.#s.buyers.uniform(0, 3 * MS.day), { type: 'CANCEL_REQUESTED', at: 0 });
    }
  }

  #file(o: LiveOrder): void {
    const { scenario, engine } = this.#d;
    const filing = () => engine.now + drawDuration(this.#s.filing, scenario.carrier.filing);
    const { docs } = o;
    this.#at(o, 'file:order', filing(), { type: 'ORDER_FILED', at: 0 });
    if (!isB2b(docs.channel)) this.#at(o, 'file:payment', filing(), { type: 'PAYMENT_FILED', payment: docs.payment, at: 0 });
    this.#at(o, 'file:waybill', filing(), { type: 'WAYBILL_FILED', waybill: docs.waybill, at: 0 });
    const route = isB2b(docs.channel) && docs.order.goodsValue.gt(B2B_LIST_LIMIT) ? { route: 'entry' as const } : {};
    this.#at(o, 'file:list', filing() + drawDuration(this.#s.filing, scenario.carrier.filing), { type: 'LIST_DECLARED', list: docs.list, ...route, at: 0 });
  }

  /** Schedules `event` for order `o` at `time` in `slot`, replacing what the slot held. */
  #at(o: LiveOrder, slot: string, time: number, event: ChannelEvent, duplicate = false): void {
    const { engine } = this.#d;
    const previous = o.tickets.get(slot);
    if (previous) engine.cancel(previous);
    const ticket = engine.at(Math.max(Math.round(time), engine.now), (e) => {
      if (o.tickets.get(slot) === ticket) o.tickets.delete(slot);
      this.#deliver(o, { ...event, at: e.now }, duplicate);
    });
    o.tickets.set(slot, ticket);
  }

  #cancel(o: LiveOrder, slot: string): void {
    const ticket = o.tickets.get(slot);
    if (ticket) this.#d.engine.cancel(ticket);
    o.tickets.delete(slot);
  }

  #deliver(o: LiveOrder, event: ChannelEvent, duplicate: boolean): void {
    if (!this.#live.has(o.docs.order.orderNo)) return;
    if (event.type === 'CANCEL_REQUESTED' && !o.instance.can(event)) return; // the buyer changed their mind too late to matter
    const { log } = this.#d;
    const from = log ? o.instance.state : '';
    const outcome = o.instance.send(event);
    if (!outcome.accepted) {
      if (duplicate) this.duplicatesIgnored++;
      else {
        o.metrics.transitionErrors++;
        if (this.transitionErrorExamples.length < 10) this.transitionErrorExamples.push(`${o.docs.order.orderNo}: ${event.type} in ${outcome.state}`);
      }
      return;
    }
    const statuses = this.#effects(o, event, outcome.effects);
    log?.write({ t: event.at, orderNo: o.docs.order.orderNo, channel: o.docs.channel, from, event: event.type, to: o.instance.state, ...(statuses.length ? { status: statuses } : {}) });
    if (o.instance.done) this.#finish(o);
    else this.#react(o, event);
  }

  #effects(o: LiveOrder, event: ChannelEvent, effects: readonly ChannelEffect[]): number[] {
    const { ledgers, scenario, engine } = this.#d;
    const statuses: number[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'receipt': {
          statuses.push(effect.status);
          const seen = o.receipts.get(effect.message) ?? [];
          seen.push(effect.status);
          o.receipts.set(effect.message, seen);
          if (effect.status === 100 && LIST_MESSAGES.has(effect.message)) ChannelMetrics.bump(o.metrics.rejections, effect.reason?.code ?? 'unspecified');
          break;
        }
        case 'quota': {
          o.quotaInvtNo = effect.invtNo;
          const result = ledgers.applyQuota(effect);
          if (!result.ok) this.#at(o, 'quota', engine.now, { type: 'QUOTA_REFUSED', detail: result.detail, at: 0 });
          break;
        }
        case 'stock': {
          const result = ledgers.applyStock(effect);
          if (!result.ok) this.#at(o, 'stock', engine.now, { type: 'STOCK_SHORTAGE', at: 0 });
          if (effect.op === 'deduct' || !result.ok) {
            for (const item of ledgers.itemsToReorder(effect, scenario.bonded.reorderPoint)) {
              engine.after(drawDuration(this.#s.carrier, scenario.bonded.replenishment), (e) => ledgers.replenish(effect.emsNo, item, scenario.bonded.reorderQuantity, e.now));
            }
          }
          break;
        }
        case 'tax-bill':
          if (effect.tax) o.metrics.tax(effect.op === 'issue' ? 1 : -1, effect.tax);
          break;
        case 'export-summary':
          this.onSummary?.(o.docs, effect.invtNo, effect.at);
          break;
        case 'rebate':
          ledgers.rebates++;
          break;
      }
    }
    if (event.type === 'RELEASED' && !this.#documentsMatched(o)) this.unmatchedReleases++;
    return statuses;
  }

  /** Called for each released retail export list (for the monthly summary). */
  onSummary?: (docs: OrderDocuments, invtNo: string, at: number) => void;

  #documentsMatched(o: LiveOrder): boolean {
    const required: readonly DocKind[] = isB2b(o.docs.channel) ? ['order', 'waybill'] : ['order', 'payment', 'waybill'];
    return required.every((doc) => o.acked.has(doc));
  }

  #finish(o: LiveOrder): void {
    for (const ticket of o.tickets.values()) this.#d.engine.cancel(ticket);
    o.tickets.clear();
    ChannelMetrics.bump(o.metrics.finalStates, o.instance.state);
    for (const [message, statuses] of o.receipts) if (receiptOrderProblem(message, statuses) !== undefined) this.receiptOrderViolations++;
    this.#live.delete(o.docs.order.orderNo);
    this.#d.ledgers.forget({ stockRefs: [o.docs.list.copNo, zoneEntryRef(o.docs.order.orderNo)], invtNo: o.quotaInvtNo });
  }

  #react(o: LiveOrder, event: ChannelEvent): void {
    const { scenario, engine, hours } = this.#d;
    const now = engine.now;
    const c = scenario.customs;
    switch (event.type) {
      case 'ZONE_ENTERED':
        this.#file(o);
        break;
      case 'ORDER_FILED':
      case 'PAYMENT_FILED':
      case 'WAYBILL_FILED':
        this.#send(o, event.type === 'ORDER_FILED' ? 'order' : event.type === 'PAYMENT_FILED' ? 'payment' : 'waybill');
        break;
      case 'LIST_DECLARED':
        o.listDeclaredAt = now;
        o.metrics.listsDeclared++;
        this.#send(o, 'list');
        break;
      case 'RESENT':
        this.#send(o, event.doc);
        break;
      case 'SEND_FAILED':
        this.#at(o, `send:${event.doc}`, now + scenario.faults.resendAfterMinutes * MS.minute, { type: 'RESENT', doc: event.doc, at: 0 });
        break;
      case 'SENT':
        if (event.doc === 'list') {
          this.#at(o, 'documents', now + c.documentWaitMinutes * MS.minute, { type: 'TIMEOUT', timer: 'documents', at: 0 });
          this.#tryAccept(o);
        } else this.#receipt(o, `ack:${event.doc}`, now + drawDuration(this.#s.customs, c.acceptance), { type: ACK_OF[event.doc], at: 0 });
        break;
      case 'ORDER_ACKED':
      case 'PAYMENT_ACKED':
      case 'WAYBILL_ACKED':
        o.acked.add(event.type === 'ORDER_ACKED' ? 'order' : event.type === 'PAYMENT_ACKED' ? 'payment' : 'waybill');
        this.#tryAccept(o);
        break;
      case 'CUSTOMS_ACCEPTED':
        this.#cancel(o, 'documents');
        this.#cancel(o, 'accept');
        engine.at(now, () => this.#queueForDecision(o));
        break;
      case 'MANUAL_REVIEW':
        o.metrics.reviews++;
        this.#at(o, 'decide', afterWorkingTime(now, drawDuration(this.#s.customs, c.review), hours), this.#decision(o, now));
        break;
      case 'QUOTA_REFUSED':
        o.metrics.quotaRefusals++;
        break;
      case 'DECIDED':
        if (o.docs.order.ieFlag === 'I') this.#inspectOrRelease(o);
        else if (this.#s.carrier.bernoulli(scenario.carrier.arrivalMissingRate)) this.#at(o, 'arrival', now + 72 * MS.hour, { type: 'TIMEOUT', timer: 'arrival', at: 0 });
        else this.#at(o, 'arrival', now + drawDuration(this.#s.carrier, scenario.carrier.toExitSite), { type: 'ARRIVED', at: 0 });
        break;
      case 'ARRIVED':
        this.#inspectOrRelease(o);
        break;
      case 'INSPECTION_ORDERED':
        o.metrics.inspections++;
        this.#at(o, 'inspection', afterWorkingTime(now, drawDuration(this.#s.customs, c.inspection), hours), this.#inspectionOutcome(o));
        break;
      case 'INSPECTION_PASSED':
        this.#at(o, 'release', now + MS.minute, { type: 'RELEASED', at: 0 });
        break;
      case 'RELEASED':
        o.releasedAt = now;
        if (o.listDeclaredAt !== undefined) o.metrics.cleared(now - o.listDeclaredAt);
        this.#at(o, 'carrier', now + (o.docs.order.ieFlag === 'I' ? this.#s.carrier.uniform(1, 6) * MS.hour : drawDuration(this.#s.carrier, scenario.carrier.toDeparture)), { type: 'DEPARTED', at: 0 });
        break;
      case 'DEPARTED':
        if (o.docs.order.ieFlag === 'I') this.#at(o, 'carrier', now + drawDuration(this.#s.carrier, scenario.carrier.domesticDelivery), { type: 'DELIVERED', at: 0 });
        else {
          o.metrics.leadTime.record(now - o.docs.order.placedAt);
          this.#at(o, 'close', now + MS.day, { type: 'CLOSED', at: 0 });
        }
        break;
      case 'DELIVERED':
        o.metrics.leadTime.record(now - o.docs.order.placedAt);
        this.#closeAfterReturnWindow(o);
        if (this.#s.buyers.bernoulli(scenario.buyers.returnRate)) this.#at(o, 'return', now + this.#s.buyers.uniform(1, 35) * MS.day, { type: 'RETURN_REQUESTED', at: 0 });
        break;
      case 'RETURN_REQUESTED':
        if (o.instance.state.endsWith('returning')) this.#goodsBack(o);
        break;
      case 'TIMEOUT':
        if (event.timer === 'return') this.#at(o, 'close', now + MS.hour, { type: 'CLOSED', at: 0 });
        break;
      case 'CLOSED':
        this.#at(o, 'overseas', now + this.#s.carrier.uniform(15, 35) * MS.day, { type: 'WAREHOUSED', at: 0 });
        break;
      case 'WAREHOUSED':
        this.#at(o, 'overseas', now + this.#s.carrier.exponential(30 * MS.day), { type: 'SOLD', at: 0 });
        break;
      default:
        break;
    }
  }

  /** The e-port forwards `doc` to customs (after any outage), or fails to (status 4). */
  #send(o: LiveOrder, doc: DocKind): void {
    const { engine, desk, scenario } = this.#d;
    const at = desk.afterOutage(engine.now + MS.minute);
    const failed = this.#s.eport.bernoulli(scenario.carrier.sendFailureRate);
    this.#at(o, `send:${doc}`, at, failed ? { type: 'SEND_FAILED', doc, at: 0 } : { type: 'SENT', doc, at: 0 });
  }

  /** A customs receipt, subject to the scenario's lost and duplicated receipt faults. */
  #receipt(o: LiveOrder, slot: string, time: number, event: ChannelEvent): void {
    const f = this.#d.scenario.faults;
    if (this.#s.faults.bernoulli(f.lostReceiptRate)) {
      this.receiptsResent++;
      this.#at(o, slot, time + f.resendAfterMinutes * MS.minute, event);
      return;
    }
    this.#at(o, slot, time, event);
    if (this.#s.faults.bernoulli(f.duplicateReceiptRate)) this.#at(o, `${slot}:duplicate`, time + MS.minute, event, true);
  }

  #nextListSerial(): number {
    const n = ++this.#invtSerial;
    return this.#d.listSerial?.(n) ?? n;
  }

  /** Customs numbers and accepts the list once every document is in and matches. */
  #tryAccept(o: LiveOrder): void {
    const { engine, scenario } = this.#d;
    if (o.tickets.has('accept')) return;
    const invtNo = formatInvtNo(scenario.customsCode, Number(shanghaiDate(engine.now).slice(0, 4)), o.docs.order.ieFlag, this.#nextListSerial() % 1_000_000_000);
    const event: ChannelEvent = { type: 'CUSTOMS_ACCEPTED', invtNo, at: engine.now };
    if (!o.instance.can(event)) return;
    // every document is in and matches: customs no longer waits for missing ones, however long acceptance takes
    this.#cancel(o, 'documents');
    this.#receipt(o, 'accept', engine.now + drawDuration(this.#s.customs, scenario.customs.acceptance), event);
  }

  #queueForDecision(o: LiveOrder): void {
    const { desk, engine, scenario } = this.#d;
    if (!this.#live.has(o.docs.order.orderNo) || !o.instance.state.endsWith('accepted')) return;
    const decidedAt = desk.enqueue(engine.now);
    const slotEvent = this.#s.customs.bernoulli(scenario.customs.reviewRate) ? ({ type: 'MANUAL_REVIEW', at: 0 } as const) : undefined;
    const ticket = engine.at(decidedAt, (e) => {
      desk.leave(e.now);
      if (o.tickets.get('customs') === ticket) o.tickets.delete('customs');
      this.#deliver(o, slotEvent ? { ...slotEvent, at: e.now } : this.#decision(o, e.now), false);
    });
    o.tickets.set('customs', ticket);
  }

  /** Customs' decision: import lists carry the tax; one the rules send to general trade is refused. */
  #decision(o: LiveOrder, now: number): ChannelEvent {
    const { order, buyerIndex } = o.docs;
    if (order.ieFlag === 'E' || !order.buyer) return { type: 'DECIDED', at: now };
    const { ledgers } = this.#d;
    if (buyerIndex !== undefined) ledgers.bookPrior(order.buyer.idNumber, buyerIndex, now);
    const own = RunLedgers.quotaInForce(now) ? order.goodsValue.plus(order.freight).plus(order.insurance) : undefined;
    const usedBefore = ledgers.used(order.buyer.idNumber, now).minus(own ?? 0);
    const tax = orderTax(order, usedBefore.isNegative() ? '0' : usedBefore.toFixed(2));
    if (tax.route === 'general-trade') return { type: 'REJECTED', reason: { code: 'customs-refused', text: `${reason('customs-refused').text}: ${tax.reason ?? ''}` }, at: now };
    return { type: 'DECIDED', tax, at: now };
  }

  #inspectOrRelease(o: LiveOrder): void {
    const now = this.#d.engine.now;
    if (this.#s.customs.bernoulli(this.#d.scenario.customs.inspectionRate)) this.#at(o, 'inspection', now + MS.minute, { type: 'INSPECTION_ORDERED', at: 0 });
    else this.#at(o, 'release', now + MS.minute, { type: 'RELEASED', at: 0 });
  }

  #inspectionOutcome(o: LiveOrder): ChannelEvent {
    const c = this.#d.scenario.customs;
    const draw = this.#s.customs.float();
    if (o.docs.order.ieFlag === 'E') return draw < c.detentionRate ? { type: 'REJECTED', reason: reason('inspection-failed'), at: 0 } : { type: 'INSPECTION_PASSED', at: 0 };
    if (draw < c.detentionRate) return { type: 'DETAINED', status: DETENTION_STATUSES[this.#s.customs.int(0, DETENTION_STATUSES.length - 1)]!, at: 0 };
    if (draw < c.detentionRate + c.reexportRate) return { type: 'REEXPORTED', at: 0 };
    return { type: 'INSPECTION_PASSED', at: 0 };
  }

  /** Customs closes an import list once the 30-day return window has passed. */
  #closeAfterReturnWindow(o: LiveOrder): void {
    const now = this.#d.engine.now;
    this.#at(o, 'close', Math.max(now + MS.hour, (o.releasedAt ?? now) + 31 * MS.day), { type: 'CLOSED', at: 0 });
  }

  /** Returned goods travel back; late ones are refused when the 45-day window closes. */
  #goodsBack(o: LiveOrder): void {
    this.#cancel(o, 'close');
    const now = this.#d.engine.now;
    const back = now + this.#s.buyers.uniform(2, 20) * MS.day;
    const deadline = (o.releasedAt ?? now) + RETURN_GOODS_DAYS * MS.day;
    if (back <= deadline) this.#at(o, 'return', back, { type: 'GOODS_RETURNED', at: 0 });
    else this.#at(o, 'return', deadline + MS.minute, { type: 'TIMEOUT', timer: 'return', at: 0 });
  }
}
