/**
 * The sandbox's customs and e-port: after each event an order's machine accepts, what customs,
 * the e-port and the physical world do next, at once or at a time on the sandbox clock. The
 * machine decides what each event means; this module only decides which event comes next, as
 * the simulator's parties do, but with the documents coming from real senders.
 *
 * Timings: the e-port forwards at once and customs stores documents at once (120); a matched
 * list is accepted and decided at once unless it goes to manual review or inspection, which take
 * the scenario's durations; a declared list waits `documentWaitMs` for missing documents; import
 * goods leave the site an hour after release and are delivered after the scenario's delivery time
 * (or when the carrier reports it, CEB513 status `S`); an import list closes (899) once the 30-day
 * return window has passed; an export list closes a day after departure (CEB509); an export list
 * with no arrival report (CEB507) 72 hours after the decision is refused; tax bills are summarised
 * onto a payment notice (CEB818) on day 31 after release.
 */
import type { ChannelEvent, DocKind } from '../channels/events.js';
import { RETURN_GOODS_DAYS } from '../channels/setup.js';
import { MS } from '../sim/clock.js';
import type { SandboxBehaviour } from './behaviour.js';
import { stateOf, type LiveOrder } from './order-book.js';
import type { Outcomes } from './outcomes.js';

/** Work the sandbox does for an order: an event for its machine, or a decision made when it is due. */
export type SandboxAction =
  | { readonly kind: 'event'; readonly event: ChannelEvent }
  | { readonly kind: 'accept' }
  | { readonly kind: 'decide' }
  | { readonly kind: 'inspection-outcome' }
  | { readonly kind: 'tax-notice' };

/** What follows an event: work now, work at a time (one per slot), or a slot's work called off. */
export type FollowUp =
  | { readonly when: 'now'; readonly action: SandboxAction }
  | { readonly when: 'at'; readonly slot: string; readonly at: number; readonly action: SandboxAction }
  | { readonly when: 'cancel'; readonly slot: string };

/** After an import list is released, the goods leave the site [assumption]. */
export const GATE_EXIT_MS = MS.hour;
/** An export list with no arrival report this long after the decision is refused (as in the simulator). */
export const ARRIVAL_WAIT_MS = 72 * MS.hour;
/** An import list closes once the return window has passed: day 31 after release. */
export const CLOSE_AFTER_RELEASE_DAYS = 31;
/** Tax bills are summarised onto the payment notice when the payment window opens (day 31, [M]). */
export const TAX_NOTICE_DAYS = 30;

const ACKED: Readonly<Record<Exclude<DocKind, 'list'>, 'ORDER_ACKED' | 'PAYMENT_ACKED' | 'WAYBILL_ACKED'>> = { order: 'ORDER_ACKED', payment: 'PAYMENT_ACKED', waybill: 'WAYBILL_ACKED' };
const FILED_DOC: Readonly<Record<string, DocKind>> = { ORDER_FILED: 'order', PAYMENT_FILED: 'payment', WAYBILL_FILED: 'waybill', LIST_DECLARED: 'list' };

const now = (event: ChannelEvent): FollowUp => ({ when: 'now', action: { kind: 'event', event } });
const at = (slot: string, time: number, action: SandboxAction): FollowUp => ({ when: 'at', slot, at: time, action });
const event = (e: ChannelEvent): SandboxAction => ({ kind: 'event', event: e });

/** What customs needs to know to react. */
export interface ReactionContext {
  readonly behaviour: SandboxBehaviour;
  readonly outcomes: Outcomes;
}

/** How many times `doc` has been sent to the e-port so far (its filing and resends). */
function sendings(live: LiveOrder, doc: DocKind): number {
  return live.driver.steps.filter((s) => (s.event.type === 'RESENT' && s.event.doc === doc) || FILED_DOC[s.event.type] === doc).length;
}

/** The e-port forwards `doc`, or fails to (4) and the sender must send it again. */
function forward(live: LiveOrder, doc: DocKind, t: number, c: ReactionContext): FollowUp[] {
  if (c.outcomes.sendFails(doc, sendings(live, doc))) return [now({ type: 'SEND_FAILED', doc, at: t })];
  return [now({ type: 'SENT', doc, at: t })];
}

/** The list is matched (or refused) now that something changed. */
const tryAccept: FollowUp = { when: 'now', action: { kind: 'accept' } };

function inspectOrRelease(t: number, c: ReactionContext): FollowUp[] {
  return [c.outcomes.inspected() ? now({ type: 'INSPECTION_ORDERED', at: t }) : now({ type: 'RELEASED', at: t })];
}

/** What follows `e`, which the machine of `live` has just accepted at time `e.at`. */
export function react(live: LiveOrder, e: ChannelEvent, c: ReactionContext): FollowUp[] {
  const t = e.at;
  const importing = live.input.ieFlag === 'I';
  const released = live.driver.snapshot.context.releasedAt ?? t;
  switch (e.type) {
    case 'ORDER_FILED':
    case 'PAYMENT_FILED':
    case 'WAYBILL_FILED':
    case 'LIST_DECLARED':
      return [...(e.type === 'LIST_DECLARED' && c.outcomes.stockShort() ? [now({ type: 'STOCK_SHORTAGE', at: t })] : []), ...forward(live, FILED_DOC[e.type] ?? 'order', t, c)];
    case 'RESENT':
      return forward(live, e.doc, t, c);
    case 'SENT':
      if (e.doc === 'list') return [at('documents', t + c.behaviour.documentWaitMs, event({ type: 'TIMEOUT', timer: 'documents', at: 0 })), tryAccept];
      return [now({ type: ACKED[e.doc], at: t })];
    case 'ORDER_ACKED':
    case 'PAYMENT_ACKED':
    case 'WAYBILL_ACKED':
      return [tryAccept];
    case 'CUSTOMS_ACCEPTED': {
      const quota = c.outcomes.quotaRefused() ? [now({ type: 'QUOTA_REFUSED', detail: 'scripted', at: t })] : [];
      const decision: FollowUp[] = c.outcomes.review()
        ? [now({ type: 'MANUAL_REVIEW', at: t }), at('decide', t + c.outcomes.duration('review-time', c.behaviour.review), { kind: 'decide' })]
        : [{ when: 'now', action: { kind: 'decide' } }];
      return [{ when: 'cancel', slot: 'documents' }, ...quota, ...decision];
    }
    case 'DECIDED':
      if (importing) return inspectOrRelease(t, c);
      return [c.outcomes.arrivalMissing() ? now({ type: 'TIMEOUT', timer: 'arrival', at: t }) : at('arrival', t + ARRIVAL_WAIT_MS, event({ type: 'TIMEOUT', timer: 'arrival', at: 0 }))];
    case 'ARRIVED':
      return [{ when: 'cancel', slot: 'arrival' }, ...inspectOrRelease(t, c)];
    case 'INSPECTION_ORDERED':
      return [at('inspection', t + c.outcomes.duration('inspection-time', c.behaviour.inspection), { kind: 'inspection-outcome' })];
    case 'INSPECTION_PASSED':
      return [now({ type: 'RELEASED', at: t })];
    case 'RELEASED':
      if (!importing) return [];
      return [
        at('carrier', t + GATE_EXIT_MS, event({ type: 'DEPARTED', at: 0 })),
        ...(live.driver.snapshot.context.held.taxBill ? [at('tax', t + TAX_NOTICE_DAYS * MS.day, { kind: 'tax-notice' })] : []),
      ];
    case 'DEPARTED':
      if (importing) return [at('carrier', t + c.outcomes.duration('delivery-time', c.behaviour.domesticDelivery), event({ type: 'DELIVERED', at: 0 }))];
      return [at('close', t + MS.day, event({ type: 'CLOSED', at: 0 }))];
    case 'DELIVERED':
      return [{ when: 'cancel', slot: 'carrier' }, at('close', Math.max(t + MS.hour, released + CLOSE_AFTER_RELEASE_DAYS * MS.day), event({ type: 'CLOSED', at: 0 }))];
    case 'RETURN_REQUESTED': {
      if (!stateOf(live).endsWith('returning')) return [];
      const deadline = released + RETURN_GOODS_DAYS * MS.day;
      const days = c.outcomes.returnTransitDays();
      const back = days === undefined ? Infinity : t + Math.round(days * MS.day);
      return [{ when: 'cancel', slot: 'close' }, back <= deadline ? at('return', back, event({ type: 'GOODS_RETURNED', at: 0 })) : at('return', deadline + MS.minute, event({ type: 'TIMEOUT', timer: 'return', at: 0 }))];
    }
    case 'TIMEOUT':
      return e.timer === 'return' ? [at('close', t + MS.hour, event({ type: 'CLOSED', at: 0 }))] : [];
    case 'CLOSED':
      return live.channel === '9810' ? [at('overseas', t + Math.round(c.outcomes.duration('to-warehouse', { medianMinutes: 25 * 24 * 60, sigma: 0.3 })), event({ type: 'WAREHOUSED', at: 0 }))] : [];
    case 'WAREHOUSED':
      return [at('overseas', t + c.outcomes.duration('to-sale', { medianMinutes: 30 * 24 * 60, sigma: 0.5 }), event({ type: 'SOLD', at: 0 }))];
    default:
      return [];
  }
}
