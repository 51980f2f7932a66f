/**
 * Every number of a scenario has a documented range: values outside it are refused by
 * `parseScenario` with a ScenarioError naming the field, and values at the edges of the ranges
 * run, quickly and in little memory (work that grows with the horizon is lazy).
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/domain/errors.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { createSimulation } from '../../src/sim/simulation.js';
import { baseScenario } from './helpers.js';

type Json = Record<string, unknown>;

/** The base scenario with `value` set at `path` (objects on the way created). */
function withValue(path: readonly (string | number)[], value: unknown): Json {
  const root = structuredClone(baseScenario());
  let at: Record<string | number, unknown> = root;
  path.slice(0, -1).forEach((key, i) => {
    at[key] ??= typeof path[i + 1] === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  });
  at[path.at(-1)!] = value;
  return root;
}

/** The issues parseScenario refuses `input` with (its paths, dotted), or fails the test. */
function refusedPaths(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).code).toBe('INVALID_SCENARIO');
    return (e as ScenarioError).issues.map((i) => i.path.join('.'));
  }
  throw new Error('expected a ScenarioError');
}

const REFUSED: [string, (string | number)[], unknown][] = [
  ['horizonDays of 1e308', ['horizonDays'], 1e308],
  ['horizonDays of 36,500', ['horizonDays'], 36_500],
  ['horizonDays of 732', ['horizonDays'], 732],
  ['horizonDays of 0', ['horizonDays'], 0],
  ['horizonDays as text', ['horizonDays'], '7'],
  ['horizonDays of Infinity (JSON 1e400)', ['horizonDays'], Number.POSITIVE_INFINITY],
  ['horizonDays of NaN', ['horizonDays'], Number.NaN],
  ['drainDays of 1e9', ['drainDays'], 1e9],
  ['drainDays of -1', ['drainDays'], -1],
  ['ordersPerDay of 1e308', ['arrivals', 0, 'ordersPerDay'], 1e308],
  ['ordersPerDay of 10,000,001', ['arrivals', 0, 'ordersPerDay'], 10_000_001],
  ['ordersPerDay of 1e-300', ['arrivals', 0, 'ordersPerDay'], 1e-300],
  ['ordersPerDay of -1', ['arrivals', 0, 'ordersPerDay'], -1],
  ['an hour weight of 1e308', ['arrivals', 0, 'hourProfile'], [1e308, ...Array<number>(23).fill(1)]],
  ['a negative weekday weight', ['arrivals', 0, 'weekdayProfile'], [1, 1, 1, -1, 1, 1, 1]],
  ['a peak multiplier of 1e308', ['peaks', 0], { date: '2019-11-04', multiplier: 1e308 }],
  ['a peak on 2021-02-30', ['peaks', 0], { date: '2021-02-30', multiplier: 2 }],
  ['a holiday on 2021-13-45', ['calendar', 'holidays'], ['2021-13-45']],
  ['a holiday on 2021-02-30', ['calendar', 'holidays'], ['2021-02-30']],
  ['a workday on 2021-04-31', ['calendar', 'workdays'], ['2021-04-31']],
  ['sigma of 1e308', ['customs', 'review'], { medianMinutes: 90, sigma: 1e308 }],
  ['sigma of 4.5', ['customs', 'review'], { medianMinutes: 90, sigma: 4.5 }],
  ['medianMinutes of 1e308', ['customs', 'acceptance'], { medianMinutes: 1e308 }],
  ['fixedMinutes of 1e308', ['carrier', 'filing'], { fixedMinutes: 1e308 }],
  ['fixedMinutes of a year and a minute', ['carrier', 'toDeparture'], { fixedMinutes: 525_601 }],
  ['fixedMinutes of -1', ['bonded', 'replenishment'], { fixedMinutes: -1 }],
  ['capacityPerHour of 1e-300', ['customs', 'capacityPerHour'], 1e-300],
  ['capacityPerHour of 0', ['customs', 'capacityPerHour'], 0],
  ['capacityPerHour of 1e308', ['customs', 'capacityPerHour'], 1e308],
  ['documentWaitMinutes of 1e308', ['customs', 'documentWaitMinutes'], 1e308],
  ['documentWaitMinutes of half a minute', ['customs', 'documentWaitMinutes'], 0.5],
  ['resendAfterMinutes of 1e-9', ['faults', 'resendAfterMinutes'], 1e-9],
  ['lostReceiptRate of 1 (resent forever)', ['faults', 'lostReceiptRate'], 1],
  ['sendFailureRate of 0.95 (resent forever)', ['carrier', 'sendFailureRate'], 0.95],
  ['a probability of 1.5', ['buyers', 'cancelRate'], 1.5],
  ['population of 1.5', ['buyers', 'population'], 1.5],
  ['population of 1e10', ['buyers', 'population'], 1e10],
  ['initialStock of 1e12', ['bonded', 'initialStock'], 1e12],
  ['maxOrders of 2.5', ['maxOrders'], 2.5],
  ['maxOrders of 0', ['maxOrders'], 0],
  ['seed of 1.5', ['seed'], 1.5],
  ['seed of 2^53', ['seed'], 2 ** 53],
  ['seed as text', ['seed'], '7'],
  ['a start of 2021-02-30', ['start'], '2021-02-30T10:00:00+08:00'],
  ['a start of 2021-13-45', ['start'], '2021-13-45T00:00:00Z'],
  ['a start at 24:00', ['start'], '2019-03-15T24:00:00+08:00'],
  ['a start without a zone', ['start'], '2019-03-15T10:00:00'],
  ['a start in another layout', ['start'], 'Mar 15 2019 10:00:00 +0800'],
  ['a start at the edge of the JS date range', ['start'], '+275760-09-13T00:00:00Z'],
  ['a start of 8.64e15 ms', ['start'], 8.64e15],
  ['a start of -8.64e15 ms', ['start'], -8.64e15],
  ['a start of 1e308 ms', ['start'], 1e308],
  ['a start of 1.5 ms', ['start'], 1.5],
  ['a start before the first rule set (2010-09-01)', ['start'], '2010-08-31T23:59:59+08:00'],
  ['a start whose run ends after 2200', ['start'], '2199-12-25T00:00:00+08:00'],
  ['an outage ending at 1e308 ms', ['faults', 'outages', 0], { start: '2019-11-04T10:00:00+08:00', end: 1e308 }],
  ['a minPrice in exponent notation', ['catalogue', 0, 'minPrice'], '1e5'],
  ['a maxPrice above 10,000,000.00', ['catalogue', 0, 'maxPrice'], '10000000.01'],
  ['a price with fractions of a fen', ['catalogue', 0, 'maxPrice'], '300.001'],
  ['a price of 40 digits', ['catalogue', 0, 'maxPrice'], '1'.repeat(40)],
  ['a weight of 1e308', ['catalogue', 0, 'weight'], 1e308],
  ['an itemNo of 31 characters', ['catalogue', 0, 'itemNo'], 'X'.repeat(31)],
  ['an itemName with a line break', ['catalogue', 0, 'itemName'], 'Cream\n## Reconciliation'],
  ['a name with an ANSI escape', ['name'], 'Peak\u001b[31m'],
  ['a name of 201 characters', ['name'], 'n'.repeat(201)],
];

describe('scenario numbers out of their documented range are refused, naming the field', () => {
  it.each(REFUSED)('%s', (_what, path, value) => {
    const paths = refusedPaths(withValue(path, value));
    const named = path.join('.');
    expect(paths.some((p) => p === named || p.startsWith(`${named}.`) || named.startsWith(p)), `${paths.join(', ')} names ${named}`).toBe(true);
  });

  it('refuses a catalogue that repeats an itemNo, naming the second', () => {
    const input = baseScenario();
    const catalogue = input['catalogue'] as Json[];
    input['catalogue'] = [...catalogue, { ...catalogue[0], itemName: 'same number, other product' }];
    expect(refusedPaths(input)).toEqual(['catalogue.2.itemNo']);
  });

  it('refuses an arrival stream asking for more than one order a millisecond at its peak', () => {
    expect(refusedPaths({ ...baseScenario(), arrivals: [{ channel: '9610-import', ordersPerDay: 9_000_000 }], peaks: [{ date: '2019-11-04', multiplier: 30 }] })).toEqual(['arrivals.0.ordersPerDay']);
  });

  it('refuses a calendar with more than 180 days off in a row', () => {
    const days = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    expect(refusedPaths({ ...baseScenario(), calendar: { holidays: days } })).toEqual(['calendar.holidays']);
  });
});

/** Runs `input` with a small order cap; resolves to whether it reconciled and the heap it grew by. */
async function runSmall(input: unknown): Promise<{ heapMb: number; ok: boolean }> {
  const heap = process.memoryUsage().heapUsed;
  const report = await createSimulation(parseScenario(input), { orders: 10 }).run();
  return { heapMb: (process.memoryUsage().heapUsed - heap) / 2 ** 20, ok: report.reconciliation.ok };
}

describe('scenarios at the edges of the ranges run, in bounded time and memory', () => {
  it.each([
    ['the longest horizon and drain (731 + 366 days)', { horizonDays: 731, drainDays: 366 }],
    ['the slowest customs (0.01 lists an hour)', { customs: { capacityPerHour: 0.01 } }],
    ['the longest, widest durations (a year, sigma 4)', { customs: { review: { medianMinutes: 525_600, sigma: 4 }, reviewRate: 1, inspection: { fixedMinutes: 525_600 }, inspectionRate: 1 } }],
    ['the most faults (0.9 send failures, 0.9 lost receipts, every receipt duplicated)', { carrier: { sendFailureRate: 0.9 }, faults: { lostReceiptRate: 0.9, duplicateReceiptRate: 1, resendAfterMinutes: 1 } }],
    ['the rarest arrivals (0.001 a day)', { arrivals: [{ channel: '9610-import', ordersPerDay: 0.001 }] }],
    ['the earliest start', { start: '2010-09-01T00:00:00+08:00' }],
    ['the latest start', { start: '2196-12-01T00:00:00+08:00', horizonDays: 731, drainDays: 366 }],
    ['the largest population and stock', { buyers: { population: 1_000_000_000 }, bonded: { initialStock: 1_000_000_000, reorderPoint: 1_000_000_000, reorderQuantity: 1_000_000_000 } }],
    ['an empty bonded warehouse (initialStock 0)', { bonded: { initialStock: 0 } }],
    ['a stock of one unit split over three shards', { shards: 3, bonded: { initialStock: 1 } }],
    ['a document wait (1 minute) shorter than acceptance (2 minutes, the default)', { customs: { documentWaitMinutes: 1 } }],
    ['the most expensive goods', { catalogue: [{ itemNo: 'GOLD', itemName: 'Gold bar', hsCode: '1901101090', unit: '122', originCountry: 'NZ', minPrice: '9999999.99', maxPrice: '10000000.00' }] }],
  ])(
    '%s',
    async (_what, patch) => {
      const result = await runSmall({ ...baseScenario(), ...patch });
      expect(result.ok).toBe(true);
      expect(result.heapMb).toBeLessThan(256);
    },
    30_000,
  );
});
