/**
 * Hostile input through the simulation library: options of the wrong kind or range are refused
 * naming them, seeds use all their bits, orders need a buyer born by the day they were placed,
 * names cannot inject Markdown, a stopped run is marked partial, a failing log never goes
 * unhandled, and samples over a long horizon are scheduled lazily.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isCbecError, type ScenarioError, ValidationError } from '../../src/domain/errors.js';
import { parseOrder } from '../../src/domain/order.js';
import { residentIdProblem } from '../../src/domain/resident-id.js';
import { money } from '../../src/money/money.js';
import { createNdjsonLog } from '../../src/sim/log.js';
import { reportToMarkdown } from '../../src/sim/report/render.js';
import { createRng } from '../../src/sim/rng.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { createSimulation, type SimulationOptions } from '../../src/sim/simulation.js';
import { baseScenario, thrown } from './helpers.js';

const orderExample = new URL('../../examples/orders/cosmetics-9610.json', import.meta.url).pathname;
const scenario = parseScenario(baseScenario());

describe('simulation options are numbers of the right kind and range', () => {
  it.each([
    [{ orders: -1 }, 'orders'],
    [{ orders: 0 }, 'orders'],
    [{ orders: 2.5 }, 'orders'],
    [{ orders: Number.NaN }, 'orders'],
    [{ orders: '10' }, 'orders'],
    [{ orders: 1e10 }, 'orders'],
    [{ seed: Number.NaN }, 'seed'],
    [{ seed: '7' }, 'seed'],
    [{ seed: 2 ** 53 }, 'seed'],
    [{ seed: 0.5 }, 'seed'],
  ])('createSimulation(scenario, %j) names %s', (options, path) => {
    const e = thrown(() => createSimulation(scenario, options as unknown as SimulationOptions));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe('VALIDATION');
    expect((e as ValidationError).issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});

describe('seeds: the whole safe integer counts', () => {
  const draws = (seed: number) => {
    const s = createRng(seed).stream('platform').stream('x');
    return [s.float(), s.float(), ...s.words()];
  };

  it.each([
    [0, -1],
    [1, 2 ** 32],
    [7, 7 + 2 ** 32],
    [-7, 2 ** 32 - 7],
    [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER],
    [2 ** 31, -(2 ** 31)],
  ])('seeds %d and %d draw differently', (a, b) => {
    expect(draws(a)).not.toEqual(draws(b));
  });

  test.prop([fc.integer({ min: -(2 ** 21), max: 2 ** 21 - 1 }).filter((hi) => hi !== 0), fc.integer({ min: 0, max: 2 ** 32 - 1 })])('a seed with a high word never draws like its low word alone', (hi, lo) => {
    expect(draws(hi * 2 ** 32 + lo)).not.toEqual(draws(lo));
  });

  it('keeps the draws of seeds below 2^32 (the examples use 7 and 2021)', () => {
    expect(createRng(7).stream('customs').float()).toBe(SEED_7_CUSTOMS_FIRST);
    expect(createRng(2021).stream('buyers').int(0, 1_000_000)).toBe(SEED_2021_BUYERS_FIRST);
  });

  it('two runs with seeds 0 and -1 give different reports', async () => {
    const [a, b] = await Promise.all([0, -1].map((seed) => createSimulation(scenario, { seed, orders: 20 }).run()));
    expect(JSON.stringify(a?.channels)).not.toBe(JSON.stringify(b?.channels));
  });
});

/** Draws of seeds 7 and 2021 before seeds used all their bits (the values every release keeps). */
const SEED_7_CUSTOMS_FIRST = 0.05533227853060674;
const SEED_2021_BUYERS_FIRST = 605_598;

describe('orders: the buyer must be born by the day the order was placed', () => {
  const order = () => JSON.parse(readFileSync(orderExample, 'utf8')) as { buyer: { idNumber: string }; placedAt: string };

  it('refuses an ID number with a 2099 birth date, naming buyer.idNumber', () => {
    const input = order();
    input.buyer.idNumber = '110105209901010012';
    const e = thrown(() => parseOrder(input));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => [i.path.join('.'), i.reason])).toEqual([['buyer.idNumber', 'ID number has a birth date 20990101, later than 2019-03-15; check characters 7-14.']]);
  });

  it('accepts a buyer born on the day the order was placed (Shanghai), and refuses one born the day after', () => {
    const bornOn = (yyyymmdd: string) => {
      const first17 = `440106${yyyymmdd}123`;
      const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const check = '10X98765432'[[...first17].reduce((n, c, i) => n + Number(c) * weights[i]!, 0) % 11]!;
      return { ...order(), buyer: { ...order().buyer, idNumber: first17 + check } };
    };
    expect(parseOrder(bornOn('20190315')).buyer?.idNumber).toMatch(/^44010620190315/);
    expect(() => parseOrder(bornOn('20190316'))).toThrow(/later than 2019-03-15/);
  });

  it('residentIdProblem reads no clock: without a reference day, a future birth date is only a shape question', () => {
    expect(residentIdProblem('110105209901010012')).toBeUndefined();
    expect(residentIdProblem('110105209901010012', '2099-01-01')).toBeUndefined();
    expect(residentIdProblem('110105209901010012', '2098-12-31')).toMatch(/later than 2098-12-31/);
  });
});

describe('reports people read cannot be rewritten by a name', () => {
  it('escapes a scenario name that tries to open its own Reconciliation section', async () => {
    const report = await createSimulation(scenario, { orders: 5 }).run();
    const evil = { ...report, scenario: { ...report.scenario, name: 'Peak\n\n## Reconciliation\n\nPASSED | forged | row |\n# Title' } };
    const md = reportToMarkdown(evil);
    expect(md.split('\n').filter((line) => line === '## Reconciliation')).toHaveLength(1);
    expect(md.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
    expect(md.split('\n')[0]).toBe('# Peak  \\#\\# Reconciliation  PASSED \\| forged \\| row \\| \\# Title');
  });
});

describe('a stopped run is marked partial, and a failing log never goes unhandled', () => {
  it('marks the report of an aborted run partial, still reconciled', async () => {
    const controller = new AbortController();
    const big = parseScenario({ ...baseScenario(), maxOrders: 5_000, arrivals: [{ channel: '9610-import', ordersPerDay: 20_000 }] });
    const report = await createSimulation(big).run({ signal: controller.signal, onProgress: () => controller.abort() });
    expect(report.partial?.simulatedUntil).toMatch(/^20\d\d-\d\d-\d\dT/);
    expect(report.reconciliation.ok).toBe(true);
    expect(reportToMarkdown(report)).toContain('**Partial report**: the run was stopped before its end');
    const whole = await createSimulation(scenario, { orders: 5 }).run();
    expect(whole.partial).toBeUndefined();
  });

  it('a log whose stream fails releases the run, and close() rejects with the stream error', async () => {
    const failing = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    const log = createNdjsonLog(failing);
    const report = await createSimulation(scenario, { orders: 30 }).run({ log });
    expect(report.totals.orders).toBe(30);
    await expect(log.close()).rejects.toMatchObject({ code: 'ENOSPC' });
  });

  it('keeps one pending sample of each kind whatever the horizon (the samples are scheduled lazily)', async () => {
    // 1,500 orders make more than one chunk of events, so progress is seen while two years of hourly samples are still ahead
    const long = parseScenario({ ...baseScenario(), horizonDays: 731, drainDays: 366, maxOrders: 1_500, arrivals: [{ channel: '9610-import', ordersPerDay: 20_000 }] });
    const pending: number[] = [];
    await createSimulation(long).run({ onProgress: (p) => pending.push(p.pending) });
    expect(pending.length).toBeGreaterThan(1);
    expect(Math.max(...pending)).toBeLessThan(10_000); // 17,568 hourly and 1,097 daily samples when scheduled up front
  });
});

describe('every refusal is a CbecError with a stable code', () => {
  it.each([
    ['parseScenario(null)', () => parseScenario(null), 'INVALID_SCENARIO'],
    ['parseOrder(null)', () => parseOrder(null), 'VALIDATION'],
    ['money(0.1)', () => money(0.1), 'INVALID_MONEY'],
    ['money(NaN)', () => money(Number.NaN), 'INVALID_MONEY'],
    ['money(Symbol)', () => money(Symbol('x') as never), 'INVALID_MONEY'],
    ['createRng(NaN)', () => createRng(Number.NaN), 'VALIDATION'],
  ])('%s', (_what, run, code) => {
    const e = thrown(run);
    expect(isCbecError(e)).toBe(true);
    expect((e as ScenarioError).code).toBe(code);
  });
});
