/**
 * The model of customs the commands run against: one order in its channel machine (driven with
 * `createDriver`), a clock, and what customs answered so far. It decides which actions can
 * happen now and what customs says to each.
 */
import { createDriver, type ChannelDriver } from '../channels/drive.js';
import { CHANNELS } from '../channels/registry.js';
import type { Receipt } from '../customs/receipts.js';
import { MS } from '../sim/clock.js';
import { actionEvents, type CustomsAction, type CustomsActionKind } from './customs-actions.js';
import type { DocumentSet } from './documents.js';
import { statusOf, type OrderView } from './order-view.js';

const LIST_MESSAGES: ReadonlySet<string> = new Set(['CEB622', 'CEB604', 'H2018']);

/** Customs' side of a model run for one order. */
export interface CustomsModel {
  readonly docs: DocumentSet;
  /** The simulated instant of the last action, epoch ms. */
  readonly now: number;
  /** True when `kind` can happen now (time can always pass while the order is open). */
  accepts(kind: CustomsActionKind): boolean;
  /** Does `kind` (after `days` for `time-passes`) and returns it with customs' receipts. */
  apply(kind: CustomsActionKind, days?: number): CustomsAction;
  /** Customs' view of the order. */
  view(): OrderView;
}

/**
 * A customs model for the order of `docs`, in its channel, starting when the order was placed.
 * Each action moves the clock on an hour (`time-passes` by its days).
 *
 * @example
 * ```ts
 * const customs = createCustomsModel(docs);
 * customs.apply('declare-documents').receipts.map((r) => `${r.message} ${r.status}`); // ['CEB312 2', 'CEB312 3', 'CEB312 120', ...]
 * customs.view(); // { status: 'declaring', canCancel: true }
 * ```
 */
export function createCustomsModel(docs: DocumentSet): CustomsModel {
  const driver: ChannelDriver = createDriver(CHANNELS[docs.channel].machine, { order: docs.order });
  let now = docs.order.placedAt;
  let listStatus: number | undefined;
  const open = () => driver.snapshot.status === 'active';
  return {
    docs,
    get now() {
      return now;
    },
    accepts(kind) {
      if (!open()) return false;
      if (kind === 'time-passes') return true;
      return actionEvents(kind, docs, now + MS.hour).some((event) => driver.snapshot.can(event));
    },
    apply(kind, days = 1) {
      if (kind === 'time-passes') {
        now += days * MS.day;
        return { kind, at: now, days, receipts: [] };
      }
      now += MS.hour;
      const receipts: Receipt[] = [];
      for (const event of actionEvents(kind, docs, now)) {
        if (!driver.snapshot.can(event)) continue;
        for (const effect of driver.send(event)) if (effect.type === 'receipt') receipts.push(effect);
      }
      const last = receipts.filter((r) => LIST_MESSAGES.has(r.message)).at(-1);
      if (last) listStatus = last.status;
      return { kind, at: now, receipts };
    },
    view() {
      const top = driver.snapshot.value;
      const stage = typeof top === 'string' ? top : Object.keys(top)[0];
      return { status: statusOf(driver.snapshot), canCancel: open() && (stage === 'declaration' || stage === 'clearance'), ...(listStatus !== undefined && { listStatus }) };
    },
  };
}
