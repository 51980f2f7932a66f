import { PassThrough } from 'node:stream';
import { fc } from '@fast-check/vitest';
import { CHANNEL_IDS } from '../../../src/channels/registry.js';
import { createNdjsonLog } from '../../../src/sim/log.js';
import type { Report } from '../../../src/sim/report/types.js';
import { loadScenario, parseScenario } from '../../../src/sim/scenario/load.js';
import type { Scenario } from '../../../src/sim/scenario/schema.js';
import { createSimulation, type SimulationOptions } from '../../../src/sim/simulation.js';

export const example = loadScenario(new URL('../../../examples/scenarios/guangzhou-three-channels.json', import.meta.url).pathname);

/** Runs `scenario` with `options`, logging; the report and the log's text. */
export async function runLogged(scenario: Scenario, options: SimulationOptions): Promise<{ report: Report; log: string }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const log = createNdjsonLog(stream);
  const report = await createSimulation(scenario, options).run({ log });
  await log.close();
  return { report, log: Buffer.concat(chunks).toString('utf8') };
}

/** A small random scenario (one simulated day, a few dozen orders a channel) and a seed. */
export const smallScenario = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    channels: fc.subarray([...CHANNEL_IDS], { minLength: 1 }),
    ordersPerDay: fc.integer({ min: 10, max: 60 }),
    reviewRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
    inspectionRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
    cancelRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
    capacityPerHour: fc.integer({ min: 8, max: 400 }),
    drainDays: fc.integer({ min: 0, max: 40 }),
    shards: fc.integer({ min: 1, max: 4 }),
  })
  .map((p) => ({
    seed: p.seed,
    scenario: parseScenario({
      start: '2019-11-04T00:00:00+08:00',
      horizonDays: 1,
      drainDays: p.drainDays,
      shards: p.shards,
      arrivals: p.channels.map((channel) => ({ channel, ordersPerDay: p.ordersPerDay })),
      catalogue: example.catalogue,
      buyers: { population: 40, cancelRate: p.cancelRate },
      customs: { reviewRate: p.reviewRate, inspectionRate: p.inspectionRate, capacityPerHour: p.capacityPerHour },
      bonded: { policy: 'fixed', initialStock: 30, reorderPoint: 8, reorderQuantity: 30 },
    }),
  }));
