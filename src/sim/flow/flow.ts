/**
 * The parties of a run reacting to each order's machine: the platform, payer and carrier file,
 * the e-port forwards (or fails and is resent), customs acknowledges, matches, queues, reviews,
 * taxes, inspects and releases, the carrier moves the goods, buyers cancel and return. Every
 * reaction is an event queued for the order and sent to its machine; nothing here decides what a
 * state means: the machine does.
 *
 * Orders are rows of numbers ({@link OrderRows}) and events are numbers in the run's queue; the
 * machines are stepped through {@link OrderMachines}, whichever runner drives them, so a run's
 * report depends on the runner only through the machines themselves.
 */
import { CHANNEL_IDS } from '../../channels/registry.js';
import { DETENTION_STATUSES } from '../../customs/receipts.js';
import { transitOf } from '../international.js';
import { CbecError } from '../../domain/errors.js';
import { modeAt } from '../../rules/modes.js';
import { MS, shanghaiDate, shanghaiHour } from '../clock.js';
import type { PositiveList } from '../../rules/positive-list.js';
import { scenarioRates } from '../scenario/rates.js';
import { afterWorkingTime, drawDuration, type OpeningHours } from '../durations.js';
import type { EventQueue } from '../engine/event-queue.js';
import { ChannelMetrics } from '../metrics/channel-metrics.js';
import type { CustomsDesk } from '../parties/customs-desk.js';
import { CHANNEL_PROFILES, isB2b, OrderNumbers } from '../parties/platform.js';
import type { Population } from '../parties/population.js';
import type { Rng } from '../rng.js';
import { B, docCode, E, EVENT_TYPES, modeCode, NO_TAX, PAYMENT_FACTS, reasonCode, reasonOf, TAXED, timerCode } from '../runner/lean/codes.js';
import { LeanEvent } from '../runner/lean/context.js';
import type { Duration, Scenario } from '../scenario/schema.js';
import type { FlowEffects } from './effects.js';
import type { TransitionLines } from './log-lines.js';
import { LEAN_TABLES, type LineSource, type OrderMachines } from './machines.js';
import { FenTaxAnswer } from '../../rules/fen-tax.js';
import { generalTradeRefusal, routeCode } from './order-tax.js';
import type { QuotaBook } from './quota-book.js';
import { CUSTOMS_DUE, DUPLICATE, EVENT_OF, payloadCode, payloadEpoch, QUEUE_DECISION, timerPayload } from './queue-codes.js';
import { brokenMessages } from './receipt-order.js';
import { ENTRY_RESERVED, F, field2, field5, UNSPECIFIED, withField2, withField4, type OrderRows } from './rows.js';

/** The random streams of the parties. */
interface Streams {
  readonly eport: Rng;
  readonly customs: Rng;
  readonly carrier: Rng;
  readonly buyers: Rng;
  readonly faults: Rng;
  readonly filing: Rng;
  readonly international: Rng;
}

/** What the order flow needs from its run. */
export interface OrderFlowDeps {
  readonly scenario: Scenario;
  readonly queue: EventQueue;
  readonly rows: OrderRows;
  readonly effects: FlowEffects;
  readonly desk: CustomsDesk;
  readonly hours: OpeningHours;
  readonly quota: QuotaBook;
  /** The shard's buyers, for the few facts drawn from who they are (a payer who is someone else). */
  readonly population: Population;
  readonly lines: LineSource;
  /** The parties' streams come from it. */
  readonly rng: Rng;
  /** The metrics of channel index `channel`. */
  readonly metrics: (channel: number) => ChannelMetrics;
  /** The run's first calendar year (Shanghai). */
  readonly firstYear: number;
  /** Where transitions go, when the run logs. */
  readonly log?: TransitionLines;
  /** The serial of the run's n-th list (1-based); n itself by default. A sharded run interleaves its shards' serials so list numbers stay unique. */
  readonly listSerial?: (n: number) => number;
}

const ACK_OF = [E.ORDER_ACKED, E.PAYMENT_ACKED, E.WAYBILL_ACKED] as const;
const LIST = /* @__PURE__ */ docCode('list');
const DOCUMENTS_TIMER = /* @__PURE__ */ timerCode('documents');
const ARRIVAL_TIMER = /* @__PURE__ */ timerCode('arrival');
const RETURN_TIMER = /* @__PURE__ */ timerCode('return');
const EXPORT_1210 = /* @__PURE__ */ CHANNEL_IDS.indexOf('1210-export');
const IMPORT_9610 = /* @__PURE__ */ CHANNEL_IDS.indexOf('9610-import');

/** The code of the supervision mode each channel's orders carry, remembered per channel and Shanghai day. */
class ModesByDay {
  readonly #days = new Float64Array(CHANNEL_IDS.length).fill(Number.NaN);
  readonly #modes = new Uint8Array(CHANNEL_IDS.length);

  of(channel: number, placedAt: number): number {
    const day = Math.floor((placedAt + 8 * MS.hour) / MS.day);
    if (this.#days[channel] !== day) {
      this.#days[channel] = day;
      this.#modes[channel] = modeCode(modeAt(placedAt, CHANNEL_PROFILES[CHANNEL_IDS[channel]!].wanted));
    }
    return this.#modes[channel]!;
  }
}

/** The reason code of a refusal field (undefined for 0: not refused). */
function refusalOf(field: number): string | undefined {
  if (field === 0) return undefined;
  return field === UNSPECIFIED ? 'unspecified' : reasonOf(field);
}
const B2B_LIST_LIMIT_FEN = 500_000;

/** Drives every order of a run from arrival to a final state. */
export class OrderFlow {
  readonly #d: OrderFlowDeps;
  readonly #s: Streams;
  readonly #rows: OrderRows;
  readonly #event = new LeanEvent();
  readonly #modes = new ModesByDay();
  readonly #orderNos = new OrderNumbers();
  /** The international leg's transit by origin country. */
  readonly #transits = new Map<string, Duration>();
  readonly #tax: FenTaxAnswer;
  /** The scenario's positive list, and which catalogue goods are off it. */
  readonly #positiveList: PositiveList | undefined;
  readonly #offList: Uint8Array;
  /** The payload of the decision {@link #decide} last made. */
  #decision = 0;
  /** The run's now: the time of the event being handled. */
  now = 0;
  machines!: OrderMachines;
  #invtSerial = 0;
  /** Duplicated receipts that were (correctly) ignored. */
  duplicatesIgnored = 0;
  /** Receipts lost and delivered again after the resend time-out. */
  receiptsResent = 0;
  /** Orders whose receipts broke the allowed order (should be zero). */
  receiptOrderViolations = 0;
  /** Releases without the three documents matched (should be zero). */
  unmatchedReleases = 0;
  /** Stock reservations left open by orders that finished (should be zero). */
  orphanedReservations = 0;
  readonly transitionErrorExamples: string[] = [];

  constructor(deps: OrderFlowDeps) {
    this.#d = deps;
    this.#positiveList = scenarioRates(deps.scenario).positiveList;
    const list = this.#positiveList;
    this.#offList = Uint8Array.from(deps.scenario.catalogue, (g) => (list !== undefined && !list.lines.has(g.hsCode.slice(0, 8)) ? 1 : 0));
    this.#rows = deps.rows;
    this.#tax = new FenTaxAnswer(deps.scenario.buyers.maxLinesPerOrder);
    const r = deps.rng;
    this.#s = { eport: r.stream('eport'), customs: r.stream('customs'), carrier: r.stream('carrier'), buyers: r.stream('buyers-behaviour'), faults: r.stream('faults'), filing: r.stream('filing'), international: r.stream('international') };
  }

  /** The carrier's stream (replenishment lead times are drawn from it too). */
  get carrier(): Rng {
    return this.#s.carrier;
  }

  /** Orders in flight, by channel index and configuration. */
  inFlight(): Map<number, Map<string, number>> {
    const out = new Map<number, Map<string, number>>();
    const rows = this.#rows;
    rows.forEachLive((slot) => {
      const channel = rows.channel(slot);
      const byState = out.get(channel) ?? new Map<string, number>();
      ChannelMetrics.bump(byState, LEAN_TABLES[channel]!.nameOf(rows.config(slot)));
      out.set(channel, byState);
    });
    return out;
  }

  /** Queues event `code` for order `slot` at `time` (rounded, never before now). */
  at(slot: number, time: number, code: number, payload: number): void {
    if (!Number.isFinite(time)) throw new CbecError('INTERNAL', `An event (code ${code}) was to be queued at ${time}; please report this.`);
    this.#d.queue.push(Math.max(Math.round(time), this.now), slot, code, payload);
    if (slot >= 0) this.#rows.queued(slot);
  }

  /** The `serial`th order of the run arrives now in channel index `channel`. */
  arrive(channel: number, serial: number): void {
    const { scenario, quota, lines: source } = this.#d;
    const rows = this.#rows;
    const now = this.now;
    const slot = rows.take();
    const lines = source.draws.draw(channel, source.random.start(serial), source.lines);
    rows.setChannel(slot, channel);
    rows.setSerial(slot, serial);
    rows.setPlacedAt(slot, now);
    rows.setBuyer(slot, lines.buyer);
    rows.setGoods(slot, lines.goodsValue);
    rows.setFreight(slot, lines.freight);
    rows.setDeclared(slot, 0);
    let bits = lines.goodsValue <= B2B_LIST_LIMIT_FEN ? B.B2B_SMALL : 0;
    let withheld = 0;
    if (lines.buyer >= 0) {
      bits |= B.HAS_BUYER;
      if (lines.otherPayer && this.#payerDiffers(lines.buyer)) bits |= B.PAYMENT_PAYER;
      quota.bookPrior(lines.buyer, now);
      const tax = this.machines.tax(slot, quota.used(lines.buyer, now), this.#tax);
      withheld = tax.route === 'general-trade' ? 0 : tax.total;
    }
    rows.setWithheld(slot, withheld);
    rows.setBits(slot, bits);
    this.machines.start(slot);
    const metrics = this.#d.metrics(channel);
    metrics.orders++;
    ChannelMetrics.bump(metrics.ordersPerHour, shanghaiHour(now));
    if (channel === EXPORT_1210) this.at(slot, now, E.ZONE_ENTERED, 0);
    else this.#file(slot);
    if (this.#s.buyers.bernoulli(scenario.buyers.cancelRate)) this.at(slot, now + this.#s.buyers.uniform(0, 3 * MS.day), E.CANCEL_REQUESTED, 0);
  }

  /** True when the next buyer of the population, who pays in a mismatch, is not the buyer by name and ID. */
  #payerDiffers(buyer: number): boolean {
    const { population } = this.#d;
    const own = population.member(buyer).buyer;
    const other = population.member((buyer + 1) % population.size).buyer;
    return own.name !== other.name || own.idNumber !== other.idNumber || own.idType !== other.idType;
  }

  #file(slot: number): void {
    const { scenario } = this.#d;
    const filing = () => this.now + drawDuration(this.#s.filing, scenario.carrier.filing);
    const channel = CHANNEL_IDS[this.#rows.channel(slot)]!;
    this.at(slot, filing(), E.ORDER_FILED, 0);
    if (!isB2b(channel)) this.at(slot, filing(), E.PAYMENT_FILED, 0);
    this.at(slot, filing(), E.WAYBILL_FILED, 0);
    const route = isB2b(channel) && this.#rows.goods(slot) > B2B_LIST_LIMIT_FEN ? 1 : 0;
    this.at(slot, filing() + drawDuration(this.#s.filing, scenario.carrier.filing) + this.#internationalLeg(slot), E.LIST_DECLARED, route);
  }

  /** A 9610 import parcel travels from abroad to the port before its list is declared; other channels' goods are already here. */
  #internationalLeg(slot: number): number {
    const rows = this.#rows;
    if (rows.channel(slot) !== IMPORT_9610) return 0;
    const { lines: source, scenario } = this.#d;
    const lines = source.draws.draw(IMPORT_9610, source.random.start(rows.serial(slot)), source.lines);
    const origin = lines.count > 0 ? scenario.catalogue[lines.goods[0]!]!.originCountry : '';
    let transit = this.#transits.get(origin);
    if (transit === undefined) {
      transit = transitOf(scenario.directMail, origin);
      this.#transits.set(origin, transit);
    }
    return drawDuration(this.#s.international, transit);
  }

  /** Handles an event of order `slot` that popped (its pending count already taken down). */
  handle(slot: number, code: number, payload: number): void {
    if (code === QUEUE_DECISION) return this.#queueForDecision(slot);
    if (code === CUSTOMS_DUE) {
      this.#d.desk.leave(this.now);
      if (payload === 1) return this.#deliver(slot, E.MANUAL_REVIEW, 0, false);
      const decided = this.#decide(slot, this.now);
      return this.#deliver(slot, decided, this.#decision, false);
    }
    const type = code & EVENT_OF;
    if (type === E.CUSTOMS_ACCEPTED && (code & DUPLICATE) === 0) this.#rows.setFlags(slot, this.#rows.flags(slot) & ~F.ACCEPT_PENDING);
    if (type === E.TIMEOUT || type === E.CLOSED) {
      if (payloadEpoch(payload) !== this.#rows.epoch(slot)) return;
      return this.#deliver(slot, type, payloadCode(payload), (code & DUPLICATE) !== 0);
    }
    this.#deliver(slot, type, payload, (code & DUPLICATE) !== 0);
  }

  /** The document facts the event carries (the flow's documents agree, but for a payer who is someone else). */
  #factsOf(slot: number, type: number): number {
    const rows = this.#rows;
    if (type === E.PAYMENT_FILED) return rows.bits(slot) & PAYMENT_FACTS;
    if (type !== E.LIST_DECLARED) return 0;
    const channel = rows.channel(slot);
    const profile = CHANNEL_PROFILES[CHANNEL_IDS[channel]!];
    const mode = this.#modes.of(channel, rows.placedAt(slot));
    return (mode << B.LIST_MODE_SHIFT) | B.LIST_SAME_MODE | (profile.bonded ? B.LIST_EMS | B.LIST_ITEMS : 0);
  }

  #deliver(slot: number, type: number, payload: number, duplicate: boolean): void {
    const rows = this.#rows;
    const event = this.#event.set(type, payload, this.now, this.#factsOf(slot, type));
    if (type === E.CANCEL_REQUESTED && !this.machines.can(slot, event)) return; // the buyer changed their mind too late to matter
    const from = rows.config(slot);
    const effects = this.#d.effects;
    effects.statuses.length = 0;
    effects.refusal = 0;
    if (!this.machines.send(slot, event)) {
      if (duplicate) this.duplicatesIgnored++;
      else this.#refused(slot, type, from);
      return;
    }
    if (type === E.RELEASED && !this.#documentsMatched(slot)) this.unmatchedReleases++;
    this.#count(slot, type);
    const channel = rows.channel(slot);
    const to = rows.config(slot);
    this.#d.log?.write(this.now, this.#orderNos, channel, rows.placedAt(slot), rows.serial(slot), from, type, to, effects.statuses, refusalOf(effects.refusal) ?? null);
    if (LEAN_TABLES[channel]!.isDone(to)) this.#finish(slot);
    else this.#react(slot, type, payload);
  }

  /**
   * What an accepted event adds to its channel's figures. Every accepted event is counted here,
   * the one that ends the order included, so no figure depends on the order going on.
   */
  #count(slot: number, type: number): void {
    const rows = this.#rows;
    const now = this.now;
    switch (type) {
      case E.LIST_DECLARED:
        rows.setDeclared(slot, now - rows.placedAt(slot));
        this.#d.metrics(rows.channel(slot)).listsDeclared++;
        return;
      case E.MANUAL_REVIEW:
        this.#d.metrics(rows.channel(slot)).reviews++;
        return;
      case E.INSPECTION_ORDERED:
        this.#d.metrics(rows.channel(slot)).inspections++;
        return;
      case E.RELEASED:
        // The return windows count from here (the lean machine keeps the same instant in its context).
        rows.setReleased(slot, now);
        this.#d.metrics(rows.channel(slot)).cleared(now - (rows.placedAt(slot) + rows.declared(slot)));
        return;
      case E.DELIVERED:
        this.#d.metrics(rows.channel(slot)).leadTime.record(now - rows.placedAt(slot));
        return;
      case E.DEPARTED:
        if (!this.#importing(slot)) this.#d.metrics(rows.channel(slot)).leadTime.record(now - rows.placedAt(slot));
        return;
      default:
        return;
    }
  }

  #importing(slot: number): boolean {
    return CHANNEL_PROFILES[CHANNEL_IDS[this.#rows.channel(slot)]!].ieFlag === 'I';
  }

  #refused(slot: number, type: number, config: number): void {
    const channel = this.#rows.channel(slot);
    this.#d.metrics(channel).transitionErrors++;
    if (this.transitionErrorExamples.length < 10) this.transitionErrorExamples.push(`${this.#orderNo(slot)}: ${EVENT_TYPES[type]} in ${LEAN_TABLES[channel]!.nameOf(config)}`);
  }

  #orderNo(slot: number): string {
    const rows = this.#rows;
    return this.#orderNos.of(rows.channel(slot), rows.placedAt(slot), rows.serial(slot));
  }

  #documentsMatched(slot: number): boolean {
    const acked = (this.#rows.flags(slot) >>> 1) & 7;
    return isB2b(CHANNEL_IDS[this.#rows.channel(slot)]!) ? (acked & 5) === 5 : acked === 7;
  }

  #finish(slot: number): void {
    const rows = this.#rows;
    const channel = rows.channel(slot);
    this.#d.metrics(channel).finished(LEAN_TABLES[channel]!.nameOf(rows.config(slot)), refusalOf(field5(rows.flags(slot), F.REFUSAL_SHIFT)));
    this.receiptOrderViolations += brokenMessages(rows.receipts(slot));
    // The book keeps a reservation its order left open; no order will ever release it.
    if (field2(rows.flags(slot), F.STOCK_SHIFT) === ENTRY_RESERVED) this.orphanedReservations++;
    this.machines.stop(slot);
    rows.finish(slot);
  }

  #react(slot: number, type: number, payload: number): void {
    const { scenario, hours } = this.#d;
    const now = this.now;
    const c = scenario.customs;
    const rows = this.#rows;
    const channel = rows.channel(slot);
    const importing = this.#importing(slot);
    switch (type) {
      case E.ZONE_ENTERED:
        return this.#file(slot);
      case E.ORDER_FILED:
        return this.#send(slot, docCode('order'));
      case E.PAYMENT_FILED:
        return this.#send(slot, docCode('payment'));
      case E.WAYBILL_FILED:
        return this.#send(slot, docCode('waybill'));
      case E.LIST_DECLARED:
        return this.#send(slot, LIST);
      case E.RESENT:
        return this.#send(slot, payload);
      case E.SEND_FAILED:
        return this.at(slot, now + scenario.faults.resendAfterMinutes * MS.minute, E.RESENT, payload);
      case E.SENT:
        if (payload !== LIST) return this.#receipt(slot, now + drawDuration(this.#s.customs, c.acceptance), ACK_OF[payload]!, 0);
        this.at(slot, now + c.documentWaitMinutes * MS.minute, E.TIMEOUT, timerPayload(DOCUMENTS_TIMER, rows.epoch(slot)));
        return this.#tryAccept(slot);
      case E.ORDER_ACKED:
      case E.PAYMENT_ACKED:
      case E.WAYBILL_ACKED:
        rows.setFlags(slot, rows.flags(slot) | F.ACKED << (type - E.ORDER_ACKED));
        return this.#tryAccept(slot);
      case E.CUSTOMS_ACCEPTED:
        this.#cancelTimer(slot);
        return this.at(slot, now, QUEUE_DECISION, 0);
      case E.MANUAL_REVIEW: {
        const due = afterWorkingTime(now, drawDuration(this.#s.customs, c.review), hours);
        const decided = this.#decide(slot, now);
        return this.at(slot, due, decided, this.#decision);
      }
      case E.DECIDED:
        if (importing) return this.#inspectOrRelease(slot);
        if (this.#s.carrier.bernoulli(scenario.carrier.arrivalMissingRate)) return this.at(slot, now + 72 * MS.hour, E.TIMEOUT, timerPayload(ARRIVAL_TIMER, rows.epoch(slot)));
        return this.at(slot, now + drawDuration(this.#s.carrier, scenario.carrier.toExitSite), E.ARRIVED, 0);
      case E.ARRIVED:
        return this.#inspectOrRelease(slot);
      case E.INSPECTION_ORDERED:
        return this.#inspectionOutcome(slot, afterWorkingTime(now, drawDuration(this.#s.customs, c.inspection), hours));
      case E.INSPECTION_PASSED:
        return this.at(slot, now + MS.minute, E.RELEASED, 0);
      case E.RELEASED:
        return this.at(slot, now + (importing ? this.#s.carrier.uniform(1, 6) * MS.hour : drawDuration(this.#s.carrier, scenario.carrier.toDeparture)), E.DEPARTED, 0);
      case E.DEPARTED:
        if (importing) return this.at(slot, now + drawDuration(this.#s.carrier, scenario.carrier.domesticDelivery), E.DELIVERED, 0);
        return this.at(slot, now + MS.day, E.CLOSED, timerPayload(0, rows.epoch(slot)));
      case E.DELIVERED:
        this.at(slot, Math.max(now + MS.hour, rows.released(slot) + 31 * MS.day), E.CLOSED, timerPayload(0, rows.epoch(slot)));
        if (this.#s.buyers.bernoulli(scenario.buyers.returnRate)) this.at(slot, now + this.#s.buyers.uniform(1, 35) * MS.day, E.RETURN_REQUESTED, 0);
        return;
      case E.RETURN_REQUESTED:
        if (LEAN_TABLES[channel]!.nameOf(rows.config(slot)).endsWith('returning')) this.#goodsBack(slot);
        return;
      case E.TIMEOUT:
        if (payload === RETURN_TIMER) this.at(slot, now + MS.hour, E.CLOSED, timerPayload(0, rows.epoch(slot)));
        return;
      case E.CLOSED:
        return this.at(slot, now + this.#s.carrier.uniform(15, 35) * MS.day, E.WAREHOUSED, 0);
      case E.WAREHOUSED:
        return this.at(slot, now + this.#s.carrier.exponential(30 * MS.day), E.SOLD, 0);
      default:
        return;
    }
  }

  /** Cancels the order's cancellable timer (the documents wait, or the close of the return window). */
  #cancelTimer(slot: number): void {
    this.#rows.nextEpoch(slot);
  }

  /** The e-port forwards document `doc` to customs (after any outage), or fails to (status 4). */
  #send(slot: number, doc: number): void {
    const at = this.#d.desk.afterOutage(this.now + MS.minute);
    const failed = this.#s.eport.bernoulli(this.#d.scenario.carrier.sendFailureRate);
    this.at(slot, at, failed ? E.SEND_FAILED : E.SENT, doc);
  }

  /** A customs receipt, subject to the scenario's lost and duplicated receipt faults. */
  #receipt(slot: number, time: number, type: number, payload: number): void {
    const f = this.#d.scenario.faults;
    if (this.#s.faults.bernoulli(f.lostReceiptRate)) {
      this.receiptsResent++;
      this.at(slot, time + f.resendAfterMinutes * MS.minute, type, payload);
      return;
    }
    this.at(slot, time, type, payload);
    if (this.#s.faults.bernoulli(f.duplicateReceiptRate)) this.at(slot, time + MS.minute, type | DUPLICATE, payload);
  }

  #nextListSerial(): number {
    const n = ++this.#invtSerial;
    return this.#d.listSerial?.(n) ?? n;
  }

  /** Customs numbers and accepts the list once every document is in and matches. */
  #tryAccept(slot: number): void {
    const rows = this.#rows;
    if ((rows.flags(slot) & F.ACCEPT_PENDING) !== 0) return;
    const serial = this.#nextListSerial() % 1_000_000_000;
    if (!this.machines.can(slot, this.#event.set(E.CUSTOMS_ACCEPTED, serial, this.now))) return;
    const year = this.#d.quota.yearOf(this.now) - this.#d.firstYear;
    rows.setFlags(slot, withField4(rows.flags(slot) | F.ACCEPT_PENDING, F.INVT_YEAR_SHIFT, year));
    // every document is in and matches: customs no longer waits for missing ones, however long acceptance takes
    this.#cancelTimer(slot);
    this.#receipt(slot, this.now + drawDuration(this.#s.customs, this.#d.scenario.customs.acceptance), E.CUSTOMS_ACCEPTED, serial);
  }

  #queueForDecision(slot: number): void {
    const { desk, scenario } = this.#d;
    if (!LEAN_TABLES[this.#rows.channel(slot)]!.nameOf(this.#rows.config(slot)).endsWith('accepted')) return;
    const decidedAt = desk.enqueue(this.now);
    const review = this.#s.customs.bernoulli(scenario.customs.reviewRate);
    this.at(slot, decidedAt, CUSTOMS_DUE, review ? 1 : 0);
  }

  /**
   * Customs' decision at `now`: the event, with its payload left in `#decision`. Import lists carry
   * the tax (DECIDED, its route kept in the row); one the rules send to general trade is refused.
   */
  #decide(slot: number, now: number): number {
    const rows = this.#rows;
    const buyer = rows.buyer(slot);
    this.#decision = NO_TAX;
    if (buyer < 0) return E.DECIDED;
    const { quota } = this.#d;
    quota.bookPrior(buyer, now);
    const own = quota.inForce(now) ? rows.goods(slot) + rows.freight(slot) : 0;
    const used = quota.used(buyer, now) - own;
    if (this.#offPositiveList(slot, now)) {
      this.#decision = reasonCode('not-on-positive-list');
      return E.REJECTED;
    }
    const tax = this.machines.tax(slot, used < 0 ? 0 : used, this.#tax);
    if (tax.route === 'general-trade') {
      this.#decision = reasonCode(generalTradeRefusal(tax.overLimit));
      return E.REJECTED;
    }
    rows.setFlags(slot, withField2(rows.flags(slot), F.ROUTE_SHIFT, routeCode(tax.route)));
    this.#decision = TAXED;
    return E.DECIDED;
  }

  /** True when the scenario has a positive list, in force at `now`, that one of the order's goods is off. */
  #offPositiveList(slot: number, now: number): boolean {
    const list = this.#positiveList;
    if (list === undefined || shanghaiDate(now) < list.version) return false;
    const rows = this.#rows;
    const { draws, random, lines } = this.#d.lines;
    draws.draw(rows.channel(slot), random.start(rows.serial(slot)), lines);
    for (let i = 0; i < lines.count; i++) if (this.#offList[lines.goods[i]!] === 1) return true;
    return false;
  }

  #inspectOrRelease(slot: number): void {
    const now = this.now;
    if (this.#s.customs.bernoulli(this.#d.scenario.customs.inspectionRate)) this.at(slot, now + MS.minute, E.INSPECTION_ORDERED, 0);
    else this.at(slot, now + MS.minute, E.RELEASED, 0);
  }

  /** Schedules the inspection's outcome at `time`. */
  #inspectionOutcome(slot: number, time: number): void {
    const c = this.#d.scenario.customs;
    const draw = this.#s.customs.float();
    const exporting = CHANNEL_PROFILES[CHANNEL_IDS[this.#rows.channel(slot)]!].ieFlag === 'E';
    if (exporting) return draw < c.detentionRate ? this.at(slot, time, E.REJECTED, reasonCode('inspection-failed')) : this.at(slot, time, E.INSPECTION_PASSED, 0);
    if (draw < c.detentionRate) return this.at(slot, time, E.DETAINED, DETENTION_STATUSES[this.#s.customs.int(0, DETENTION_STATUSES.length - 1)]!);
    if (draw < c.detentionRate + c.reexportRate) return this.at(slot, time, E.REEXPORTED, 0);
    this.at(slot, time, E.INSPECTION_PASSED, 0);
  }

  /** Returned goods travel back; late ones are refused when the 45-day window closes. */
  #goodsBack(slot: number): void {
    this.#cancelTimer(slot);
    const now = this.now;
    const back = now + this.#s.buyers.uniform(2, 20) * MS.day;
    const deadline = this.#rows.released(slot) + 45 * MS.day;
    if (back <= deadline) this.at(slot, back, E.GOODS_RETURNED, 0);
    else this.at(slot, deadline + MS.minute, E.TIMEOUT, timerPayload(RETURN_TIMER, this.#rows.epoch(slot)));
  }
}
