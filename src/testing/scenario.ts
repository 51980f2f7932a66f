import fc from 'fast-check';
import { CHANNEL_IDS } from '../channels/registry.js';
import type { ScenarioInput } from '../sim/scenario/schema.js';
import { toEpoch } from '../sim/clock.js';
import { amount } from './amount.js';
import { goods } from './goods.js';

const FROM = toEpoch('2019-04-01T00:00:00+08:00');
const UNTIL = toEpoch('2024-06-30T00:00:00+08:00');

/** One catalogue entry: tariff-table goods sold at a price range within the single-transaction limit. */
function catalogueEntry(): fc.Arbitrary<NonNullable<ScenarioInput['catalogue']>[number]> {
  return fc.tuple(goods(), amount('1.00', '400.00'), amount('0.00', '400.00'), fc.integer({ min: 1, max: 10 })).map(([g, low, spread, weight]) => ({
    itemNo: g.itemNo,
    itemName: g.itemName,
    hsCode: g.hsCode,
    unit: g.unit,
    originCountry: g.originCountry,
    minPrice: low.toFixed(2),
    maxPrice: low.plus(spread).toFixed(2),
    weight,
  }));
}

const rate = (max: number) => fc.integer({ min: 0, max: Math.round(max * 1000) }).map((n) => n / 1000);

/** Options of {@link scenarioInput}. */
export interface ScenarioOptions {
  /** Most orders a run creates (default 40): a few dozen keep a run to tens of milliseconds. */
  readonly maxOrders?: number;
}

/**
 * Small, valid scenario files (as JSON objects) for fuzzing a whole run: one to three channels,
 * a catalogue of tariff-table goods, a day of arrivals starting between 2019-04 and 2024, a few
 * dozen orders at most, a small buyer population (so quotas are shared), and customs, buyer and
 * carrier rates high enough to exercise the unhappy paths. `parseScenario` accepts every one.
 *
 * @example
 * ```ts
 * await fc.assert(fc.asyncProperty(scenarioInput(), async (input) => {
 *   const report = await createSimulation(parseScenario(input)).run();
 *   expect(invariants.everyOrderAccountedFor(report)).toEqual([]);
 * }));
 * ```
 */
export function scenarioInput(options: ScenarioOptions = {}): fc.Arbitrary<ScenarioInput> {
  const most = options.maxOrders ?? 40;
  return fc.record({
    name: fc.constantFrom('fuzz', 'generated scenario', '生成的场景'),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    start: fc.integer({ min: FROM / 1000, max: UNTIL / 1000 }).map((s) => s * 1000),
    horizonDays: fc.constantFrom(1, 2),
    drainDays: fc.constant(60),
    maxOrders: fc.integer({ min: 1, max: most }),
    arrivals: fc.uniqueArray(fc.constantFrom(...CHANNEL_IDS), { minLength: 1, maxLength: 3 }).chain((channels) =>
      fc.tuple(...channels.map((channel) => fc.integer({ min: 10, max: 200 }).map((ordersPerDay) => ({ channel, ordersPerDay })))),
    ),
    catalogue: fc.array(catalogueEntry(), { minLength: 1, maxLength: 5 }),
    buyers: fc.record({
      population: fc.integer({ min: 1, max: 50 }),
      maxLinesPerOrder: fc.integer({ min: 1, max: 3 }),
      cancelRate: rate(0.2),
      returnRate: rate(0.2),
      payerMismatchRate: rate(0.1),
      priorQuotaShareMax: rate(1),
    }),
    customs: fc.record({ reviewRate: rate(0.3), inspectionRate: rate(0.3), detentionRate: rate(0.3), reexportRate: rate(0.2) }),
    carrier: fc.record({ arrivalMissingRate: rate(0.1), sendFailureRate: rate(0.1) }),
  });
}
