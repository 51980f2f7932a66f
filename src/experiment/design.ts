/**
 * The design of an experiment: its points (one level of each factor), every combination of the
 * levels or a listed set, their labels, and the baseline point differences are taken against.
 */
import type { ValidationIssue } from '../domain/errors.js';
import type { PathStep } from './paths.js';
import { MAX_POINTS, type ExperimentFile } from './schema.js';
import { sortedJson } from './sorted-json.js';

/** A JSON value, as a level is. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A factor: a path into the scenario and its levels. */
export interface Factor {
  /** The path as written, e.g. `customs.capacityPerHour`. */
  readonly path: string;
  readonly steps: readonly PathStep[];
  readonly levels: readonly JsonValue[];
}

/** A level as the reports show it: text as it is, anything else as JSON. */
export function levelText(level: JsonValue): string {
  return typeof level === 'string' ? level : JSON.stringify(level);
}

/** A point's label: `customs.capacityPerHour=1000, rules=RULES_2016`; `base scenario` without factors. */
export function pointLabel(factors: readonly Factor[], levels: readonly number[]): string {
  if (factors.length === 0) return 'base scenario';
  return factors.map((f, i) => `${f.path}=${levelText(f.levels[levels[i]!]!)}`).join(', ');
}


/** Every combination of the factors' levels, the last factor varying fastest. */
function fullFactorial(factors: readonly Factor[]): number[][] {
  return factors.reduce<number[][]>((points, f) => points.flatMap((p) => f.levels.map((_, l) => [...p, l])), [[]]);
}

/** The listed points as level positions, with an issue for every point that is not a combination of declared levels. */
function listedPoints(factors: readonly Factor[], declared: readonly string[], listed: readonly Readonly<Record<string, JsonValue>>[], issues: ValidationIssue[]): number[][] {
  const seen = new Map<string, number>();
  return listed.map((point, i) => {
    const at = ['design', 'points', i];
    const before = issues.length;
    for (const key of Object.keys(point)) {
      if (!declared.includes(key)) issues.push({ path: [...at, key], value: point[key], reason: `is not a factor; the factors are ${declared.join(', ') || '(none)'}.` });
    }
    const levels = factors.map((f) => {
      if (!Object.hasOwn(point, f.path)) {
        issues.push({ path: at, value: point, reason: `gives no level for factor ${f.path}; every point names a level of every factor.` });
        return 0;
      }
      const wanted = sortedJson(point[f.path]);
      const l = f.levels.findIndex((level) => sortedJson(level) === wanted);
      if (l < 0) issues.push({ path: [...at, f.path], value: point[f.path], reason: `is not one of the levels of ${f.path}: ${f.levels.map(levelText).join(', ')}.` });
      return Math.max(l, 0);
    });
    const key = levels.join(',');
    const first = seen.get(key);
    if (issues.length > before) return levels;
    if (first !== undefined) issues.push({ path: at, value: point, reason: `repeats point ${first}; list each point once (replications repeat it).` });
    else seen.set(key, i);
    return levels;
  });
}

/** The design's points as level positions per factor (`declared`: every factor path the file names, refused ones too); problems go to `issues`. */
export function designPoints(factors: readonly Factor[], declared: readonly string[], design: ExperimentFile['design'], issues: ValidationIssue[]): number[][] {
  if (design === 'full-factorial') {
    const size = factors.reduce((n, f) => n * f.levels.length, 1);
    if (size > MAX_POINTS) {
      issues.push({ path: ['design'], value: design, reason: `would have ${size} points, more than ${MAX_POINTS}; list the points you need instead.` });
      return [];
    }
    return fullFactorial(factors);
  }
  return listedPoints(factors, declared, design.points, issues);
}

/** The position of the baseline point: by position, by its levels, or the first point. */
export function baselineIndex(factors: readonly Factor[], points: readonly (readonly number[])[], baseline: ExperimentFile['baseline'], issues: ValidationIssue[]): number {
  if (baseline === undefined) return 0;
  if (typeof baseline === 'number') {
    if (baseline < points.length) return baseline;
    issues.push({ path: ['baseline'], value: baseline, reason: `is past the last point; the design has ${points.length} (positions 0 to ${points.length - 1}).` });
    return 0;
  }
  const wanted = factors.map((f) => sortedJson(baseline[f.path]));
  const found = points.findIndex((p) => p.every((l, i) => sortedJson(factors[i]!.levels[l]) === wanted[i]));
  if (found >= 0 && Object.keys(baseline).every((k) => factors.some((f) => f.path === k))) return found;
  issues.push({ path: ['baseline'], value: baseline, reason: `is not a point of the design; give a level of every factor (${factors.map((f) => f.path).join(', ')}) as one point has them, or the point's position.` });
  return 0;
}
