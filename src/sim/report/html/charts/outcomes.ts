import type { ChannelReport } from '../../types.js';
import { CHART_WIDTH, type ChartDefinition } from '../chart.js';

/** Outcomes other than refusals, in the order they are stacked, with their colours. */
const FIXED = [
  { outcome: 'released', states: ['closed', 'sold'], colour: '#59a14f' },
  { outcome: 'detained', states: ['detained'], colour: '#b07aa1' },
  { outcome: 're-exported', states: ['reexported'], colour: '#9c755f' },
  { outcome: 'returned', states: ['returned'], colour: '#edc948' },
  { outcome: 'cancelled', states: ['cancelled'], colour: '#bab0ac' },
  { outcome: 'arrival lapsed', states: ['arrivalLapsed'], colour: '#ff9da7' },
] as const;
const IN_FLIGHT = { outcome: 'in flight', colour: '#a0cbe8' };
/** Reds for refusal reasons, most frequent reason first. */
const REFUSAL_COLOURS = ['#e15759', '#c0392b', '#f1948a', '#922b21', '#f5b7b1', '#641e16'];

function count(c: ChannelReport, states: readonly string[]): number {
  return states.reduce((n, s) => n + (c.byState[s] ?? 0), 0);
}

/** A channel's orders by outcome; refused orders split by reason (unexplained ones as `other`). */
function outcomesOf(c: ChannelReport): { outcome: string; orders: number }[] {
  const reasons = Object.entries(c.rejections).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const explained = reasons.reduce((n, [, lists]) => n + lists, 0);
  const refused = [...reasons, ['other', Math.max(0, (c.byState['rejected'] ?? 0) - explained)] as const].map(([r, n]) => ({ outcome: `rejected: ${r}`, orders: n }));
  const inFlight = Object.entries(c.byState).reduce((n, [s, orders]) => n + (s.startsWith('in flight') ? orders : 0), 0);
  return [{ outcome: FIXED[0].outcome, orders: count(c, FIXED[0].states) }, ...refused, ...FIXED.slice(1).map((f) => ({ outcome: f.outcome, orders: count(c, f.states) })), { outcome: IN_FLIGHT.outcome, orders: inFlight }];
}

/** How each channel's orders ended: released, refused by reason, detained, returned, cancelled, in flight. */
export const outcomesChart: ChartDefinition = {
  id: 'outcomes',
  title: 'Outcomes per channel',
  caption: "How each channel's orders ended (or stood at the horizon), as a share of its orders; refusals are split by reason.",
  emptyNote: 'No orders were created in this run.',
  spec(report) {
    const channels = report.channels.filter((c) => c.orders > 0);
    if (channels.length === 0) return undefined;
    const values = channels.flatMap((c) => outcomesOf(c).filter((o) => o.orders > 0).map((o) => ({ channel: c.channel, ...o, share: o.orders / c.orders })));
    const refusals = [...new Set(values.map((v) => v.outcome).filter((o) => o.startsWith('rejected')))].sort();
    const legend = [
      { outcome: FIXED[0].outcome, colour: FIXED[0].colour },
      ...refusals.map((outcome, i) => ({ outcome, colour: REFUSAL_COLOURS[i % REFUSAL_COLOURS.length] ?? '#e15759' })),
      ...FIXED.slice(1),
      IN_FLIGHT,
    ].filter((l) => values.some((v) => v.outcome === l.outcome));
    const order = new Map(legend.map((l, i) => [l.outcome, i]));
    return {
      width: CHART_WIDTH,
      height: { step: 36 },
      data: { values: values.map((v) => ({ ...v, rank: order.get(v.outcome) ?? 0 })) },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'channel', type: 'nominal', title: 'Channel', sort: channels.map((c) => c.channel) },
        x: { field: 'share', type: 'quantitative', title: 'Share of orders', stack: 'normalize', axis: { format: '.0%' } },
        color: { field: 'outcome', type: 'nominal', title: 'Outcome', scale: { domain: legend.map((l) => l.outcome), range: legend.map((l) => l.colour) } },
        order: { field: 'rank', type: 'quantitative' },
      },
    };
  },
};
