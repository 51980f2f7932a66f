/**
 * The tables of an experiment report, as rows of text: the factors, and for each output the
 * estimate at each point and the difference of each point from the baseline. The Markdown and the
 * HTML report lay out the same rows.
 */
import { levelText } from '../design.js';
import type { ExperimentResult, PointResult } from '../results.js';
import { confidenceText, figureText, halfWidthText, intervalText, verdict } from './format.js';

/** A table: its header and rows of cell text. */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The factors and their levels. */
export function factorsTable(result: ExperimentResult): TextTable {
  return { header: ['factor', 'levels'], rows: result.experiment.factors.map((f) => [f.path, f.levels.map(levelText).join(', ')]) };
}

/** The leading cells of a point's row: its position and the level of each factor. */
function pointCells(result: ExperimentResult, p: PointResult): string[] {
  return [String(p.index), ...result.experiment.factors.map((f) => levelText(p.levels[f.path]!))];
}

const pointHeader = (result: ExperimentResult) => ['point', ...result.experiment.factors.map((f) => f.path)];

/** Each point's estimate of `output`: replications, mean, interval, half-width. */
export function estimatesTable(result: ExperimentResult, output: string): TextTable {
  const sequential = !('count' in result.experiment.replications);
  return {
    header: [...pointHeader(result), 'n', 'mean', `${confidenceText(result)} interval`, 'half-width', ...(sequential ? ['target met'] : [])],
    rows: result.points.map((p) => {
      const e = p.estimates[output]!;
      return [...pointCells(result, p), String(e.n), figureText(e.mean), intervalText(e), halfWidthText(e), ...(sequential ? [p.targetMet ? 'yes' : 'no'] : [])];
    }),
  };
}

/** Each point's difference from the baseline in `output`: pairs, mean difference, interval, verdict. */
export function differencesTable(result: ExperimentResult, output: string): TextTable {
  return {
    header: [...pointHeader(result), 'n', 'mean difference', `${confidenceText(result)} interval`, 'against the baseline'],
    rows: result.points.flatMap((p) => {
      const d = p.differences?.[output];
      return d === undefined ? [] : [[...pointCells(result, p), String(d.n), figureText(d.mean), intervalText(d), verdict(d)]];
    }),
  };
}

/** Where each point's replication reports are, under the output folder. */
export function replicationsTable(result: ExperimentResult): TextTable {
  return {
    header: ['point', 'label', 'replications', 'reconciled', 'reports'],
    rows: result.points.map((p) => [String(p.index), p.label, String(p.replications), String(p.reconciled), `points/${p.index}/replications/<r>/report.json`]),
  };
}
