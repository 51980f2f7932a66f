/**
 * Customs' choices on a list when they fall due: acceptance (numbered, or refused as the order's
 * script says), the decision with the tax the list carries, and how an inspection ends.
 */
import type { ChannelEvent } from '../channels/events.js';
import { reason } from '../customs/reasons.js';
import { formatInvtNo } from '../domain/identifiers.js';
import { orderTax } from '../rules/describe-tax.js';
import { shanghaiDate } from '../sim/clock.js';
import type { SandboxBehaviour } from './behaviour.js';
import type { SandboxLedgers } from './ledgers.js';
import type { LiveOrder } from './order-book.js';
import type { Outcomes } from './outcomes.js';
import type { Store } from './store.js';

/** What customs looks at to decide. */
export interface DecisionContext {
  readonly store: Store;
  readonly behaviour: SandboxBehaviour;
  readonly ledgers: SandboxLedgers;
  /** The order's outcomes (its script, else draws from its own stream). */
  readonly outcomes: () => Outcomes;
}

/** Customs numbers and accepts a list whose documents match, or refuses it as the script says. */
export function acceptance(live: LiveOrder, t: number, c: DecisionContext): ChannelEvent | undefined {
  if (!live.driver.snapshot.can({ type: 'CUSTOMS_ACCEPTED', invtNo: 'probe', at: t })) return undefined;
  const refusal = c.outcomes().listRefusal();
  if (refusal !== undefined) return { type: 'REJECTED', reason: reason(refusal), at: t };
  const serial = Number(c.store.getMeta('invtSerial') ?? '0') + 1;
  c.store.setMeta('invtSerial', String(serial));
  return { type: 'CUSTOMS_ACCEPTED', invtNo: formatInvtNo(c.behaviour.customsCode, Number(shanghaiDate(t).slice(0, 4)), live.input.ieFlag, serial % 1_000_000_000), at: t };
}

/** Customs' decision: import lists carry the tax, with the buyer's use of the year before this list. */
export function decision(live: LiveOrder, t: number, c: DecisionContext): ChannelEvent {
  const order = live.input;
  if (order.ieFlag === 'E' || order.buyer === undefined) return { type: 'DECIDED', at: t };
  try {
    const own = live.driver.snapshot.context.held.quota === 'reserved' ? order.goodsValue.plus(order.freight).plus(order.insurance) : undefined;
    const before = c.ledgers.used(order.buyer.idNumber, t).minus(own ?? 0);
    const tax = orderTax(order, before.isNegative() ? '0' : before.toFixed(2));
    if (tax.route === 'general-trade') return { type: 'REJECTED', reason: { code: 'customs-refused', text: `${reason('customs-refused').text}: ${tax.reason ?? ''}` }, at: t };
    return { type: 'DECIDED', tax, at: t };
  } catch (error) {
    return { type: 'REJECTED', reason: { code: 'customs-refused', text: `${reason('customs-refused').text}: ${error instanceof Error ? error.message.split('\n').join(' ') : String(error)}` }, at: t };
  }
}

/** How the order's inspection ends, as its script says or its draw gives. */
export function inspectionEnd(live: LiveOrder, t: number, c: DecisionContext): ChannelEvent {
  const outcome = c.outcomes().inspectionOutcome(live.input.ieFlag);
  if (outcome.kind === 'pass') return { type: 'INSPECTION_PASSED', at: t };
  if (outcome.kind === 'fail') return { type: 'REJECTED', reason: reason('inspection-failed'), at: t };
  if (outcome.kind === 'reexport') return { type: 'REEXPORTED', at: t };
  return { type: 'DETAINED', status: outcome.status, at: t };
}
