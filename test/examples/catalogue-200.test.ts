import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tariffLineProblem } from '../../src/domain/hs/nomenclature.js';
import { productRates } from '../../src/rules/product-rates.js';
import { loadScenario } from '../../src/sim/scenario/load.js';
import { scenarioRates } from '../../src/sim/scenario/rates.js';
import { createSimulation } from '../../src/sim/simulation.js';

const scenario = loadScenario(fileURLToPath(new URL('../../examples/scenarios/catalogue-200.json', import.meta.url)));

describe('examples/scenarios/catalogue-200.json: a realistic catalogue with its own tariff', () => {
  it('has 200 real 10-digit HS codes from 40 chapters, origins from 30 countries and more than a dozen units', () => {
    const goods = scenario.catalogue;
    expect(goods).toHaveLength(200);
    for (const g of goods) expect(tariffLineProblem(g.hsCode, '2024-03-01'), g.itemNo).toBeUndefined();
    expect(new Set(goods.map((g) => g.hsCode)).size).toBe(200);
    expect(new Set(goods.map((g) => g.hsCode.slice(0, 2))).size).toBe(40);
    expect(new Set(goods.map((g) => g.originCountry)).size).toBe(30);
    expect(new Set(goods.map((g) => g.unit)).size).toBeGreaterThanOrEqual(12);
  });

  it("takes every product's duty from its tariff file, each row naming its source", () => {
    const { book } = scenarioRates(scenario);
    for (const g of scenario.catalogue) {
      const duty = productRates({ hsCode: g.hsCode }, '2024-03-01', book).duty;
      expect(duty?.from.kind, g.itemNo).toBe('tariff');
      expect(duty?.from.label).toMatch(/^catalogue-200\.csv line \d+, prefix \d{4} \(MFN duty of heading \d{4} in the 2023 Customs Tariff/);
    }
  });

  it('runs end to end at a reduced size: every order accounted for, taxes charged', async () => {
    const report = await createSimulation(scenario, { orders: 400 }).run();
    expect(report.reconciliation.ok).toBe(true);
    expect(report.totals.orders).toBe(400);
    expect(report.channels.every((c) => Number(c.taxes.total) > 0)).toBe(true);
  });
});
