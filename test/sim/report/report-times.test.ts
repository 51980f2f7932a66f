import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenario, reportToMarkdown, shanghaiDateTime } from '../../../src/index.js';

const example = loadScenario(new URL('../../../examples/scenarios/guangzhou-three-channels.json', import.meta.url).pathname);

describe('times a person reads are Shanghai time with the offset', () => {
  it('shanghaiDateTime: 2019-11-10T16:00Z is 2019-11-11T00:00:00+08:00; 1988-07-01 noon had summer time (+09:00)', () => {
    expect(shanghaiDateTime(Date.parse('2019-11-10T16:00:00Z'))).toBe('2019-11-11T00:00:00+08:00');
    expect(shanghaiDateTime(Date.parse('1988-07-01T03:00:00Z'))).toBe('1988-07-01T12:00:00+09:00');
  });

  it('in the report header: the start, horizon and end of the run', async () => {
    const report = await createSimulation(example, { orders: 100 }).run();
    expect(report.scenario.start).toBe('2019-11-04T00:00:00+08:00');
    expect(report.scenario.horizon).toBe('2019-11-07T00:00:00+08:00');
    expect(report.scenario.end).toMatch(/^2020-01-0\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(reportToMarkdown(report)).toContain('arrivals from 2019-11-04T00:00:00+08:00 to 2019-11-07T00:00:00+08:00');
  });
});
