import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { PassThrough } from 'node:stream';
import { createSimulation } from '../../src/sim/simulation.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { loadScenario } from '../../src/sim/scenario/load.js';
import { createNdjsonLog } from '../../src/sim/log.js';
import { reportToJson, reportToMarkdown, reportToCsv } from '../../src/sim/report/render.js';
import type { Report } from '../../src/sim/report/types.js';
import { CHANNEL_IDS } from '../../src/channels/registry.js';

const example = loadScenario(new URL('../../examples/scenarios/guangzhou-three-channels.json', import.meta.url).pathname);

async function runWithLog(seed: number, orders: number, scenario = example): Promise<{ report: Report; log: string }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const log = createNdjsonLog(stream);
  const report = await createSimulation(scenario, { seed, orders }).run({ log });
  await log.close();
  return { report, log: Buffer.concat(chunks).toString('utf8') };
}

function expectReconciled(report: Report): void {
  const failed = report.reconciliation.checks.filter((c) => !c.ok);
  expect(failed).toEqual([]);
  expect(report.reconciliation.ok).toBe(true);
  expect(report.totals.terminal + report.totals.inFlight).toBe(report.totals.orders);
}

describe('simulation', () => {
  it('gives byte-identical report and log for the same scenario and seed', async () => {
    const a = await runWithLog(11, 300);
    const b = await runWithLog(11, 300);
    expect(reportToJson(a.report)).toBe(reportToJson(b.report));
    expect(a.log).toBe(b.log);
    expect(a.log.split('\n').length).toBeGreaterThan(300 * 10);
    const c = await runWithLog(12, 300);
    expect(reportToJson(c.report)).not.toBe(reportToJson(a.report));
  });

  it('runs every channel of the example to a reconciled report', async () => {
    const { report } = await runWithLog(7, 600);
    expectReconciled(report);
    expect(report.channels.map((c) => c.channel).sort()).toEqual([...CHANNEL_IDS].sort());
    const imports = report.channels.filter((c) => c.channel.endsWith('-import'));
    expect(imports.every((c) => Number(c.taxes.total) > 0)).toBe(true);
    expect(report.exportSummary.applications).toBeGreaterThan(0);
    expect(reportToMarkdown(report)).toContain('PASSED');
    expect(reportToCsv(report).split('\n')[0]).toMatch(/^channel,orders,/);
  });

  it('loses nothing under an outage and 5% lost and 5% duplicated receipts', async () => {
    const faulty = parseScenario({
      ...JSON.parse(JSON.stringify({ ...example, start: '2019-11-04T00:00:00+08:00' })),
      faults: { outages: [{ start: '2019-11-04T08:00:00+08:00', end: '2019-11-04T14:00:00+08:00' }], lostReceiptRate: 0.05, duplicateReceiptRate: 0.05 },
    });
    const { report, log } = await runWithLog(3, 400, faulty);
    expectReconciled(report);
    const sentDuringOutage = log
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { t: number; event: string })
      .filter((r) => r.event === 'SENT' && r.t >= Date.parse('2019-11-04T08:00:00+08:00') && r.t < Date.parse('2019-11-04T14:00:00+08:00'));
    expect(sentDuringOutage).toEqual([]);
  });

  it('reports orders in flight at the horizon rather than dropping them', async () => {
    const short = parseScenario({ ...JSON.parse(JSON.stringify({ ...example, start: '2019-11-04T00:00:00+08:00' })), drainDays: 0 });
    const { report } = await runWithLog(5, 300, short);
    expectReconciled(report);
    expect(report.totals.inFlight).toBeGreaterThan(0);
    expect(Object.keys(report.channels[0]!.byState).some((s) => s.startsWith('in flight: '))).toBe(true);
  });

  test.prop(
    [
      fc.record({
        seed: fc.integer({ min: 0, max: 1_000_000 }),
        channels: fc.subarray([...CHANNEL_IDS], { minLength: 1 }),
        inspectionRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
        reviewRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
        cancelRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
        returnRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
        sendFailureRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
        lost: fc.double({ min: 0, max: 0.2, noNaN: true }),
        duplicate: fc.double({ min: 0, max: 0.2, noNaN: true }),
        capacityPerHour: fc.integer({ min: 5, max: 500 }),
        drainDays: fc.integer({ min: 0, max: 60 }),
      }),
    ],
    { numRuns: 12 },
  )('every order ends terminal or in flight, counts add up, ledgers and quotas balance', async (p) => {
    const scenario = parseScenario({
      start: '2019-11-04T00:00:00+08:00',
      horizonDays: 1,
      drainDays: p.drainDays,
      arrivals: p.channels.map((channel) => ({ channel, ordersPerDay: 40 })),
      catalogue: example.catalogue.map((g) => ({ ...g, originCountry: g.originCountry })),
      buyers: { population: 50, cancelRate: p.cancelRate, returnRate: p.returnRate },
      customs: { inspectionRate: p.inspectionRate, reviewRate: p.reviewRate, capacityPerHour: p.capacityPerHour },
      carrier: { sendFailureRate: p.sendFailureRate },
      bonded: { policy: 'fixed', initialStock: 20, reorderPoint: 5, reorderQuantity: 20 },
      faults: { lostReceiptRate: p.lost, duplicateReceiptRate: p.duplicate },
    });
    const report = await createSimulation(scenario, { seed: p.seed }).run();
    expectReconciled(report);
    expect(report.totals.orders).toBeGreaterThan(0);
  });
});
