import { CHART_WIDTH, HOUR_AXIS, wallClock, type ChartDefinition } from '../chart.js';

/** Customs as a resource: lists waiting for a decision, and the share of capacity used, hour by hour. */
export const customsQueueChart: ChartDefinition = {
  id: 'customs-queue',
  title: 'Customs queue and utilisation',
  caption: 'Lists waiting for a customs decision at the end of each hour (top) and the share of open capacity used in that hour (bottom).',
  emptyNote: 'Customs made no decisions in this run.',
  spec(report) {
    const values = report.customs.hourlyQueue.map((h) => ({ time: wallClock(h.hour), lists: h.lists, utilisation: h.utilisation }));
    if (values.length === 0) return undefined;
    /** One panel; `floor` keeps an all-zero series on the bottom edge instead of mid-chart. */
    const panel = (field: 'lists' | 'utilisation', title: string, colour: string, axis: { format: string; tickMinStep?: number }, floor: number, xTitle: string | null) => ({
      width: CHART_WIDTH,
      height: 160,
      mark: { type: 'area' as const, line: { color: colour }, color: colour, opacity: 0.35, interpolate: 'step-after' as const },
      encoding: {
        x: { ...HOUR_AXIS, title: xTitle },
        y: { field, type: 'quantitative' as const, title, axis, scale: { domain: [0, Math.max(floor, ...values.map((v) => v[field]))], nice: true } },
      },
    });
    return {
      data: { values },
      vconcat: [panel('lists', 'Lists waiting', '#4e79a7', { format: ',d', tickMinStep: 1 }, 1, null), panel('utilisation', 'Capacity used', '#e15759', { format: '.0%' }, 0.01, HOUR_AXIS.title)],
    };
  },
};
