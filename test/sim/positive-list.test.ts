import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/sim/simulation.js';
import { reportToMarkdown } from '../../src/sim/report/render.js';
import { example } from './shard/fixtures.js';

/** The 2019 list here holds infant formula and supplements only: the cosmetics, wine, watches and bags of the example are off it. */
const list = { version: '2019-01-01', lines: ['19011010', '21069090'] };
const importChannels = ['9610-import', '1210-import', '1239-import'];

describe('the CBEC positive list', () => {
  it('is off without a list: nothing refused on that ground, and the report says so', async () => {
    const report = await createSimulation(example, { orders: 300 }).run();
    expect(report.scenario.positiveList).toBe('off: no list given, nothing refused on that ground');
    expect(reportToMarkdown(report)).toContain('Positive list: off: no list given, nothing refused on that ground.');
    for (const channel of report.channels) expect(Object.keys(channel.rejections)).not.toContain('not-on-positive-list');
  });

  it('refuses retail imports of goods off the list with its own reason, and only those (a library option)', async () => {
    const report = await createSimulation(example, { orders: 300, positiveList: list }).run();
    expect(report.scenario.positiveList).toBe('on: the list of 2019-01-01, 2 tariff lines; retail imports of other goods are refused');
    const refused = report.channels.filter((c) => importChannels.includes(c.channel)).reduce((n, c) => n + (c.rejections['not-on-positive-list'] ?? 0), 0);
    expect(refused).toBeGreaterThan(50);
    for (const channel of report.channels.filter((c) => !importChannels.includes(c.channel))) expect(channel.rejections['not-on-positive-list']).toBeUndefined();
    expect(report.reconciliation.ok).toBe(true);
  });

  it('takes the list from the scenario too, and checks nothing before its version day', async () => {
    const later = await createSimulation({ ...example, positiveList: { ...list, version: '2030-01-01' } }, { orders: 300 }).run();
    for (const channel of later.channels) expect(channel.rejections['not-on-positive-list']).toBeUndefined();
    expect(() => createSimulation(example, { positiveList: { version: '2019', lines: [] } })).toThrow(/version: must be the day the list came into force/);
  });
});
