/** The experiment reports, from synthetic unit facts: what each says, and that the HTML draws intervals. */
import { describe, expect, it } from 'vitest';
import { defineExperiment } from '../../src/experiment/definition.js';
import { experimentToHtml } from '../../src/experiment/report/html.js';
import { experimentToJson } from '../../src/experiment/report/json.js';
import { experimentToMarkdown } from '../../src/experiment/report/markdown.js';
import { experimentResult } from '../../src/experiment/results.js';
import { unitCount, unitPlan, type UnitFacts } from '../../src/experiment/units.js';
import { TINY_SCENARIO } from './fixtures.js';

const definition = defineExperiment({
  name: 'Capacity <and> rules',
  scenario: TINY_SCENARIO,
  factors: { 'customs.capacityPerHour': [5, 20], rules: ['RULES_2016', 'RULES_2019'] },
  baseline: { 'customs.capacityPerHour': 5, rules: 'RULES_2019' },
  replications: 4,
  outputs: [{ path: 'channels[9610-import].clearance.p90', title: 'Clearance p90, minutes' }, { path: 'channels[9610-import].rejections[customs-refused]', absentAs: 0 }],
});

/** p90 falls with capacity (200 at 5 an hour, 20 at 20), refusals fall under the 2019 rules (40 against 10); one replication does not reconcile. */
const units: UnitFacts[] = Array.from({ length: unitCount(definition) }, (_, index) => {
  const plan = unitPlan(definition, index);
  const [capacity, rules] = definition.points[plan.point]!.levels;
  return { ...plan, fingerprint: definition.fingerprint, values: [(capacity === 0 ? 200 : 20) + plan.replication, (rules === 0 ? 40 : 10) + (plan.replication % 2)], reconciled: index !== 5 };
});
const result = experimentResult(definition, units);

describe('experiment reports', () => {
  it('Markdown: what was run, the factors, each output by point with its interval, differences from the baseline with a verdict', () => {
    const md = experimentToMarkdown(result);
    expect(md).toMatch(/^# Capacity <and> rules\n\nBase scenario: tiny 9610 day\. Root seed 1\. 4 points, 4 replications each; common random numbers/);
    expect(md).toContain('| customs.capacityPerHour | 5, 20 |');
    expect(md).toContain('## Clearance p90, minutes (channels[9610-import].clearance.p90)');
    // [200, 201, 202, 203]: mean 201.5, sd 1.291, half-width t(0.975; 3) * 1.291 / 2 = 2.054
    expect(md).toContain('| 0 | 5 | RULES_2016 | 4 | 201.5 | 199.4 to 203.6 | ±2.054 (1.0%) |');
    expect(md).toContain('Difference from the baseline, point 1 (customs.capacityPerHour=5, rules=RULES_2019): point minus baseline, paired by replication (same seeds).');
    expect(md).toContain('| 3 | 20 | RULES_2019 | 4 | -180 | -180 to -180 | lower |');
    expect(md).toContain('| 0 | 5 | RULES_2016 | 4 | 30 | 30 to 30 | higher |');
    expect(md).toContain('| 2 | 20 | RULES_2016 | 4 | 30 | 30 to 30 | higher |');
    expect(md).toContain('| 3 | 20 | RULES_2019 | 4 | 0 | 0 to 0 | the same in every replication |');
    expect(md).toContain('Point 1: 1 of 4 replication reports did not reconcile; open them under points/1/.');
  });

  it('JSON: the result with sorted keys, the baseline without differences', () => {
    const json = JSON.parse(experimentToJson(result));
    expect(json.points[1].differences).toBeUndefined();
    expect(json.points[0].estimates['channels[9610-import].clearance.p90']).toMatchObject({ n: 4, mean: 201.5 });
    expect(json.experiment).toMatchObject({ baseline: 1, replications: { count: 4 }, fingerprint: definition.fingerprint });
    expect(Object.keys(json.points[0])).toEqual([...Object.keys(json.points[0])].sort());
  });

  it('HTML: one offline page with the tables and, for each output, error bars by level, escaped', async () => {
    const html = await experimentToHtml(result);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>Capacity &#60;and&#62; rules</h1>');
    expect(html).not.toMatch(/<script|(src|href)="/);
    expect(html.match(/<figure id="(output|difference)-\d"><h3>[^<]+<\/h3><svg/g)).toHaveLength(4);
    const chart = (id: string) => html.slice(html.indexOf(`<figure id="${id}"`), html.indexOf('</figure>', html.indexOf(`<figure id="${id}"`)));
    // an error bar (a rule from the lower to the upper end, with ticks) and a mean for each of the four points
    const bars = chart('output-0').match(/aria-label="[^"]*; upper: [^"]*"/g) ?? [];
    expect(bars).toHaveLength(4);
    expect(bars.find((b) => b.includes('customs.capacityPerHour: 5;') && b.includes('RULES_2016'))).toMatch(/: 199\.44\d*; upper: 203\.55\d*;/);
    expect(chart('output-0')).toMatch(/class="mark-rule role-mark[\s\S]*class="mark-rect role-mark[\s\S]*class="mark-symbol role-mark/);
    // differences: three points against the baseline, and the zero line
    expect(chart('difference-0').match(/aria-label="[^"]*; upper: [^"]*"/g)).toHaveLength(3);
  });
});
