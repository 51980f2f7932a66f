import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadScenario, parseScenario } from '../../../src/sim/scenario/load.js';
import { ScenarioError } from '../../../src/domain/errors.js';

const dir = new URL('../../../examples/scenarios/', import.meta.url);

function issuesOf(input: unknown) {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues.map((i) => i.path.join('.'));
  }
  throw new Error('expected the scenario to be refused');
}

const minimal = {
  start: '2019-11-04T00:00:00+08:00',
  arrivals: [{ channel: '9610-import', ordersPerDay: 10 }],
  catalogue: [{ itemNo: 'A', itemName: 'A', hsCode: '3304990099', unit: '011', originCountry: 'JP', minPrice: '10.00', maxPrice: '20.00' }],
};

describe('scenario', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('loads the example %s', (file) => {
    const scenario = loadScenario(new URL(file, dir).pathname);
    expect(scenario.arrivals.length).toBeGreaterThan(0);
  });

  it('fills every default', () => {
    const s = parseScenario(minimal);
    expect(s.seed).toBe(1);
    expect(s.customs.inspectionRate).toBe(0.02);
    expect(s.customs.acceptance).toEqual({ medianMinutes: 2, sigma: 0.5 });
    expect(s.faults.outages).toEqual([]);
    expect(s.catalogue[0]!.originCountry).toBe('116');
  });

  it('lists every issue with its JSON path', () => {
    const bad = {
      ...minimal,
      start: 'next tuesday',
      arrivals: [{ channel: '9999-import', ordersPerDay: -1 }],
      catalogue: [{ ...minimal.catalogue[0], hsCode: '3304', minPrice: 10 }],
      customs: { inspectionRate: 2 },
      extra: true,
    };
    expect(issuesOf(bad).sort()).toEqual(
      ['', 'arrivals.0.channel', 'arrivals.0.ordersPerDay', 'catalogue.0.hsCode', 'catalogue.0.minPrice', 'customs.inspectionRate', 'start'].sort(),
    );
  });

  it('checks outages and opening hours', () => {
    const bad = { ...minimal, faults: { outages: [{ start: '2019-11-05T10:00:00+08:00', end: '2019-11-05T09:00:00+08:00' }] }, customs: { openHour: 10, closeHour: 9 } };
    expect(issuesOf(bad)).toEqual(['faults.outages.0.end', 'customs.closeHour']);
  });

  it('refuses an arrival stream whose channel the catalogue sells nothing in', () => {
    const bad = { ...minimal, arrivals: [...minimal.arrivals, { channel: '9710', ordersPerDay: 5 }], catalogue: [{ ...minimal.catalogue[0], channels: ['9610-import'] }] };
    expect(issuesOf(bad)).toEqual(['arrivals.1.channel']);
    expect(() => parseScenario(bad)).toThrow(/arrivals\[1\]\.channel: has no goods in the catalogue to sell: list 9710 in the channels of at least one product/);
  });

  it('refuses an unreadable or non-JSON file', () => {
    expect(() => loadScenario('/nonexistent.json')).toThrow(/cannot be read/);
    expect(() => loadScenario(new URL('../../../README.md', import.meta.url).pathname)).toThrow(/not valid JSON/);
  });
});
