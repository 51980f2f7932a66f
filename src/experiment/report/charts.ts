/**
 * The charts of the experiment report, as Vega-Lite specs: for each output, the mean at each point
 * with its interval as an error bar, by the level of the first factor (other factors as colours),
 * and each point's difference from the baseline with its interval against a zero line.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH } from '../../sim/report/html/chart.js';
import { levelText } from '../design.js';
import type { Estimate } from '../estimate.js';
import type { ExperimentResult, PointResult } from '../results.js';
import { confidenceText } from './format.js';

interface Row {
  readonly level: string;
  readonly series: string;
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

/** The x axis: the first factor's levels (or the one point), and the series: the other factors' levels. */
function place(result: ExperimentResult, p: PointResult): { level: string; series: string } {
  const [first, ...rest] = result.experiment.factors;
  return {
    level: first === undefined ? p.label : levelText(p.levels[first.path]!),
    series: rest.map((f) => (rest.length === 1 ? levelText(p.levels[f.path]!) : `${f.path}=${levelText(p.levels[f.path]!)}`)).join(', '),
  };
}

function rows(result: ExperimentResult, pick: (p: PointResult) => Estimate | undefined): Row[] {
  return result.points.flatMap((p) => {
    const e = pick(p);
    if (e === undefined || e.mean === null) return [];
    return [{ ...place(result, p), mean: e.mean, lower: e.lower ?? e.mean, upper: e.upper ?? e.mean }];
  });
}

function spec(result: ExperimentResult, values: readonly Row[], yTitle: string, zeroLine: boolean): TopLevelSpec {
  const [first] = result.experiment.factors;
  const levels = first === undefined ? result.points.map((p) => p.label) : first.levels.map(levelText);
  const multiple = result.experiment.factors.length > 1;
  const x = { field: 'level', type: 'ordinal', sort: levels, title: first?.path ?? 'point', axis: { labelAngle: 0 } } as const;
  const series = multiple ? { color: { field: 'series', type: 'nominal', title: result.experiment.factors.slice(1).map((f) => f.path).join(', ') }, xOffset: { field: 'series', type: 'nominal' } } : {};
  const y = { type: 'quantitative', title: yTitle, scale: { zero: false } } as const;
  return {
    width: CHART_WIDTH,
    height: 260,
    data: { values: [...values] },
    layer: [
      ...(zeroLine ? [{ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 4] }, encoding: { y: { field: 'zero', type: 'quantitative' } } } as const] : []),
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, ...series, y: { field: 'lower', ...y }, y2: { field: 'upper' } } },
      { mark: { type: 'tick', thickness: 2, size: 14 }, encoding: { x, ...series, y: { field: 'lower', ...y } } },
      { mark: { type: 'tick', thickness: 2, size: 14 }, encoding: { x, ...series, y: { field: 'upper', ...y } } },
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { x, ...series, y: { field: 'mean', ...y } } },
    ],
  } as TopLevelSpec;
}

/** The chart of `output`'s mean at each point, with its interval; `undefined` when no point has a value. */
export function estimatesChart(result: ExperimentResult, output: string): TopLevelSpec | undefined {
  const values = rows(result, (p) => p.estimates[output]);
  return values.length === 0 ? undefined : spec(result, values, `${output} (mean, ${confidenceText(result)} interval)`, false);
}

/** The chart of each point's difference from the baseline in `output`; `undefined` with no difference to draw. */
export function differencesChart(result: ExperimentResult, output: string): TopLevelSpec | undefined {
  const values = rows(result, (p) => p.differences?.[output]);
  return values.length === 0 ? undefined : spec(result, values, `${output}: point minus baseline`, true);
}
