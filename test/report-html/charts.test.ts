import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/sim/report/html/chart.js';
import { outcomesChart } from '../../src/sim/report/html/charts/outcomes.js';
import { clearanceTimesChart } from '../../src/sim/report/html/charts/clearance-times.js';
import { renderChart } from '../../src/sim/report/html/render-chart.js';
import type { ChannelReport, Report } from '../../src/sim/report/types.js';

const summary = { count: 0, min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
const channel = (over: Partial<ChannelReport>): ChannelReport => ({
  channel: '9610-import',
  orders: 10,
  byState: {},
  terminal: 10,
  inFlight: 0,
  clearance: summary,
  leadTime: summary,
  listsDeclared: 10,
  reviewRate: 0,
  inspectionRate: 0,
  rejections: {},
  taxes: { customsDuty: '0.00', vat: '0.00', consumptionTax: '0.00', total: '0.00' },
  quotaRefusals: 0,
  transitionErrors: 0,
  clearanceBuckets: [],
  ordersPerHour: [],
  ...over,
});
const reportOf = (channels: ChannelReport[]) => ({ channels }) as unknown as Report;
const valuesOf = (spec: unknown): Record<string, unknown>[] => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

describe('chart specs', () => {
  it('reads Shanghai wall-clock hours as written, whatever the machine zone', () => {
    expect(wallClock('2019-11-04 10:00')).toBe(Date.UTC(2019, 10, 4, 10));
    expect(wallClock('2019-11-04')).toBe(Date.UTC(2019, 10, 4));
  });

  it('splits refused orders by reason, and names refusals the report does not explain "other"', () => {
    const c = channel({ byState: { closed: 5, rejected: 3, detained: 1, 'in flight: delivery': 1 }, rejections: { 'customs-refused': 2 } });
    const rows = valuesOf(outcomesChart.spec(reportOf([c]))).map((v) => `${v['outcome']}=${v['orders']}`);
    expect(rows).toEqual(['released=5', 'rejected: customs-refused=2', 'rejected: other=1', 'detained=1', 'in flight=1']);
  });

  it('labels clearance buckets from minutes to days, the last one open-ended', () => {
    const buckets = [5, 120, 2880, null].map((upToMinutes) => ({ upToMinutes, lists: 1 }));
    const rows = valuesOf(clearanceTimesChart.spec(reportOf([channel({ clearanceBuckets: buckets })])));
    expect(rows.map((v) => v['bucket'])).toEqual(['≤ 5 min', '≤ 2 h', '≤ 2 d', '> 2 d']);
    expect(rows.map((v) => v['share'])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('has no chart when no list was released', () => {
    expect(clearanceTimesChart.spec(reportOf([channel({ clearanceBuckets: [{ upToMinutes: 5, lists: 0 }] })]))).toBeUndefined();
  });

  it('refuses a spec Vega-Lite would draw wrong instead of drawing it', async () => {
    await expect(renderChart({ data: { values: [{ a: 'x' }] }, mark: 'bar', encoding: { order: { field: 'a', type: 'nominal' } } })).rejects.toThrow(/not drawable/);
  });
});
