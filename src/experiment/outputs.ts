/**
 * Outputs: report figures by path into the JSON report (`channels[9610-import].clearance.p90`),
 * checked up front against a real report of the base scenario, and read from every replication's.
 */
import type { ValidationIssue } from '../domain/errors.js';
import { parsePath, resolvePath, type PathStep } from './paths.js';

/** A report figure to estimate. */
export interface Output {
  /** The path as written. */
  readonly path: string;
  readonly steps: readonly PathStep[];
  /** What the reports call it; the path when absent. */
  readonly title?: string;
  /** The value of the figure in a report that does not list it (a count of something that did not occur). */
  readonly absentAs?: number;
}

/** An output as written in an experiment file. */
export type OutputInput = string | { readonly path: string; readonly title?: string | undefined; readonly absentAs?: number | undefined };

/** The outputs of an experiment file, each path read; problems go to `issues`. */
export function readOutputs(written: readonly OutputInput[], issues: ValidationIssue[]): Output[] {
  const seen = new Set<string>();
  return written.flatMap((output, i) => {
    const path = typeof output === 'string' ? output : output.path;
    const parsed = parsePath(path);
    if ('problem' in parsed) {
      issues.push({ path: ['outputs', i], value: path, reason: `is not a path into the report: it ${parsed.problem}` });
      return [];
    }
    if (seen.has(path)) {
      issues.push({ path: ['outputs', i], value: path, reason: 'is listed twice.' });
      return [];
    }
    seen.add(path);
    if (typeof output === 'string') return [{ path, steps: parsed.steps }];
    return [{ path, steps: parsed.steps, ...(output.title === undefined ? {} : { title: output.title }), ...(output.absentAs === undefined ? {} : { absentAs: output.absentAs }) }];
  });
}

/** Report amounts are decimal text (`'1234.50'`); counts, rates and minutes are numbers. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** The figure `output` names in a JSON report, as a number: `absentAs` (or `null`) when the report lacks it, `null` when it is not a number. */
export function figure(report: unknown, output: Output): number | null {
  const found = resolvePath(report, output.steps);
  if (!found.found) return output.absentAs ?? null;
  const value = found.value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && DECIMAL_TEXT.test(value)) return Number(value);
  return null;
}

/** Why `value` is not a figure (a number, an amount as decimal text, or null for an empty one), or `undefined`. */
function notAFigure(value: unknown): string | undefined {
  if (value === null || (typeof value === 'number' && Number.isFinite(value))) return undefined;
  if (typeof value === 'string') return DECIMAL_TEXT.test(value) ? undefined : `is text ('${value}'), not a number.`;
  if (Array.isArray(value)) return 'is a list; pick an element with [key], then a figure of it.';
  if (typeof value === 'object') return `is a group of figures, not one; add one of its fields: ${Object.keys(value).sort().join(', ')}.`;
  return `is a ${typeof value}, not a number.`;
}

/** True when the figure's place exists though the figure does not: its parent is a group of figures. */
function mayBeAbsent(report: unknown, output: Output): boolean {
  const parent = resolvePath(report, output.steps.slice(0, -1));
  return output.absentAs !== undefined && parent.found && typeof parent.value === 'object' && parent.value !== null && !Array.isArray(parent.value);
}

/**
 * The issues of `outputs` (at their positions in the file) against `report` (a JSON report of the
 * base scenario): a path that does not exist (unless it may be absent, with `absentAs`, from a
 * group that exists), or that names something other than one number.
 */
export function outputIssues(outputs: readonly Output[], report: unknown): ValidationIssue[] {
  return outputs.flatMap((output, i) => {
    const at = ['outputs', i];
    const found = resolvePath(report, output.steps);
    if (!found.found && mayBeAbsent(report, output)) return [];
    if (!found.found) return [{ path: at, value: output.path, reason: `is not a figure of the report: ${found.problem}` }];
    const problem = notAFigure(found.value);
    return problem === undefined ? [] : [{ path: at, value: output.path, reason: problem }];
  });
}
