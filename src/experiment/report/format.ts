/**
 * How experiment reports write numbers and intervals, and the words shared by the Markdown and
 * HTML reports.
 */
import type { Difference, Estimate } from '../estimate.js';
import type { ExperimentResult, PointResult } from '../results.js';

/**
 * A figure in at most four significant digits (whole numbers from 1,000 up), `-` when missing.
 *
 * @example
 * ```ts
 * [figureText(191.58), figureText(0.347736), figureText(3910.5), figureText(null)]; // ['191.6', '0.3477', '3911', '-']
 * ```
 */
export function figureText(value: number | null): string {
  if (value === null) return '-';
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(4)));
}

/** `125 to 258.2`, or `-` without an interval. */
export function intervalText(e: Estimate): string {
  return e.lower === null || e.upper === null ? '-' : `${figureText(e.lower)} to ${figureText(e.upper)}`;
}

/** `±66.62 (34.8%)`: the half-width, and relative to the mean when it has one. */
export function halfWidthText(e: Estimate): string {
  if (e.halfWidth === null) return '-';
  return `±${figureText(e.halfWidth)}${e.relativeHalfWidth === null ? '' : ` (${(e.relativeHalfWidth * 100).toFixed(1)}%)`}`;
}

/** Whether a difference's interval excludes zero: `higher`, `lower`, `no clear difference`, or `the same in every replication`. */
export function verdict(d: Difference): string {
  if (d.lower === null || d.upper === null) return '-';
  if (d.lower === 0 && d.upper === 0) return 'the same in every replication';
  if (d.lower > 0) return 'higher';
  if (d.upper < 0) return 'lower';
  return 'no clear difference';
}

/** The confidence level as a percentage: `95%`. */
export function confidenceText(result: ExperimentResult): string {
  return `${Number((result.experiment.confidence * 100).toPrecision(4))}%`;
}

/** One sentence on what was run: points, replications, seeds and intervals. */
export function designSentence(result: ExperimentResult): string {
  const e = result.experiment;
  const counts = [...new Set(result.points.map((p) => p.replications))];
  const replications = counts.length === 1 ? `${counts[0]} replications each` : `${Math.min(...counts)} to ${Math.max(...counts)} replications each`;
  const rule = 'count' in e.replications ? '' : ` (added ${e.replications['step']} at a time from ${e.replications['initial']}, up to ${e.replications['max']}, until the interval's half-width is within ${Number(e.replications['relativeHalfWidth']) * 100}% of the mean)`;
  const seeds = e.commonRandomNumbers ? 'common random numbers: replication r of every point runs with the same seed' : 'independent seeds for every replication';
  const cap = e.orders === undefined ? '' : ` Orders capped at ${e.orders} per replication.`;
  return `Base scenario: ${e.scenario}. Root seed ${e.seed}. ${result.points.length} point${result.points.length === 1 ? '' : 's'}, ${replications}${rule}; ${seeds}. ${confidenceText(result)} confidence intervals (Student t).${cap}`;
}

/** How differences were taken, in words. */
export function differenceSentence(result: ExperimentResult): string {
  const baseline = result.points[result.experiment.baseline]!;
  const how = result.experiment.commonRandomNumbers ? 'paired by replication (same seeds)' : "Welch's interval (independent seeds)";
  return `Difference from the baseline, point ${baseline.index} (${baseline.label}): point minus baseline, ${how}.`;
}

/** A note on points whose replications did not all reconcile, or whose precision target was missed; empty when none. */
export function pointNotes(result: ExperimentResult): string[] {
  return result.points.flatMap((p: PointResult) => [
    ...(p.reconciled < p.replications ? [`Point ${p.index}: ${p.replications - p.reconciled} of ${p.replications} replication reports did not reconcile; open them under points/${p.index}/.`] : []),
    ...(p.targetMet === false ? [`Point ${p.index}: the precision target was not met within ${p.replications} replications.`] : []),
  ]);
}

/** An output's heading: its title with its path, or its path. */
export function outputHeading(output: ExperimentResult['experiment']['outputs'][number]): string {
  return output.title === undefined ? output.path : `${output.title} (${output.path})`;
}
