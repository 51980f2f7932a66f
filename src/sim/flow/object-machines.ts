/**
 * The machines of a run driven by any {@link OrderRunner} over documents: the compiled object
 * runner and the xstate reference among them. Each order in flight gets its documents built and
 * its runner instance started; every event is given to it as the object the machine knows, and
 * what it emits is handed to the flow's sink as the lean runner hands it. Taxes are the Decimal
 * reference's (`orderTax`), so a run on these machines also checks the lean runner's fen path.
 */
import type { ChannelEffect } from '../../channels/effects.js';
import type { ChannelEvent } from '../../channels/events.js';
import { CHANNEL_IDS } from '../../channels/registry.js';
import { isReasonCode, reason } from '../../customs/reasons.js';
import { CbecError } from '../../domain/errors.js';
import { formatInvtNo } from '../../domain/identifiers.js';
import { moneyOfFen } from '../../money/fen.js';
import { orderTax } from '../../rules/describe-tax.js';
import { fenAnswerOf } from '../../rules/fen-question.js';
import { FenTaxAnswer } from '../../rules/fen-tax.js';
import type { RuleSet, TaxAssessment } from '../../rules/types.js';
import { positiveListRefusal } from '../../rules/positive-list.js';
import { shanghaiDate } from '../clock.js';
import { scenarioRates } from '../scenario/rates.js';
import { generalTradeRefusal } from './order-tax.js';
import type { OrderDocuments } from '../parties/platform.js';
import { BILL_ISSUE, BILL_VOID, DOCS, E, EVENT_TYPES, messageCode, reasonCode, reasonOf, TAXED, TIMERS } from '../runner/lean/codes.js';
import type { LeanEvent, LeanSink } from '../runner/lean/context.js';
import type { OrderInstance, OrderRunner } from '../runner/types.js';
import type { OrderDocumentsSource } from './documents.js';
import { LEAN_TABLES, type OrderMachines } from './machines.js';
import { F, type OrderRows } from './rows.js';

const QUOTA_OPS = ['reserve', 'commit', 'restore'];
const STOCK_OPS = ['credit', 'reserve', 'deduct', 'restore'];

/** What the machines of one order in flight keep. */
interface Held {
  readonly docs: OrderDocuments;
  readonly instance: OrderInstance;
}

/** A runner's instances for a run's orders in flight. */
export class ObjectMachines implements OrderMachines {
  readonly name: string;
  readonly #runner: OrderRunner;
  readonly #rows: OrderRows;
  readonly #sink: LeanSink;
  readonly #documents: OrderDocumentsSource;
  readonly #firstYear: number;
  readonly #held: (Held | undefined)[] = [];
  /** The last tax assessed for each order (the one a DECIDED event carries). */
  readonly #decisions: (TaxAssessment | undefined)[] = [];
  /** Configuration index by state name, per channel index. */
  readonly #configs: Map<string, number>[] = CHANNEL_IDS.map(() => new Map());
  readonly #check: FenTaxAnswer;
  readonly #rules: RuleSet | undefined;

  /** @param rules - the run's rule set (a scenario's `rules`), or undefined for the one in force each day */
  constructor(runner: OrderRunner, rows: OrderRows, sink: LeanSink, documents: OrderDocumentsSource, firstYear: number, rules: RuleSet | undefined) {
    this.name = runner.name;
    this.#runner = runner;
    this.#rows = rows;
    this.#sink = sink;
    this.#documents = documents;
    this.#firstYear = firstYear;
    this.#check = new FenTaxAnswer(documents.scenario.buyers.maxLinesPerOrder);
    this.#rules = rules;
  }

  start(slot: number): void {
    const docs = this.#documents.of(slot);
    const instance = this.#runner.start(docs.channel, docs.order);
    this.#held[slot] = { docs, instance };
    this.#settle(slot, instance);
  }

  send(slot: number, event: LeanEvent): boolean {
    const held = this.#held[slot]!;
    const outcome = held.instance.send(this.#objectOf(slot, held.docs, event));
    if (!outcome.accepted) return false;
    for (const effect of outcome.effects) this.#hand(slot, effect, event);
    this.#settle(slot, held.instance);
    return true;
  }

  can(slot: number, event: LeanEvent): boolean {
    const held = this.#held[slot]!;
    return held.instance.can(this.#objectOf(slot, held.docs, event));
  }

  stop(slot: number): void {
    this.#held[slot] = undefined;
    this.#decisions[slot] = undefined;
  }

  tax(slot: number, used: number, out: FenTaxAnswer): FenTaxAnswer {
    // Before the order starts (the platform withholding), its documents are a draft without the tax.
    const docs = this.#held[slot]?.docs ?? this.#documents.of(slot);
    const tax = orderTax(docs.order, moneyOfFen(used).toFixed(2), scenarioRates(this.#documents.scenario), this.#rules);
    this.#decisions[slot] = tax;
    return fenAnswerOf(tax, out);
  }

  /** Keeps the instance's state in the row, as its configuration's index. */
  #settle(slot: number, instance: OrderInstance): void {
    const channel = this.#rows.channel(slot);
    const configs = this.#configs[channel]!;
    let config = configs.get(instance.state);
    if (config === undefined) {
      LEAN_TABLES[channel]!.compiled.explore().forEach((state) => configs.set(state.name, state.index));
      config = configs.get(instance.state);
      if (config === undefined) throw new CbecError('INTERNAL', `The ${this.name} runner reached state ${instance.state}, which the compiled table of ${CHANNEL_IDS[channel]} lacks; please report this.`);
    }
    this.#rows.setConfig(slot, config);
  }

  /** Hands one effect to the sink, as the lean runner would. */
  #hand(slot: number, effect: ChannelEffect, event: LeanEvent): void {
    const sink = this.#sink;
    switch (effect.type) {
      case 'receipt':
        return sink.receipt(slot, messageCode(effect.message), effect.status, effect.reason !== undefined && isReasonCode(effect.reason.code) ? reasonCode(effect.reason.code) : 0, event);
      case 'quota':
        return sink.quota(slot, QUOTA_OPS.indexOf(effect.op), event);
      case 'stock':
        return sink.stock(slot, STOCK_OPS.indexOf(effect.op), event);
      case 'tax-bill':
        if (effect.op === 'issue' && effect.tax !== undefined) this.#checkBill(slot, effect.tax);
        return sink.taxBill(slot, effect.op === 'issue' ? BILL_ISSUE : BILL_VOID, event);
      case 'export-summary':
        return sink.summary(slot, event);
      case 'rebate':
        return sink.rebate(slot, event);
    }
  }

  /** The bill the flow books (the order's tax worked out again) must be the decision's. */
  #checkBill(slot: number, decided: TaxAssessment): void {
    const booked = this.tax(slot, 0, this.#check);
    const { route, duty, vat, consumption } = booked;
    const expected = fenAnswerOf(decided, new FenTaxAnswer(1));
    if (route !== expected.route || duty !== expected.duty || vat !== expected.vat || consumption !== expected.consumption) {
      throw new CbecError('INTERNAL', `Order ${this.#held[slot]!.docs.order.orderNo}: the tax bill worked out again (${route}, ${booked.total} fen) is not the decision's (${expected.route}, ${expected.total} fen); please report this.`);
    }
    this.#decisions[slot] = decided;
  }

  /** The event as the machine knows it, with the documents it carries. */
  #objectOf(slot: number, docs: OrderDocuments, event: LeanEvent): ChannelEvent {
    const at = event.at;
    const p = event.payload;
    switch (event.code) {
      case E.PAYMENT_FILED:
        return { type: 'PAYMENT_FILED', payment: docs.payment, at };
      case E.WAYBILL_FILED:
        return { type: 'WAYBILL_FILED', waybill: docs.waybill, at };
      case E.LIST_DECLARED:
        return { type: 'LIST_DECLARED', list: docs.list, ...(p === 1 && { route: 'entry' as const }), at };
      case E.SENT:
      case E.SEND_FAILED:
      case E.RESENT:
        return { type: EVENT_TYPES[event.code] as 'SENT', doc: DOCS[p]!, at };
      case E.TIMEOUT:
        return { type: 'TIMEOUT', timer: TIMERS[p]!, at };
      case E.CUSTOMS_ACCEPTED: {
        const year = this.#firstYear + ((this.#rows.flags(slot) >>> F.INVT_YEAR_SHIFT) & 15);
        return { type: 'CUSTOMS_ACCEPTED', invtNo: formatInvtNo(docs.list.customsCode, year, docs.order.ieFlag, p), at };
      }
      case E.REJECTED:
        return { type: 'REJECTED', reason: this.#rejection(slot, p, docs, at), at };
      case E.DECIDED:
        return p === TAXED ? { type: 'DECIDED', tax: this.#decisions[slot]!, at } : { type: 'DECIDED', at };
      case E.DETAINED:
        return { type: 'DETAINED', status: p as 501, at };
      case E.ZONE_ENTERED:
        return { type: 'ZONE_ENTERED', ref: `HZ${docs.order.orderNo}`, emsNo: docs.list.emsNo ?? '', at };
      default:
        return { type: EVENT_TYPES[event.code] as 'ORDER_FILED', at };
    }
  }

  /** Why customs refuses: with the rules' reason when the decision sent the order to general trade, and the lines off the positive list. */
  #rejection(slot: number, code: number, docs: OrderDocuments, at: number) {
    const known = reasonOf(code) ?? 'customs-refused';
    if (known === 'not-on-positive-list') {
      const list = scenarioRates(this.#documents.scenario).positiveList;
      const off = list === undefined ? undefined : positiveListRefusal(list, docs.order.lines.map((l) => l.goods.hsCode), shanghaiDate(at));
      return { code: known, text: `${reason(known).text}: ${off ?? ''}` };
    }
    const decision = this.#decisions[slot];
    if (decision?.route === 'general-trade' && known === generalTradeRefusal(decision.overLimit)) return { code: known, text: `${reason(known).text}: ${decision.reason ?? ''}` };
    return reason(known);
  }
}
