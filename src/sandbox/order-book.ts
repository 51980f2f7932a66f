/**
 * The orders the sandbox holds, each with its channel machine driven by the xstate runner
 * (`createDriver`). A machine lives in memory while it is in use; after a restart, or when the
 * order's documents change its input or channel, it is rebuilt by replaying the events it
 * accepted, in order, from the store (an order completed by its list is given the new input
 * instead). Replay applies no effects: the ledgers keep their own log. The input is made from the
 * documents, which are stored; the machine input itself is not.
 */
import { initialTransition } from 'xstate';
import { createDriver, stateName, type ChannelDriver } from '../channels/drive.js';
import { effectsOf, type ChannelEffect } from '../channels/effects.js';
import type { ChannelEvent } from '../channels/events.js';
import { CHANNELS, type ChannelId } from '../channels/registry.js';
import { CbecError, TransitionError } from '../domain/errors.js';
import type { Order } from '../domain/model.js';
import { decode, encodeOverUnchanging, encodeUnchanging } from './codec.js';
import { machineInput, type Dossier } from './dossier.js';
import type { OrderRow, Store } from './store.js';

/** An order in memory: its dossier, script and machine. */
export interface LiveOrder {
  readonly orderNo: string;
  channel: ChannelId;
  input: Order;
  dossier: Dossier;
  /** Script words, space-separated. */
  script: string;
  driver: ChannelDriver;
  /** Events accepted so far (the next event's seq). */
  events: number;
  readonly createdAt: number;
}

/**
 * The order's machine state as `stateName` writes it. The driver names the state after each step
 * it takes, and the machine moves only by steps (it has no delays), so the last step's name is
 * the current one; only a machine that has taken no step yet is named here.
 */
export function stateOf(live: LiveOrder): string {
  return live.driver.steps.at(-1)?.state ?? stateName(live.driver.snapshot.value);
}

/** The account-book reference of a 1210 export order's entry into the zone. */
export const zoneEntryRef = (orderNo: string): string => `HZ${orderNo}`;

/** An event a rebuilt machine starts with, and its effects. */
export interface Fresh {
  readonly event: ChannelEvent;
  readonly effects: readonly ChannelEffect[];
}

/** `events` with the effects each has on a fresh machine for `channel` and `order`. */
function freshEvents(channel: ChannelId, order: Order, events: readonly ChannelEvent[]): Fresh[] {
  const machine = CHANNELS[channel].machine;
  return events.map((event) => ({ event, effects: effectsOf(machine, initialTransition(machine, { order })[0], event) }));
}

/** A 1210 export order's goods enter the zone before anything else: the event replay starts with. */
export function prelude(channel: ChannelId, order: Order, emsNo: string | undefined, at: number): ChannelEvent[] {
  return channel === '1210-export' ? [{ type: 'ZONE_ENTERED', ref: zoneEntryRef(order.orderNo), emsNo: emsNo ?? '', at }] : [];
}

/**
 * Whether the dossier's new input is the order the machine already has completed by the list it
 * is about to take: what a list adds to an order (trade mode, insurance, HS codes, names, origins,
 * item records) is read by a channel machine only from the list's declaration on, so the events it
 * took before run the same with either input, and the machine is given the new one in place of a
 * replay (`test/sandbox/order-book.test.ts` holds every channel to this: the machine in memory is
 * the one a replay from the store makes). Not for a 1210 export, whose first event, the goods'
 * entry into the zone, is made from the list.
 */
function listCompletesOrder(live: LiveOrder, dossier: Dossier): boolean {
  return live.channel !== '1210-export' && dossier.list !== undefined && dossier.order !== undefined && live.input === dossier.order && !live.driver.steps.some((step) => step.event.type === 'LIST_DECLARED');
}

/** Gives the machine `order` as its input from now on (see {@link listCompletesOrder}). */
function reviseOrder(driver: ChannelDriver, order: Order): void {
  // the context is the machine's own plain object (each assignment makes a new one): the one in use now takes the order
  (driver.snapshot.context as { order: Order }).order = order;
}

/** Feeds `events` to a fresh machine for `channel` and `order`. */
function replay(channel: ChannelId, order: Order, events: readonly ChannelEvent[]): ChannelDriver {
  const driver = createDriver(CHANNELS[channel].machine, { order });
  for (const event of events) {
    try {
      driver.send(event);
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      throw new CbecError('INTERNAL', `Order ${order.orderNo} could not be rebuilt in channel ${channel}: ${error.message}`, { cause: error });
    }
  }
  return driver;
}

/**
 * Orders kept in memory, the most recently used. A machine in memory takes about 50 KB of heap;
 * more of them make every garbage collection dearer while an order's documents come within
 * moments of each other, and one that comes later rebuilds its machine from the store.
 */
const CACHE_LIMIT = 2_000;

/** Every order, by orderNo. */
export class OrderBook {
  readonly #store: Store;
  readonly #live = new Map<string, LiveOrder>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** Forgets every machine in memory (after a failed transaction); they are rebuilt on use. */
  clear(): void {
    this.#live.clear();
  }

  /** The order `orderNo`, rebuilt from the store when not in memory. */
  get(orderNo: string): LiveOrder | undefined {
    const cached = this.#live.get(orderNo);
    if (cached) {
      this.#live.delete(orderNo);
      this.#live.set(orderNo, cached);
      return cached;
    }
    const row = this.#store.getOrder(orderNo);
    if (!row) return undefined;
    const dossier = decode<Dossier>(row.docs);
    const input = machineInput(dossier).order;
    const events = this.#store.eventsOf(orderNo).map((e) => decode<ChannelEvent>(e.event));
    const live: LiveOrder = { orderNo, channel: row.channel as ChannelId, input, dossier, script: row.script, driver: this.#rebuild(row.channel as ChannelId, input, dossier, events), events: events.length, createdAt: row.createdAt };
    this.#remember(live);
    return live;
  }

  /**
   * A new order for `dossier`. Returns it with the events its machine starts with (a 1210
   * export's zone entry) and their effects, which the caller must record and apply.
   */
  create(dossier: Dossier, script: string, now: number): { live: LiveOrder; fresh: Fresh[] } {
    const { channel, order } = machineInput(dossier);
    const live: LiveOrder = { orderNo: dossier.orderNo, channel, input: order, dossier, script, driver: this.#rebuild(channel, order, dossier, []), events: 0, createdAt: now };
    this.#remember(live);
    return { live, fresh: freshEvents(channel, order, live.driver.steps.map((s) => s.event)) };
  }

  /**
   * Takes a new dossier: when it changes the machine input or the channel, the machine is rebuilt
   * from the events it accepted. Returns the events the new machine starts with that the old one
   * never had (a 1210 export's zone entry) with their effects, which the caller must record and apply.
   */
  redossier(live: LiveOrder, dossier: Dossier): Fresh[] {
    live.dossier = dossier;
    const { channel, order } = machineInput(dossier);
    // the same order object (a payment or waybill filed after the order) is the same input
    if (channel === live.channel && (order === live.input || encodeUnchanging(order) === encodeUnchanging(live.input))) return [];
    if (channel === live.channel && listCompletesOrder(live, dossier)) {
      reviseOrder(live.driver, order);
      live.input = order;
      return [];
    }
    // the machine in memory has accepted exactly the stored events (memory is rebuilt after any rollback)
    const stored = live.driver.steps.map((s) => s.event);
    const hadPrelude = live.channel === channel;
    live.driver = this.#rebuild(channel, order, dossier, stored);
    live.channel = channel;
    live.input = order;
    return hadPrelude ? [] : freshEvents(channel, order, live.driver.steps.map((s) => s.event).filter((e) => e.type === 'ZONE_ENTERED'));
  }

  #rebuild(channel: ChannelId, order: Order, dossier: Dossier, stored: readonly ChannelEvent[]): ChannelDriver {
    const firstAt = stored[0]?.at ?? order.placedAt;
    const start = prelude(channel, order, dossier.list?.emsNo, firstAt);
    // zone entry is only ever the first event of a 1210 export, so a stored one is the prelude's record
    return replay(channel, order, [...start, ...stored.filter((e) => e.type !== 'ZONE_ENTERED')]);
  }

  #remember(live: LiveOrder): void {
    this.#live.set(live.orderNo, live);
    if (this.#live.size > CACHE_LIMIT) {
      const oldest = this.#live.keys().next().value;
      if (oldest !== undefined) this.#live.delete(oldest);
    }
  }

  /** Writes the order's row. */
  save(live: LiveOrder, now: number): void {
    const snapshot = live.driver.snapshot;
    const list = live.dossier.list;
    const row: OrderRow = {
      orderNo: live.orderNo,
      channel: live.channel,
      docs: encodeOverUnchanging(live.dossier),
      state: stateOf(live),
      done: snapshot.status !== 'active',
      script: live.script,
      copNo: list?.copNo ?? null,
      invtNo: snapshot.context.invtNo ?? null,
      logisticsNo: list?.logisticsNo ?? live.dossier.waybill?.logisticsNo ?? null,
      createdAt: live.createdAt,
      updatedAt: now,
    };
    this.#store.putOrder(row);
  }
}
