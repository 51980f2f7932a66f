/**
 * The model the sandbox commands check a live sandbox against: one order in its channel machine,
 * with customs playing the happy path at once (as a sandbox without a scenario or script does)
 * and a long wait playing every timer and physical step that follows.
 */
import { createDriver, stateName, type ChannelDriver } from '../channels/drive.js';
import type { ChannelEvent } from '../channels/events.js';
import { CHANNELS } from '../channels/registry.js';
import type { DocumentSet } from './documents.js';

/** What an integrator does in a model run against a sandbox. */
export type SandboxActionKind = 'send-order' | 'send-payment' | 'send-waybill' | 'send-list' | 'report-arrival' | 'report-departure' | 'cancel' | 'wait';

/** Every sandbox action kind, in the order of an order's usual path. */
export const SANDBOX_ACTION_KINDS: readonly SandboxActionKind[] = ['send-order', 'send-payment', 'send-waybill', 'send-list', 'report-arrival', 'report-departure', 'wait', 'cancel'];

/** The model's side of one order. */
export interface SandboxModel {
  readonly docs: DocumentSet;
  /** Which kinds make sense now (a document not yet sent, a cancel after numbering, ...). */
  accepts(kind: SandboxActionKind): boolean;
  /** Does `kind`: the events it files, then customs' answers. */
  apply(kind: SandboxActionKind): void;
  /** Receipts so far as `TYPE status`, in the order written (H2018 as CEB604, tax messages left out). */
  receipts(): string[];
  /** The machine state, as the sandbox names it; `(no order)` before the first document is filed. */
  state(): string;
}

/** Requests on an existing order that the sandbox refuses (100) when the machine does not take them, with the receipt it refuses them on. */
const REFUSAL_OF: Partial<Record<SandboxActionKind, (docs: DocumentSet) => string>> = {
  'report-arrival': () => 'CEB508',
  'report-departure': () => 'CEB510',
  cancel: (docs) => (docs.order.ieFlag === 'I' ? 'CEB624' : 'CEB606'),
};

const SENT_DOC: Readonly<Record<string, 'order' | 'payment' | 'waybill' | 'list'>> = { 'send-order': 'order', 'send-payment': 'payment', 'send-waybill': 'waybill', 'send-list': 'list' };

/** Customs' answers, at once: forwarded, stored, accepted, decided and released. */
function customsTurn(docs: DocumentSet): ChannelEvent[] {
  const at = docs.order.placedAt;
  return [
    { type: 'SENT', doc: 'order', at },
    { type: 'SENT', doc: 'payment', at },
    { type: 'SENT', doc: 'waybill', at },
    { type: 'SENT', doc: 'list', at },
    { type: 'ORDER_ACKED', at },
    { type: 'PAYMENT_ACKED', at },
    { type: 'WAYBILL_ACKED', at },
    { type: 'CUSTOMS_ACCEPTED', invtNo: docs.invtNo, at },
    { type: 'DECIDED', ...(docs.tax && { tax: docs.tax }), at },
    // export lists are released only once the goods arrived (the machine refuses it before)
    { type: 'RELEASED', at },
  ];
}

/** What a long wait brings: every timer and physical step, in the order they fall due (export goods leave only when the carrier says so, CEB509). */
function waitTurn(docs: DocumentSet): ChannelEvent[] {
  const at = docs.order.placedAt;
  return [
    { type: 'TIMEOUT', timer: 'documents', at },
    { type: 'TIMEOUT', timer: 'arrival', at },
    ...(docs.order.ieFlag === 'I' ? [{ type: 'DEPARTED' as const, at }] : []),
    { type: 'DELIVERED', at },
    { type: 'CLOSED', at },
    { type: 'WAREHOUSED', at },
    { type: 'SOLD', at },
  ];
}

function filed(kind: SandboxActionKind, docs: DocumentSet): ChannelEvent[] {
  const at = docs.order.placedAt;
  switch (kind) {
    case 'send-order':
      return [{ type: 'ORDER_FILED', at }];
    case 'send-payment':
      return docs.payment ? [{ type: 'PAYMENT_FILED', payment: docs.payment, at }] : [];
    case 'send-waybill':
      return [{ type: 'WAYBILL_FILED', waybill: docs.waybill, at }];
    case 'send-list':
      return [{ type: 'LIST_DECLARED', list: docs.list, at }];
    case 'report-arrival':
      return [{ type: 'ARRIVED', at }];
    case 'report-departure':
      return [{ type: 'DEPARTED', at }];
    case 'cancel':
      return [{ type: 'CANCEL_REQUESTED', at }];
    case 'wait':
      return [];
  }
}

/**
 * A model for the order of `docs` (1210 export starts with its goods entered into the zone, as
 * the sandbox does).
 *
 * @example
 * ```ts
 * const model = createSandboxModel(docs);
 * model.apply('send-order');
 * model.receipts(); // ['CEB312 2', 'CEB312 3', 'CEB312 120']
 * ```
 */
export function createSandboxModel(docs: DocumentSet): SandboxModel {
  const driver: ChannelDriver = createDriver(CHANNELS[docs.channel].machine, { order: docs.order });
  if (docs.zoneEntry) driver.send({ type: 'ZONE_ENTERED', ...docs.zoneEntry, at: docs.order.placedAt });
  const sent = new Set<string>();
  /** Receipts in the order written: the machine's, and the sandbox's refusals of requests the machine does not take. */
  const written: string[] = [];
  const known = () => driver.steps.some((s) => s.event.type !== 'ZONE_ENTERED');
  // an export waybill names no order: the sandbox files it when the list naming it arrives
  let parkedWaybill = false;
  /** Sends each event the machine accepts, in list order; with `repeat`, until none is accepted. */
  const play = (events: readonly ChannelEvent[], repeat: boolean): void => {
    const pass = (): boolean => {
      let accepted = false;
      for (const event of events) {
        if (driver.snapshot.status === 'active' && driver.snapshot.can(event)) {
          for (const effect of driver.send(event)) if (effect.type === 'receipt') written.push(`${effect.message === 'H2018' ? 'CEB604' : effect.message} ${effect.status}`);
          accepted = true;
        }
      }
      return accepted;
    };
    while (pass() && repeat && driver.snapshot.status === 'active');
  };
  return {
    docs,
    accepts(kind) {
      if (driver.snapshot.status !== 'active') return false;
      const doc = SENT_DOC[kind];
      if (doc !== undefined) return !sent.has(doc) && (doc !== 'payment' || docs.payment !== undefined);
      if (kind === 'cancel') return driver.snapshot.context.invtNo !== undefined;
      if (kind === 'report-arrival' || kind === 'report-departure') return docs.order.ieFlag === 'E';
      return true;
    },
    apply(kind) {
      const doc = SENT_DOC[kind];
      if (doc !== undefined) sent.add(doc);
      if (kind === 'send-waybill' && docs.order.ieFlag === 'E' && !sent.has('list')) {
        parkedWaybill = true;
        return;
      }
      const request = REFUSAL_OF[kind];
      // the sandbox finds the order of an arrival or departure report by the list's logisticsNo
      const findable = kind === 'cancel' ? known() : sent.has('list');
      if (request !== undefined && !filed(kind, docs).some((e) => driver.snapshot.status === 'active' && driver.snapshot.can(e))) {
        if (findable) written.push(`${request(docs)} 100`);
        return;
      }
      play(filed(kind, docs), false);
      play(customsTurn(docs), true);
      if (kind === 'send-list' && parkedWaybill) {
        parkedWaybill = false;
        play(filed('send-waybill', docs), false);
        play(customsTurn(docs), true);
      }
      if (kind === 'wait') play(waitTurn(docs), true);
    },
    receipts: () => [...written],
    // the sandbox knows an order from its first document (a 1210 export's zone entry is not one)
    state: () => (known() ? stateName(driver.snapshot.value) : '(no order)'),
  };
}
