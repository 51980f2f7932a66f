/**
 * Whatever `validate` accepts, `run` runs: for scenario JSON with hostile values put anywhere
 * (huge, tiny, negative, non-finite as JSON gives them from `1e400`, numbers as text, wrong types,
 * impossible dates), either `parseScenario` refuses it with a ScenarioError naming a field, or a
 * run of it with a small order cap completes, reconciled, in bounded memory (and time: the test's
 * timeout).
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { ScenarioError } from '../../src/domain/errors.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import type { Scenario } from '../../src/sim/scenario/schema.js';
import { createSimulation } from '../../src/sim/simulation.js';
import { baseScenario } from './helpers.js';

/** Every leaf of a scenario a file may set, as a path. */
const PATHS: readonly (readonly (string | number)[])[] = [
  ['seed'], ['start'], ['horizonDays'], ['drainDays'], ['maxOrders'], ['shards'], ['customsCode'], ['name'],
  ['arrivals', 0, 'ordersPerDay'], ['arrivals', 1, 'ordersPerDay'], ['arrivals', 0, 'hourProfile', 20], ['arrivals', 0, 'weekdayProfile', 3],
  ['peaks', 0, 'date'], ['peaks', 0, 'multiplier'], ['calendar', 'holidays', 0], ['calendar', 'workdays', 0],
  ['catalogue', 0, 'minPrice'], ['catalogue', 0, 'maxPrice'], ['catalogue', 1, 'weight'], ['catalogue', 1, 'itemNo'],
  ['buyers', 'population'], ['buyers', 'maxLinesPerOrder'], ['buyers', 'cancelRate'], ['buyers', 'returnRate'], ['buyers', 'priorQuotaShareMax'],
  ['customs', 'reviewRate'], ['customs', 'inspectionRate'], ['customs', 'capacityPerHour'], ['customs', 'openHour'], ['customs', 'closeHour'], ['customs', 'documentWaitMinutes'],
  ['customs', 'acceptance', 'medianMinutes'], ['customs', 'review', 'sigma'], ['customs', 'inspection', 'fixedMinutes'],
  ['carrier', 'filing', 'fixedMinutes'], ['carrier', 'domesticDelivery', 'medianMinutes'], ['carrier', 'toExitSite', 'sigma'], ['carrier', 'sendFailureRate'], ['carrier', 'arrivalMissingRate'],
  ['bonded', 'initialStock'], ['bonded', 'reorderPoint'], ['bonded', 'reorderQuantity'], ['bonded', 'replenishment', 'medianMinutes'],
  ['faults', 'lostReceiptRate'], ['faults', 'duplicateReceiptRate'], ['faults', 'resendAfterMinutes'], ['faults', 'outages', 0, 'start'], ['faults', 'outages', 0, 'end'],
];

/** Values a careless user or an attacker would write. */
const HOSTILE = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 2, 0.5, 0.001, 0.9, 23, 24, 64, 65, 366, 731, 732, 525_600, 10_000_000, 86_400_000, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53), 1e-300, 1e-9, 1e9, 1e12, 1e308, -1e308),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN), // what JSON.parse gives for 1e400, -1e400; NaN from a library caller
  fc.constantFrom('NaN', 'Infinity', '1e400', '7', '-1', '', '0.1', '2021-02-30', '2021-13-45', '2019-11-05', '2019-11-05T10:00:00+08:00', '+275760-09-13T00:00:00Z', '9610-import', '\u001b[31m', 'x'.repeat(300)),
  fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.string({ maxLength: 12 }),
);

/** The base scenario with optional parts present (so their leaves can be set), and `changes` applied. */
function hostileScenario(changes: readonly [readonly (string | number)[], unknown][]): unknown {
  const input: Record<string, unknown> = {
    ...baseScenario(),
    peaks: [{ date: '2019-11-04', multiplier: 2 }],
    calendar: { holidays: ['2019-11-06'], workdays: ['2019-11-09'] },
    faults: { outages: [{ start: '2019-11-04T10:00:00+08:00', end: '2019-11-04T11:00:00+08:00' }] },
  };
  (input['arrivals'] as Record<string, unknown>[])[0]!['hourProfile'] = Array<number>(24).fill(1);
  (input['arrivals'] as Record<string, unknown>[])[0]!['weekdayProfile'] = Array<number>(7).fill(1);
  for (const [path, value] of changes) {
    let at = input as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
      at = at[key] as Record<string | number, unknown>;
    }
    at[path.at(-1)!] = value;
  }
  return input;
}

/** Values inside many fields' ranges, often at their edges, so that a good share of the scenarios is accepted and run. */
const PLAUSIBLE = fc.constantFrom(0, 0.001, 0.5, 0.9, 1, 2, 5, 8, 22, 23, 30, 100, 366, 731, 5_000, 525_600);

const changes = fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.oneof({ arbitrary: PLAUSIBLE, weight: 2 }, { arbitrary: HOSTILE, weight: 3 })), { minLength: 1, maxLength: 3 });

/** How many generated scenarios were refused and how many ran: the property must exercise both. */
const seen = { refused: 0, ran: 0 };

afterAll(() => {
  expect(seen.refused).toBeGreaterThan(10);
  expect(seen.ran).toBeGreaterThan(10);
});

describe('validate and run agree on any scenario', () => {
  test.prop([changes], { numRuns: 300 })(
    'a scenario is refused naming a field, or it runs to a reconciled report in bounded memory',
    async (edits) => {
      let scenario: Scenario;
      try {
        scenario = parseScenario(hostileScenario(edits));
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        const issues = (e as ScenarioError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.path.length, issue.reason).toBeGreaterThan(0);
        seen.refused++;
        return;
      }
      const heap = process.memoryUsage().heapUsed;
      const report = await createSimulation(scenario, { orders: 15 }).run();
      expect(report.reconciliation.ok, JSON.stringify(report.reconciliation.checks.filter((c) => !c.ok))).toBe(true);
      expect(report.totals.orders).toBeLessThanOrEqual(15);
      expect((process.memoryUsage().heapUsed - heap) / 2 ** 20).toBeLessThan(256);
      seen.ran++;
    },
    300_000,
  );
});
