/**
 * A reference event generator: given the machine's current state, it picks the next event of the
 * happy path, unless the order's script asks for another outcome. Scripted and unscripted events
 * go through the same transitions. The simulator's parties do the same with random draws.
 */
import type { InventoryList, Payment, Waybill } from '../domain/model.js';
import type { Script, ScriptStep } from '../customs/scripts.js';
import { reason } from '../customs/reasons.js';
import type { ReasonCode } from '../customs/reasons.js';
import type { TaxAssessment } from '../rules/types.js';
import { MS } from '../sim/clock.js';
import type { ChannelInput } from './context.js';
import { createDriver } from './drive.js';
import { RETURN_GOODS_DAYS } from './setup.js';
import type { ChannelSnapshot, DriveReport } from './drive.js';
import type { ChannelEvent, DeclarationRoute, DocKind } from './events.js';
import type { ChannelMachine } from './registry.js';

/** What the autopilot files and decides for one order. */
export interface AutopilotPlan {
  readonly payment?: Payment;
  readonly waybill?: Waybill;
  readonly list: InventoryList;
  /** The list number customs gives on acceptance. */
  readonly invtNo: string;
  /** The tax assessment customs decides with (import). */
  readonly tax?: TaxAssessment;
  readonly route?: DeclarationRoute;
  /** 1210 export: the second-line entry the goods come in on. */
  readonly zoneEntry?: { readonly ref: string; readonly emsNo: string };
  readonly script?: Script;
  /** Epoch ms of the first event. */
  readonly start: number;
  /** Time between events (default one hour). */
  readonly stepMs?: number;
}

/** Picks events for one order. Stateful: it remembers which script steps it has played. */
export interface Autopilot {
  /** The next event for `snapshot`, or `undefined` when the order is final or nothing applies. */
  next(snapshot: ChannelSnapshot): ChannelEvent | undefined;
}

/** Days after release on which returned goods come back, after a scripted return request. */
const RETURN_TRANSIT_DAYS = 5;

const DOC_EVENTS = [
  ['order', 'ORDER_FILED', 'ORDER_ACKED'],
  ['payment', 'PAYMENT_FILED', 'PAYMENT_ACKED'],
  ['waybill', 'WAYBILL_FILED', 'WAYBILL_ACKED'],
] as const;

/** Refusals a script plays by leaving out an event, and the event (or document) left out. */
const SUPPRESSING: ReadonlyMap<ReasonCode, string> = /* @__PURE__ */ new Map<ReasonCode, string>([
  ['order-missing', 'order'],
  ['payment-missing', 'payment'],
  ['waybill-missing', 'waybill'],
  ['arrival-missing', 'ARRIVED'],
]);

function suppressed(script: Script): Set<string> {
  return new Set(script.flatMap((step) => (step.kind === 'reject' ? [SUPPRESSING.get(step.reason) ?? ''] : [])));
}

function happyPath(plan: AutopilotPlan, skip: Set<string>, at: number): ChannelEvent[] {
  const events: ChannelEvent[] = [];
  if (plan.zoneEntry) events.push({ type: 'ZONE_ENTERED', ...plan.zoneEntry, at });
  for (const [doc, filed, acked] of DOC_EVENTS) {
    if (skip.has(doc)) continue;
    if (filed === 'ORDER_FILED') events.push({ type: filed, at });
    if (filed === 'PAYMENT_FILED' && plan.payment) events.push({ type: filed, payment: plan.payment, at });
    if (filed === 'WAYBILL_FILED' && plan.waybill) events.push({ type: filed, waybill: plan.waybill, at });
    events.push({ type: 'SENT', doc, at }, { type: acked, at });
  }
  const docs: DocKind[] = ['order', 'payment', 'waybill', 'list'];
  events.push(...docs.map((doc) => ({ type: 'RESENT' as const, doc, at })));
  events.push({ type: 'LIST_DECLARED', list: plan.list, ...(plan.route && { route: plan.route }), at }, { type: 'SENT', doc: 'list', at });
  events.push({ type: 'CUSTOMS_ACCEPTED', invtNo: plan.invtNo, at }, { type: 'DECIDED', ...(plan.tax && { tax: plan.tax }), at });
  if (!skip.has('ARRIVED')) events.push({ type: 'ARRIVED', at });
  for (const type of ['RELEASED', 'DEPARTED', 'DELIVERED', 'CLOSED', 'WAREHOUSED', 'SOLD'] as const) events.push({ type, at });
  events.push({ type: 'TIMEOUT', timer: 'documents', at }, { type: 'TIMEOUT', timer: 'arrival', at });
  return events;
}

function scripted(step: ScriptStep, snapshot: ChannelSnapshot, plan: AutopilotPlan, at: number): ChannelEvent[] {
  const can = (event: ChannelEvent): boolean => snapshot.can(event);
  switch (step.kind) {
    case 'reject':
      if (step.reason === 'quota-exceeded') return [{ type: 'QUOTA_REFUSED', at }];
      if (step.reason === 'stock-shortage') return [{ type: 'STOCK_SHORTAGE', at }];
      if (SUPPRESSING.has(step.reason)) return []; // played by leaving an event out
      return can({ type: 'CUSTOMS_ACCEPTED', invtNo: plan.invtNo, at }) ? [{ type: 'REJECTED', reason: reason(step.reason), at }] : [];
    case 'send-fail':
      return [{ type: 'SEND_FAILED', doc: step.doc, at }];
    case 'review':
      return [{ type: 'MANUAL_REVIEW', at }];
    case 'inspect':
    case 'reexport': {
      const outcome: ChannelEvent =
        step.kind === 'reexport' ? { type: 'REEXPORTED', at }
        : step.outcome === 'pass' ? { type: 'INSPECTION_PASSED', at }
        : step.outcome === 'fail' ? { type: 'REJECTED', reason: reason('inspection-failed'), at }
        : { type: 'DETAINED', status: step.outcome, at };
      return [{ type: 'INSPECTION_ORDERED', at }, ...(can({ type: 'INSPECTION_PASSED', at }) ? [outcome] : [])];
    }
    case 'cancel': {
      const value: unknown = snapshot.value;
      const top = typeof value === 'string' ? value : Object.keys(value as object)[0];
      const due = step.when === 'before-release' ? can({ type: 'RELEASED', at }) : top === 'delivery' || top === 'departed';
      return due ? [{ type: 'CANCEL_REQUESTED', at }] : [];
    }
    case 'return': {
      const released = snapshot.context.releasedAt ?? at;
      const day = (n: number): number => Math.max(at, released + n * MS.day);
      return [
        { type: 'RETURN_REQUESTED', at: day(step.day) },
        step.lapsed ? { type: 'TIMEOUT', timer: 'return', at: day(RETURN_GOODS_DAYS + 1) } : { type: 'GOODS_RETURNED', at: day(step.day + RETURN_TRANSIT_DAYS) },
      ];
    }
  }
}

/** Events a script step may play only once (the others end in a new state anyway). */
const ONCE: ReadonlySet<ChannelEvent['type']> = /* @__PURE__ */ new Set(['SEND_FAILED', 'MANUAL_REVIEW', 'INSPECTION_ORDERED', 'CANCEL_REQUESTED', 'RETURN_REQUESTED']);

/**
 * An autopilot for one order.
 *
 * @example
 * ```ts
 * const pilot = createAutopilot({ payment, waybill, list, invtNo, tax, start, script: parseScript('review') });
 * pilot.next(actor.getSnapshot()); // { type: 'ORDER_FILED', at: ... }
 * ```
 */
export function createAutopilot(plan: AutopilotPlan): Autopilot {
  const script = plan.script ?? [];
  const skip = suppressed(script);
  const played = new Set<string>();
  let clock = plan.start;
  return {
    next(snapshot) {
      if (snapshot.status !== 'active') return undefined;
      const at = clock + (plan.stepMs ?? MS.hour);
      const candidates = [
        ...script.flatMap((step, i) => scripted(step, snapshot, plan, at).map((event) => ({ event, key: `${i}:${event.type}` }))),
        ...happyPath(plan, skip, at).map((event) => ({ event, key: '' })),
      ];
      const chosen = candidates.find(({ event, key }) => !(ONCE.has(event.type) && played.has(key)) && snapshot.can(event));
      if (chosen === undefined) return undefined;
      if (chosen.key !== '') played.add(chosen.key);
      clock = chosen.event.at;
      return chosen.event;
    },
  };
}

/**
 * Drives one order with an autopilot until it is final or stuck (at most `limit` events).
 *
 * @example
 * ```ts
 * const { steps } = runAutopilot(CHANNELS['9610-import'].machine, { order }, plan);
 * steps.flatMap((s) => s.effects).filter((e) => e.type === 'receipt');
 * ```
 */
export function runAutopilot(machine: ChannelMachine, input: ChannelInput, plan: AutopilotPlan, limit = 200): DriveReport {
  const driver = createDriver(machine, input);
  const pilot = createAutopilot(plan);
  for (let i = 0; i < limit; i++) {
    const event = pilot.next(driver.snapshot);
    if (event === undefined) break;
    driver.send(event);
  }
  return { steps: driver.steps, refused: [], snapshot: driver.snapshot };
}
