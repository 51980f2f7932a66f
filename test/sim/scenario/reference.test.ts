import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../../src/cli/commands/validate.js';
import { ScenarioError } from '../../../src/domain/errors.js';
import { loadScenario, parseScenario } from '../../../src/sim/scenario/load.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/scenarios/guangzhou-three-channels.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'cbec-reference-'));
const perfume = { itemNo: 'PERFUME-50', itemName: 'Eau de parfum 50 ml', hsCode: '3303000000', unit: '142', originCountry: 'FR', minPrice: '300.00', maxPrice: '900.00', measure: { quantity: '50', unit: 'ml' }, channels: ['9610-import'] };
const issuesOf = (input: unknown, baseDir?: string) => {
  try {
    parseScenario(input, baseDir ? { baseDir } : {});
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues.map((i) => `${i.path.join('.')}: ${i.reason}`);
  }
};

describe('load-time truth: whatever validate accepts, run runs', () => {
  it('refuses a product no rate source covers, naming the product and every channel that sells it', async () => {
    const scenario = { ...example, catalogue: [...example.catalogue, { ...perfume, channels: ['9610-import', '1210-import', '1239-import'] }] };
    expect(issuesOf(scenario)).toEqual([
      "catalogue.10.hsCode: product 'PERFUME-50' (3303000000) is sold on 9610-import, 1210-import, 1239-import, but no rate source gives it an MFN duty on 2019-11-04: give the product `rates.duty`, or a `tariff` row that covers 3303.",
    ]);
    const file = join(dir, 'perfume.json');
    writeFileSync(file, JSON.stringify(scenario));
    let out = '';
    const code = await validateCommand.run([file], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(1);
    expect(out).toMatch(/catalogue\[10\]\.hsCode: product 'PERFUME-50' \(3303000000\) is sold on 9610-import, 1210-import, 1239-import/);
  });

  it('accepts the product once its own rates, a tariff row or a tariff file covers it, read relative to the scenario file', () => {
    expect(issuesOf({ ...example, catalogue: [...example.catalogue, { ...perfume, rates: { duty: '0.03' } }] })).toEqual([]);
    const inline = { ...example, catalogue: [...example.catalogue, perfume], tariff: [{ prefix: '3303', duty: '0.03', source: 'x' }] };
    expect(issuesOf(inline)).toEqual([]);
    writeFileSync(join(dir, 'tariff.csv'), 'prefix,duty,source\n3303,0.03,x\n');
    writeFileSync(join(dir, 'with-file.json'), JSON.stringify({ ...inline, tariff: 'tariff.csv' }));
    expect(loadScenario(join(dir, 'with-file.json')).tariff?.[0]).toMatchObject({ prefix: '3303', origin: 'tariff.csv line 2' });
  });

  it('needs the export rebate on export channels, and a postal category under the postal-articles regime', () => {
    const tea = { itemNo: 'TEA', itemName: 'Tea', hsCode: '0902109000', unit: '035', originCountry: 'CN', minPrice: '50.00', maxPrice: '90.00', channels: ['9710'] };
    expect(issuesOf({ ...example, catalogue: [...example.catalogue, tea] })).toEqual([expect.stringMatching(/product 'TEA' \(0902109000\) is sold on 9710, but no rate source gives it an export rebate rate/)]);
    const early = { ...example, start: '2013-10-14T00:00:00+08:00', arrivals: [{ channel: '9610-import', ordersPerDay: 10 }], catalogue: [{ ...perfume, rates: { duty: '0.03' } }] };
    expect(issuesOf(early)).toEqual([expect.stringMatching(/gives it a postal-articles category on 2013-10-14/)]);
  });

  it('refuses an HS code that is not a tariff line, and goods whose tax needs a measure they lack', () => {
    const fake = { ...perfume, hsCode: '3303999900', rates: { duty: '0.03' } };
    expect(issuesOf({ ...example, catalogue: [...example.catalogue, fake] })).toEqual([expect.stringMatching(/^catalogue\.10\.hsCode: product 'PERFUME-50' is not a tariff line: 33039999 is not in the 2019 nomenclature/)]);
    const baijiu = { itemNo: 'BAIJIU', itemName: 'Baijiu', hsCode: '2208902000', unit: '142', originCountry: 'CN', minPrice: '100.00', maxPrice: '300.00', rates: { duty: '0.05' }, channels: ['9610-import'] };
    expect(issuesOf({ ...example, catalogue: [...example.catalogue, baijiu] })).toEqual([expect.stringMatching(/^catalogue\.10\.measure: product 'BAIJIU' \(2208902000\): the goods carry a specific consumption tax/)]);
  });

  it('reads a positive list and checks that its lines are tariff lines', () => {
    expect(issuesOf({ ...example, positiveList: { version: '2019-01-01', lines: ['33049900', '99999999'] } })).toEqual([expect.stringMatching(/^positiveList\.lines\.1: is not a tariff line/)]);
    writeFileSync(join(dir, 'list.json'), JSON.stringify({ version: '2019-01-01', lines: ['33049900'] }));
    writeFileSync(join(dir, 'listed.json'), JSON.stringify({ ...example, positiveList: 'list.json' }));
    expect(loadScenario(join(dir, 'listed.json')).positiveList).toEqual({ version: '2019-01-01', lines: ['33049900'] });
  });
});
