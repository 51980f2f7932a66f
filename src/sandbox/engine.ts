/**
 * The sandbox's core: it takes accepted messages and due work, drives each order's machine, and
 * writes what follows. Each message, and each piece of due work, is one unit: its row, the events
 * the machines accepted, the receipts and ledger movements they caused and the work they
 * scheduled are kept together or not at all. Units that arrive together share one transaction,
 * each in a savepoint of its own (group commit), and a message is answered only once the
 * transaction holding it has committed. If a unit fails, its savepoint rolls back and the
 * machines and ledgers in memory are rebuilt from the store, so memory never runs ahead of disk.
 */
import type { ChannelEffect } from '../channels/effects.js';
import type { ChannelEvent } from '../channels/events.js';
import { formatGuid, formatPreNo } from '../domain/identifiers.js';
import { CbecError, isCbecError } from '../domain/errors.js';
import { ceb900, type Unreadable } from './intake.js';
import type { MessageType } from '../messages/registry.js';
import type { MessageData } from '../messages/spec.js';
import { shanghaiDate } from '../sim/clock.js';
import type { Rng } from '../sim/rng.js';
import type { SandboxBehaviour } from './behaviour.js';
import { decode, encode, encodeOverUnchanging } from './codec.js';
import { react, type FollowUp, type SandboxAction } from './customs.js';
import { acceptance, decision, inspectionEnd, type DecisionContext } from './decisions.js';
import { handleFiling, type FilingContext } from './filing-handlers.js';
import { filingsOf } from './filings.js';
import { GroupCommit, MAX_GROUP, type Settled } from './group-commit.js';
import { SandboxLedgers } from './ledgers.js';
import { OrderBook, stateOf, type LiveOrder } from './order-book.js';
import { Outcomes } from './outcomes.js';
import { ReceiptWriter, receiverOf, type ReceiptDraft } from './receipt-writer.js';
import { sandboxScript } from './scripts.js';
import type { SandboxClock } from './clock.js';
import { isDatabaseBusy, type Store } from './store.js';
import { wallNow } from './wall-clock.js';
import { taxBillDraft, taxStatusDraft } from './tax-bills.js';

/** A message that passed validation, with who sent it. */
export interface Incoming {
  readonly guid: string;
  readonly type: MessageType;
  /** The sender's DXP id: receipts for this message go back to it. */
  readonly sender: string;
  readonly data: MessageData;
  readonly xml: string;
  /** Script words for the orders the message names (header and note), '' when none. */
  readonly script: string;
}

/** What the sandbox answered a message with. */
export interface Acknowledgement {
  readonly guid: string;
  readonly type: MessageType;
  /** True when the guid was seen before: nothing was done again. */
  readonly duplicate: boolean;
  /** The orders the message was about. */
  readonly orders: readonly string[];
}

/** Called after a commit with the receipts it stored (for webhook delivery). */
export type ReceiptListener = (receipts: readonly { readonly id: number; readonly receiver: string }[]) => void;

/** The sandbox core. */
export class SandboxEngine {
  readonly store: Store;
  readonly clock: SandboxClock;
  readonly behaviour: SandboxBehaviour;
  readonly book: OrderBook;
  readonly ledgers: SandboxLedgers;
  readonly #writer: ReceiptWriter;
  readonly #rng: Rng;
  readonly #queue: { orderNo: string; action: SandboxAction; at: number }[] = [];
  /** Orders changed by the unit of work under way, with the time of their last change: written once, at its end. */
  readonly #changed = new Map<string, { live: LiveOrder; at: number }>();
  readonly #group = new GroupCommit((units) => this.#commitGroup(units), isDatabaseBusy);
  #written: { id: number; receiver: string }[] = [];
  #listener: ReceiptListener | undefined;
  #unstored = 0;

  constructor(store: Store, clock: SandboxClock, behaviour: SandboxBehaviour, rng: Rng) {
    this.store = store;
    this.clock = clock;
    this.behaviour = behaviour;
    this.#rng = rng;
    this.book = new OrderBook(store);
    this.ledgers = new SandboxLedgers(store, behaviour.initialStock);
    this.#writer = new ReceiptWriter(store, rng);
  }

  /** Calls `listener` after each commit that stored receipts. */
  onReceipts(listener: ReceiptListener): void {
    this.#listener = listener;
  }

  /**
   * Runs `fn` in one transaction, after committing the messages waiting for a group commit (so
   * work is done in the order it arrived); on failure, rebuilds memory from the store and
   * rethrows. An error from the library inside (the input was validated before) is the sandbox's
   * own fault and is rethrown as `INTERNAL`; database errors are rethrown as they are.
   */
  transaction<T>(fn: () => T): T {
    this.#group.flush();
    return this.#transaction(() => this.#unit(fn));
  }

  #transaction<T>(fn: () => T): T {
    this.#written = [];
    try {
      const result = this.store.transaction(fn);
      const written = this.#written;
      this.#written = [];
      if (written.length > 0) this.#listener?.(written);
      return result;
    } catch (error) {
      this.#written = [];
      this.#forget();
      throw error;
    }
  }

  /**
   * Runs `fn` as one unit of the transaction under way (a savepoint): the orders it changed are
   * written at its end; when it fails, its work alone is undone and memory rebuilt from the store.
   */
  #unit<T>(fn: () => T): T {
    const mark = this.#written.length;
    try {
      return this.store.transaction(() => {
        const result = fn();
        this.#saveChanged();
        return result;
      });
    } catch (error) {
      this.#written.length = mark;
      this.#forget();
      if (isCbecError(error) && error.code !== 'INTERNAL' && error.code !== 'TRANSITION') {
        throw new CbecError('INTERNAL', `The sandbox failed while processing (nothing was kept): ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  /** Forgets what memory holds beyond the store (after a rollback): machines, ledgers and counters are read again. */
  #forget(): void {
    this.#queue.length = 0;
    this.#changed.clear();
    this.book.clear();
    this.ledgers.reload();
    this.#writer.reset();
    this.store.forgetCached();
  }

  #commitGroup(units: readonly (() => unknown)[]): readonly Settled[] {
    return this.#transaction(() =>
      units.map((unit): Settled => {
        try {
          return { ok: true, value: this.#unit(unit) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Takes a validated message: stored, and every order it names moved on, in one transaction. */
  receive(message: Incoming): Acknowledgement {
    if (message.script !== '') sandboxScript(message.script);
    return this.transaction(() => this.#take(message));
  }

  /**
   * Takes a validated message together with the others that arrive at the same moment (group
   * commit): each is done as in {@link receive}, in a savepoint of its own, and they are committed
   * in one transaction. Resolves once that transaction has committed.
   */
  accept(message: Incoming): Promise<Acknowledgement> {
    if (message.script !== '') sandboxScript(message.script);
    return this.#group.submit(() => this.#take(message));
  }

  #take(message: Incoming): Acknowledgement {
    const t = this.clock.now();
    const fresh = this.store.insertMessage({ guid: message.guid, type: message.type, sender: message.sender, receivedAt: t, outcome: 'accepted', xml: message.xml });
    if (!fresh) return { guid: message.guid, type: message.type, duplicate: true, orders: [] };
    const orders = new Set<string>();
    const context = this.#filingContext(message, t, orders);
    const filings = filingsOf(message.type, message.data);
    filings.forEach((filing, i) => {
      handleFiling(filing, context);
      // each filing's orders are written before the next one looks orders up by their numbers
      // (the last one's are written with everything else at the end of the unit, once)
      if (i < filings.length - 1) this.#saveChanged();
    });
    this.#drain();
    for (const orderNo of orders) this.store.linkMessage(orderNo, message.guid);
    return { guid: message.guid, type: message.type, duplicate: false, orders: [...orders] };
  }

  /** Notes that `live` changed at `at`; its row is written at the end of the unit of work. */
  #changedAt(live: LiveOrder, at: number): void {
    this.#changed.set(live.orderNo, { live, at });
  }

  #saveChanged(): void {
    for (const { live, at } of this.#changed.values()) this.book.save(live, at);
    this.#changed.clear();
  }

  #filingContext(message: Incoming, t: number, orders: Set<string>): FilingContext {
    return {
      message,
      at: t,
      store: this.store,
      book: this.book,
      ledgers: this.ledgers,
      touch: (orderNo) => orders.add(orderNo),
      send: (live, event) => this.#apply(live, event),
      trySend: (live, event) => this.#applyIfTaken(live, event),
      recordFresh: (live, fresh) => {
        for (const { event, effects } of fresh) this.#record(live, event, live.driver.steps.length > 0 ? 'declaration' : 'zoneEntry', effects);
      },
      save: (live) => this.#changedAt(live, t),
      write: (draft) => this.#write(draft),
      writer: this.#writer,
      schedule: (orderNo, action) => this.#queue.push({ orderNo, action, at: t }),
      drain: () => this.#drain(),
      preNo: () => {
        const serial = Number(this.store.getMeta('preSerial') ?? '0') + 1;
        this.store.setMeta('preSerial', String(serial));
        return formatPreNo(shanghaiDate(t).replaceAll('-', ''), serial % 1_000_000_000);
      },
    };
  }

  /**
   * Answers a message that cannot be taken with a CEB900 (returnStatus -1), stored for its sender
   * when one is known; returns the receipt's XML.
   */
  answerUnreadable(refused: Unreadable): string {
    const at = this.clock.now();
    const build = (guid: string) => ceb900(refused, guid, at);
    if (refused.sender === undefined || refused.sender === '') return build(formatGuid(this.#rng.stream('unstored').stream(String(++this.#unstored)).words()));
    const draft: ReceiptDraft = { type: 'CEB900', receiver: refused.sender, orderNo: null, status: -1, info: 'schema check failed', at, build };
    return this.transaction(() => this.store.getReceipt(this.#write(draft))?.xml ?? '');
  }

  /**
   * Runs the work due at or before `until`, in order, each piece as a unit of its own (groups of
   * them share a commit); returns how many ran. Work that fails stops the run after the work
   * before it is committed, and stays due.
   */
  runDue(until: number): number {
    this.#group.flush();
    let ran = 0;
    for (;;) {
      let failure: { error: unknown } | undefined;
      let full = false;
      this.#transaction(() => {
        for (let n = 0; n < MAX_GROUP; n++) {
          const job = this.store.nextJob(until);
          if (job === undefined) return;
          try {
            this.#unit(() => {
              this.store.deleteJobById(job.id);
              this.#queue.push({ orderNo: job.orderNo, action: decode<SandboxAction>(job.action), at: job.dueAt });
              this.#drain();
            });
          } catch (error) {
            failure = { error };
            return;
          }
          ran++;
        }
        full = true;
      });
      if (failure !== undefined) throw failure.error;
      if (!full) return ran;
    }
  }

  /** Moves a manual clock to `instant`, running the work due on the way at its own times. */
  advanceTo(instant: number): number {
    this.clock.set(instant);
    const ran = this.runDue(instant);
    this.transaction(() => this.store.setMeta('clock', JSON.stringify(this.clock.anchor)));
    return ran;
  }

  /** Sets the script of an order whose documents have not arrived yet (or adds to one that has). */
  setScript(orderNo: string, text: string): string {
    sandboxScript(text);
    return this.transaction(() => {
      const live = this.book.get(orderNo);
      if (live === undefined) {
        this.store.setScript(orderNo, text);
        return text;
      }
      live.script = text;
      this.#changedAt(live, this.clock.now());
      return text;
    });
  }

  #drain(): void {
    for (let item = this.#queue.shift(); item !== undefined; item = this.#queue.shift()) {
      const live = this.book.get(item.orderNo);
      if (live === undefined || live.driver.snapshot.status !== 'active') continue;
      const event = this.#resolve(live, item.action, item.at);
      // an event the state no longer takes (the order moved on since it was queued) is dropped
      if (event !== undefined) this.#applyIfTaken(live, event);
    }
  }

  #outcomes(live: LiveOrder): Outcomes {
    return new Outcomes(this.#rng.stream('order').stream(live.orderNo), this.behaviour, live.script === '' ? [] : sandboxScript(live.script));
  }

  #decisionContext(live: LiveOrder): DecisionContext {
    return { store: this.store, behaviour: this.behaviour, ledgers: this.ledgers, outcomes: () => this.#outcomes(live) };
  }

  /** The event an action stands for at time `t` (or does the action and answers undefined). */
  #resolve(live: LiveOrder, action: SandboxAction, t: number): ChannelEvent | undefined {
    switch (action.kind) {
      case 'event':
        return { ...action.event, at: t } as ChannelEvent;
      case 'accept':
        return acceptance(live, t, this.#decisionContext(live));
      case 'decide':
        return decision(live, t, this.#decisionContext(live));
      case 'inspection-outcome':
        return inspectionEnd(live, t, this.#decisionContext(live));
      case 'tax-notice': {
        const { held, invtNo } = live.driver.snapshot.context;
        if (held.taxBill && invtNo !== undefined) this.#write(taxStatusDraft(this.#writer, live, invtNo, 2, t));
        return undefined;
      }
    }
  }

  /** Sends an event the machine must take (the driver throws TransitionError when it does not); then as `#sent`. */
  #apply(live: LiveOrder, event: ChannelEvent): readonly ChannelEffect[] {
    const from = stateOf(live);
    return this.#sent(live, event, from, live.driver.send(event));
  }

  /** Sends `event` if the machine takes it, then as `#sent`; otherwise does nothing and returns undefined. */
  #applyIfTaken(live: LiveOrder, event: ChannelEvent): readonly ChannelEffect[] | undefined {
    const from = stateOf(live);
    const effects = live.driver.trySend(event);
    return effects === undefined ? undefined : this.#sent(live, event, from, effects);
  }

  /** What follows an event the machine took from state `from`: stored, effects applied, what follows queued or scheduled. */
  #sent(live: LiveOrder, event: ChannelEvent, from: string, effects: readonly ChannelEffect[]): readonly ChannelEffect[] {
    this.#record(live, event, from, effects);
    const followUps = live.driver.snapshot.status === 'active' ? react(live, event, { behaviour: this.behaviour, outcomes: this.#outcomes(live) }) : [];
    for (const followUp of followUps) this.#follow(live.orderNo, followUp, event.at);
    if (live.driver.snapshot.status !== 'active') this.store.deleteJobsOf(live.orderNo);
    this.#changedAt(live, event.at);
    return effects;
  }

  /** Stores an accepted event and applies its effects. */
  #record(live: LiveOrder, event: ChannelEvent, from: string, effects: readonly ChannelEffect[]): void {
    this.store.appendEvent({ orderNo: live.orderNo, seq: live.events++, at: event.at, event: encodeOverUnchanging(event), fromState: from, toState: stateOf(live) });
    for (const effect of effects) this.#effect(live, effect);
  }

  #follow(orderNo: string, followUp: FollowUp, t: number): void {
    if (followUp.when === 'now') this.#queue.push({ orderNo, action: followUp.action, at: t });
    else if (followUp.when === 'at') this.store.putJob(orderNo, followUp.slot, followUp.at, encode(followUp.action));
    else this.store.deleteJob(orderNo, followUp.slot);
  }

  #effect(live: LiveOrder, effect: ChannelEffect): void {
    const invtNo = live.driver.snapshot.context.invtNo;
    switch (effect.type) {
      case 'receipt':
        this.#write(this.#writer.machineDraft(effect, live.dossier, invtNo));
        return;
      case 'quota': {
        const result = this.ledgers.apply(effect);
        if (!result.ok) this.#queue.push({ orderNo: live.orderNo, action: { kind: 'event', event: { type: 'QUOTA_REFUSED', detail: result.detail, at: 0 } }, at: effect.at });
        return;
      }
      case 'stock': {
        const result = this.ledgers.apply(effect);
        if (!result.ok) this.#queue.push({ orderNo: live.orderNo, action: { kind: 'event', event: { type: 'STOCK_SHORTAGE', at: 0 } }, at: effect.at });
        return;
      }
      case 'tax-bill':
        if (effect.op === 'issue' && effect.tax) this.#write(taxBillDraft(this.#writer, live, effect.invtNo, effect.tax, effect.at));
        else if (effect.op === 'void') this.#write(taxStatusDraft(this.#writer, live, effect.invtNo, 3, effect.at));
        return;
      case 'export-summary':
        this.store.addSummaryList(effect.invtNo, live.orderNo, effect.at);
        return;
      case 'rebate':
        return;
    }
  }

  /** Stores a receipt (and its webhook deliveries); returns its id, 0 when it has no receiver. */
  #write(draft: ReceiptDraft): number {
    if (draft.receiver === '') return 0;
    const { id } = this.#writer.write(draft);
    this.#written.push({ id, receiver: draft.receiver });
    // webhook deliveries are queued in the receipt's own transaction, so none is lost to a crash
    for (const hook of this.store.webhooksOf(draft.receiver)) this.store.addDelivery(hook, id, wallNow());
    return id;
  }

  /** The DXP id receipts of the order's `message` go to. */
  receiverOf(live: LiveOrder, message: string): string {
    return receiverOf(message, live.dossier);
  }
}
