/** A scenario's `rules` fixes the retail-import rule set for the whole run, whatever the date. */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/domain/errors.js';
import { parseScenario } from '../../../src/sim/scenario/load.js';
import { createSimulation } from '../../../src/sim/simulation.js';

/** A 2019 week of 9610 imports priced 700 to 1,500 CNY, 1 to 3 units an order: up to 4,500, above the 2016 single limit (2,000) often, below 2019's (5,000) always. */
const week2019 = (rules?: string) => ({
  start: '2019-11-04T00:00:00+08:00',
  horizonDays: 2,
  drainDays: 3,
  ...(rules === undefined ? {} : { rules }),
  arrivals: [{ channel: '9610-import', ordersPerDay: 150 }],
  buyers: { population: 5_000, maxLinesPerOrder: 1, priorQuotaShareMax: 0 },
  catalogue: [{ itemNo: 'BAG-1', itemName: 'Handbag', hsCode: '4202210090', unit: '011', originCountry: 'IT', minPrice: '700.00', maxPrice: '1500.00', channels: ['9610-import'] }],
});

const refusedByCustoms = async (rules?: string) => {
  const report = await createSimulation(parseScenario(week2019(rules)), { seed: 3 }).run();
  const channel = report.channels.find((c) => c.channel === '9610-import')!;
  return { rules: report.scenario.rules, refused: channel.rejections['over-single-limit'] ?? 0, lists: channel.listsDeclared };
};

describe('scenario rules: the rule set of the whole run', () => {
  it('RULES_2016 on a 2019 week sends orders above the 2016 single limit (2,000 CNY) to general trade, refused as retail', async () => {
    const calendar = await refusedByCustoms();
    const old = await refusedByCustoms('RULES_2016');
    expect(calendar).toMatchObject({ rules: 'RULES_2019', refused: 0 });
    expect(old.rules).toBe('RULES_2016');
    expect(old.lists).toBe(calendar.lists);
    expect(old.refused).toBeGreaterThan(old.lists / 5);
  });

  it('RULES_2019 named on a 2019 week gives the report the calendar gives', async () => {
    const calendar = await createSimulation(parseScenario(week2019()), { seed: 5 }).run();
    const named = await createSimulation(parseScenario(week2019('RULES_2019')), { seed: 5 }).run();
    expect(named).toEqual(calendar);
  });

  it('refuses an unknown rule set id, naming the field and the ids it knows', () => {
    expect(() => parseScenario(week2019('RULES_2030'))).toThrow(ScenarioError);
    expect(() => parseScenario(week2019('RULES_2030'))).toThrow(/rules: must be the id of a built-in rule set: RULES_POSTAL, RULES_2016, RULES_2019/);
  });
});
