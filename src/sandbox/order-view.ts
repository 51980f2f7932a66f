/**
 * An order as people look at it: its channel, state, the receipt statuses its states stand for,
 * the statechart with the active states marked, and its timeline of messages, events and receipts.
 */
import { statusesOf, stateName } from '../channels/drive.js';
import { CHANNELS, type ChannelId } from '../channels/registry.js';
import type { StatusMeta } from '../channels/regions.js';
import type { SandboxEngine } from './engine.js';
import { decode } from './codec.js';

/** One line of an order's timeline. */
export interface TimelineEntry {
  /** Sandbox time, epoch ms. */
  readonly at: number;
  readonly kind: 'message' | 'event' | 'receipt' | 'scheduled';
  /** Message or receipt type, or event type. */
  readonly what: string;
  readonly detail: string;
}

/** A node of a channel's statechart, with whether it is active now. */
export interface ChartNode {
  readonly key: string;
  readonly active: boolean;
  readonly final: boolean;
  readonly children: readonly ChartNode[];
}

/** Everything the order view shows. */
export interface OrderView {
  readonly orderNo: string;
  readonly channel: string;
  readonly title: string;
  readonly state: string;
  readonly done: boolean;
  readonly script: string;
  readonly copNo: string | null;
  readonly invtNo: string | null;
  readonly logisticsNo: string | null;
  readonly statuses: readonly StatusMeta[];
  readonly chart: ChartNode;
  readonly timeline: readonly TimelineEntry[];
}

interface StateNodeLike {
  readonly key: string;
  readonly type: string;
  readonly states: Readonly<Record<string, StateNodeLike>>;
}

function chart(node: StateNodeLike, path: string, active: ReadonlySet<string>): ChartNode {
  const children = Object.values(node.states).map((child) => chart(child, path === '' ? child.key : `${path}.${child.key}`, active));
  const on = path === '' || [...active].some((leaf) => leaf === path || leaf.startsWith(`${path}.`));
  return { key: node.key, active: on, final: node.type === 'final', children };
}

const ORDER: Readonly<Record<TimelineEntry['kind'], number>> = { message: 0, event: 1, receipt: 2, scheduled: 3 };

/** The view of order `orderNo`, or undefined when the sandbox has no such order. */
export function orderView(engine: SandboxEngine, orderNo: string): OrderView | undefined {
  const row = engine.store.getOrder(orderNo);
  const live = engine.book.get(orderNo);
  if (row === undefined || live === undefined) return undefined;
  const snapshot = live.driver.snapshot;
  const active = new Set(stateName(snapshot.value).split(', '));
  const channel = CHANNELS[row.channel as ChannelId];
  const timeline: TimelineEntry[] = [
    ...engine.store.messagesOf(orderNo).map((m) => ({ at: m.receivedAt, kind: 'message' as const, what: m.type, detail: `from ${m.sender}, guid ${m.guid}` })),
    ...engine.store.eventsOf(orderNo).map((e) => ({ at: e.at, kind: 'event' as const, what: decode<{ type: string }>(e.event).type, detail: `${e.fromState} -> ${e.toState}` })),
    ...engine.store.receiptsOf(orderNo).map((r) => ({ at: r.at, kind: 'receipt' as const, what: `${r.type} ${r.status}`, detail: `to ${r.receiver}: ${r.info}` })),
    ...engine.store.jobsOf(orderNo).map((j) => ({ at: j.dueAt, kind: 'scheduled' as const, what: j.slot, detail: describeJob(j.action) })),
  ];
  timeline.sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
  return {
    orderNo,
    channel: row.channel,
    title: channel.title,
    state: row.state,
    done: row.done,
    script: row.script,
    copNo: row.copNo,
    invtNo: row.invtNo,
    logisticsNo: row.logisticsNo,
    statuses: statusesOf(snapshot),
    chart: chart(channel.machine.root as unknown as StateNodeLike, '', active),
    timeline,
  };
}

function describeJob(action: string): string {
  const parsed = decode<{ kind: string; event?: { type: string; timer?: string } }>(action);
  if (parsed.kind !== 'event' || parsed.event === undefined) return parsed.kind;
  return parsed.event.timer === undefined ? parsed.event.type : `${parsed.event.type} ${parsed.event.timer}`;
}

/** A row of the order list. */
export interface OrderSummary {
  readonly orderNo: string;
  readonly channel: string;
  /** The machine state, as `stateName` writes it. */
  readonly state: string;
  /** True once the order reached a final state. */
  readonly done: boolean;
  readonly copNo: string | null;
  readonly invtNo: string | null;
  readonly logisticsNo: string | null;
  /** Sandbox time of the last change, epoch ms. */
  readonly updatedAt: number;
}

/** Orders matching `query` (orderNo, copNo, invtNo or logisticsNo), newest first. */
export function searchOrders(engine: SandboxEngine, query: string, limit = 100): OrderSummary[] {
  return engine.store.searchOrders(query, limit).map(({ orderNo, channel, state, done, copNo, invtNo, logisticsNo, updatedAt }) => ({ orderNo, channel, state, done, copNo, invtNo, logisticsNo, updatedAt }));
}
