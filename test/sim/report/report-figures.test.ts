/**
 * Every figure of the report tied to its source. Each example scenario runs (capped) with its
 * transition log and a runner that watches every order's machine; the report's counts, rejections
 * by reason, quota refusals, warnings, clearance and lead times and taxes are then derived again
 * from the log and the machines' own effects, and must agree with the report exactly (percentiles:
 * within what the histogram supports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CHANNELS, createNdjsonLog, createSimulation, loadScenario, RUNNERS, ZERO, type ChannelId, type ChannelReport, type DurationSummary, type Money, type OrderRunner, type Report, type TransitionRecord } from '../../../src/index.js';
import { WARN_SHARE } from '../../../src/sim/report/build.js';

const SCENARIOS = new URL('../../../examples/scenarios/', import.meta.url);
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const MINUTE = 60_000;

/** What the watching runner saw of one order. */
interface Watched {
  readonly channel: ChannelId;
  readonly placedAt: number;
  /** The tax bill in force (issued and not voided). */
  tax: { customsDuty: Money; vat: Money; consumptionTax: Money };
}

/** The compiled runner, with every order's placement and tax bills (issued less voided) noted as its machine emits them. */
function watchingRunner(seen: Map<string, Watched>): OrderRunner {
  const inner = RUNNERS.compiled;
  return {
    name: inner.name,
    start(channel, order) {
      const instance = inner.start(channel, order);
      const watched: Watched = { channel, placedAt: order.placedAt, tax: { customsDuty: ZERO, vat: ZERO, consumptionTax: ZERO } };
      seen.set(order.orderNo, watched);
      return {
        get state() {
          return instance.state;
        },
        get done() {
          return instance.done;
        },
        can: (event) => instance.can(event),
        send(event) {
          const outcome = instance.send(event);
          if (outcome.accepted) {
            for (const effect of outcome.effects) {
              if (effect.type !== 'tax-bill') continue;
              // A void names the bill; the amounts are those the issue carried.
              if (effect.op === 'issue' && effect.tax !== undefined) watched.tax = { customsDuty: effect.tax.customsDuty, vat: effect.tax.vat, consumptionTax: effect.tax.consumptionTax };
              if (effect.op === 'void') watched.tax = { customsDuty: ZERO, vat: ZERO, consumptionTax: ZERO };
            }
          }
          return outcome;
        },
      };
    },
  };
}

/** A log that keeps its NDJSON text in memory. */
function memoryLog() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { log: createNdjsonLog(stream), lines: () => chunks.join('').split('\n').filter((l) => l.length > 0) };
}

async function runExample(file: string, options: { orders: number; shards?: number }) {
  const seen = new Map<string, Watched>();
  const memory = memoryLog();
  const sim = createSimulation(loadScenario(new URL(file, SCENARIOS).pathname), { ...options, runner: watchingRunner(seen) });
  const report = await sim.run({ log: memory.log });
  await memory.log.close();
  return { report, seen, lines: memory.lines() };
}

const FINAL_STATES = new Map(Object.entries(CHANNELS).map(([id, c]) => [id, new Set(Object.entries(c.machine.root.states).filter(([, s]) => s.type === 'final').map(([name]) => name))]));

/** The exact nearest-rank quantile of `samples` (sorted), as the histogram ranks them. */
function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? 0;
}

/** A reported percentile (minutes) agrees with the exact one to the histogram's precision (0.05%) and the three digits printed. */
function expectPercentile(reported: number, exactMs: number, what: string): void {
  const exact = exactMs / MINUTE;
  const halfDigit = reported === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(reported))) - 2);
  expect(Math.abs(reported - exact), `${what}: reported ${reported}, exact ${exact}`).toBeLessThanOrEqual(exact * 0.0005 + halfDigit + 1e-9);
}

function expectDurations(reported: DurationSummary, samplesMs: number[], what: string): void {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  expect(reported.count, `${what} count`).toBe(sorted.length);
  if (sorted.length === 0) return;
  expect(reported.min, `${what} min`).toBe(Math.round((sorted[0]! / MINUTE) * 10) / 10);
  expect(reported.max, `${what} max`).toBe(Math.round((sorted.at(-1)! / MINUTE) * 10) / 10);
  for (const [q, key] of [[0.5, 'p50'], [0.9, 'p90'], [0.99, 'p99']] as const) expectPercentile(reported[key], exactQuantile(sorted, q), `${what} ${key}`);
}

/** The figures of one channel as the log and the watched machines tell them. */
interface Derived {
  orders: number;
  byState: Record<string, number>;
  rejections: Record<string, number>;
  listsDeclared: number;
  reviews: number;
  inspections: number;
  clearance: number[];
  leadTime: number[];
  tax: { customsDuty: Money; vat: Money; consumptionTax: Money };
}

const bump = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

function derive(records: readonly TransitionRecord[], seen: ReadonlyMap<string, Watched>): Map<string, Derived> {
  const byOrder = new Map<string, TransitionRecord[]>();
  for (const r of records) byOrder.set(r.orderNo, [...(byOrder.get(r.orderNo) ?? []), r]);
  const out = new Map<string, Derived>();
  const of = (channel: string): Derived => {
    let d = out.get(channel);
    if (!d) {
      d = { orders: 0, byState: {}, rejections: {}, listsDeclared: 0, reviews: 0, inspections: 0, clearance: [], leadTime: [], tax: { customsDuty: ZERO, vat: ZERO, consumptionTax: ZERO } };
      out.set(channel, d);
    }
    return d;
  };
  for (const [orderNo, watched] of seen) {
    const d = of(watched.channel);
    d.orders++;
    d.tax = { customsDuty: d.tax.customsDuty.plus(watched.tax.customsDuty), vat: d.tax.vat.plus(watched.tax.vat), consumptionTax: d.tax.consumptionTax.plus(watched.tax.consumptionTax) };
    const rows = byOrder.get(orderNo) ?? [];
    const last = rows.at(-1);
    if (last === undefined) continue;
    const final = FINAL_STATES.get(watched.channel)!.has(last.to);
    bump(d.byState, final ? last.to : `in flight: ${last.to}`);
    if (final && last.status.includes(100) && last.reason !== null) bump(d.rejections, last.reason);
    const at = (event: string) => rows.find((r) => r.event === event)?.t;
    const declared = at('LIST_DECLARED');
    const released = at('RELEASED');
    if (declared !== undefined) d.listsDeclared++;
    d.reviews += rows.filter((r) => r.event === 'MANUAL_REVIEW').length;
    d.inspections += rows.filter((r) => r.event === 'INSPECTION_ORDERED').length;
    if (declared !== undefined && released !== undefined) d.clearance.push(released - declared);
    const arrived = watched.channel.endsWith('-import') ? at('DELIVERED') : at('DEPARTED');
    if (arrived !== undefined) d.leadTime.push(arrived - watched.placedAt);
  }
  return out;
}

function expectChannel(c: ChannelReport, d: Derived): void {
  const what = c.channel;
  expect(c.orders, `${what} orders`).toBe(d.orders);
  expect(c.byState, `${what} orders by state`).toEqual(d.byState);
  expect(c.terminal + c.inFlight, `${what} finished + in flight`).toBe(d.orders);
  expect(c.rejections, `${what} rejections by reason`).toEqual(d.rejections);
  const refusing = (c.byState['rejected'] ?? 0) + (c.byState['arrivalLapsed'] ?? 0);
  expect(Object.values(c.rejections).reduce((a, b) => a + b, 0), `${what} rejections add up to the refusing final states`).toBe(refusing);
  expect(c.quotaRefusals, `${what} quota refusals`).toBe(d.rejections['quota-exceeded'] ?? 0);
  expect(c.listsDeclared, `${what} lists declared`).toBe(d.listsDeclared);
  expect(c.reviewRate, `${what} review rate`).toBe(d.listsDeclared ? d.reviews / d.listsDeclared : 0);
  expect(c.inspectionRate, `${what} inspection rate`).toBe(d.listsDeclared ? d.inspections / d.listsDeclared : 0);
  expectDurations(c.clearance, d.clearance, `${what} clearance`);
  expect(c.clearanceBuckets.reduce((n, b) => n + b.lists, 0), `${what} clearance buckets`).toBe(d.clearance.length);
  expectDurations(c.leadTime, d.leadTime, `${what} lead time`);
  expect(c.ordersPerHour.reduce((n, h) => n + h.orders, 0), `${what} orders per hour`).toBe(d.orders);
  const total = d.tax.customsDuty.plus(d.tax.vat).plus(d.tax.consumptionTax);
  expect(c.taxes, `${what} taxes`).toEqual({ customsDuty: d.tax.customsDuty.toFixed(2), vat: d.tax.vat.toFixed(2), consumptionTax: d.tax.consumptionTax.toFixed(2), total: total.toFixed(2) });
}

/** The keys the README documents for a log row. */
function documentedLogKeys(): string[] {
  const keys = /`\{(t, orderNo[^}]*)\}`/.exec(README)?.[1];
  if (keys === undefined) throw new Error('README no longer lists the NDJSON keys as `{t, orderNo, ...}`');
  return keys.split(',').map((k) => k.trim());
}

function expectReportTiedToSources(report: Report, records: readonly TransitionRecord[], seen: ReadonlyMap<string, Watched>): void {
  const derived = derive(records, seen);
  expect(report.channels.map((c) => c.channel).sort()).toEqual([...derived.keys()].sort());
  for (const c of report.channels) expectChannel(c, derived.get(c.channel)!);
  expect(report.totals.orders).toBe(seen.size);
  expect(report.totals.terminal + report.totals.inFlight).toBe(seen.size);
  const shortages = records.filter((r) => r.event === 'STOCK_SHORTAGE').length;
  expect(report.bonded.shortages, 'stock shortages').toBe(shortages);
  expect(report.channels.reduce((n, c) => n + (c.rejections['stock-shortage'] ?? 0), 0), 'stock-shortage refusals').toBe(shortages);
  const warned = report.channels.flatMap((c) => Object.entries(c.rejections).filter(([, n]) => n / c.orders > WARN_SHARE).map(([reason, n]) => `${c.channel}/${reason}/${n}`));
  expect(report.warnings.map((w) => `${w.channel}/${w.reason}/${w.orders}`)).toEqual(warned);
  expect(report.reconciliation.ok).toBe(true);
}

/** 9610 import parcels travel from abroad first: their lead times exceed bonded ones (when the run has both). */
function expectDirectMailSlowerThanBonded(report: Report): void {
  const leadTime = (channel: string) => report.channels.find((c) => c.channel === channel)?.leadTime;
  const direct = leadTime('9610-import');
  const bonded = ['1210-import', '1239-import'].map(leadTime).filter((d) => d !== undefined && d.count > 0);
  if (direct === undefined) return;
  for (const b of bonded) {
    expect(direct.p50, '9610 import lead time p50 at least a day above bonded').toBeGreaterThan(b!.p50 + 24 * 60);
    expect(direct.p90).toBeGreaterThan(b!.p90);
  }
}

const examples = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();

describe('every report figure is derived from one source and agrees with the log and the machines (and 9610 imports take longer than bonded ones)', () => {
  it.each(examples)('%s', async (file) => {
    const { report, seen, lines } = await runExample(file, { orders: 1_500 });
    const records = lines.map((l) => JSON.parse(l) as TransitionRecord);
    const keys = documentedLogKeys();
    for (const record of records) expect(Object.keys(record)).toEqual(keys);
    expectReportTiedToSources(report, records, seen);
    expectDirectMailSlowerThanBonded(report);
  });

  it('holds when the run is split into shards', async () => {
    const { report, seen, lines } = await runExample('guangzhou-three-channels.json', { orders: 1_000, shards: 2 });
    expectReportTiedToSources(report, lines.map((l) => JSON.parse(l) as TransitionRecord), seen);
  });

  it('has quota refusals to count: they end the order at once, so a figure counted on the way on would miss them', async () => {
    const { report } = await runExample('peak-day-11-11.json', { orders: 1_500 });
    expect(report.channels.reduce((n, c) => n + c.quotaRefusals, 0)).toBeGreaterThan(0);
  });
});
