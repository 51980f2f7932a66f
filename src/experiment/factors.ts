/**
 * Factors against the base scenario: each factor's path must exist in the scenario, and each
 * point (one level of every factor, written into the scenario file at the factors' paths) must
 * give a valid scenario. Problems name the factor and the level, with the scenario's own reason.
 */
import { formatPath, ScenarioError, type ValidationIssue } from '../domain/errors.js';
import { parseScenario } from '../sim/scenario/load.js';
import { scenarioSchema, type Scenario } from '../sim/scenario/schema.js';
import { levelText, pointLabel, type Factor, type JsonValue } from './design.js';
import { elementIndex, parsePath, resolvePath, withValueAt, type PathStep } from './paths.js';

/** The base scenario, as written (the object factors are written into) and as validated. */
export interface BaseScenario {
  readonly input: Readonly<Record<string, unknown>>;
  readonly scenario: Scenario;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The path of `steps` in `document` with list keys turned into positions, as validators report paths. */
function concretePath(document: unknown, steps: readonly PathStep[]): (string | number)[] {
  const path: (string | number)[] = [];
  let value = document;
  for (const step of steps) {
    const name = 'field' in step ? step.field : step.key;
    const index = Array.isArray(value) ? elementIndex(value, name) : -1;
    path.push(index >= 0 ? index : name);
    value = Array.isArray(value) ? value[index] : isRecord(value) ? value[name] : undefined;
  }
  return path;
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) => prefix.length <= path.length && prefix.every((p, i) => p === path[i]);

/** Why `steps` is not a place in the scenario, or `undefined` when it is. */
function pathProblem(base: BaseScenario, steps: readonly PathStep[]): string | undefined {
  const here = resolvePath(base.scenario, steps);
  if (here.found) return undefined;
  const last = steps[steps.length - 1]!;
  const parent = resolvePath(base.scenario, steps.slice(0, -1));
  if (!parent.found || !isRecord(parent.value)) return here.problem;
  // A field the base scenario leaves out and that has no default: the schema knows it or not.
  const name = 'field' in last ? last.field : last.key;
  const candidate = withValueAt(base.input, steps, null);
  const parentPath = concretePath(candidate, steps.slice(0, -1));
  const checked = scenarioSchema.safeParse(candidate);
  const unknown = !checked.success && checked.error.issues.some((i) => i.code === 'unrecognized_keys' && i.keys.includes(name) && i.path.length === parentPath.length && startsWith(i.path, parentPath));
  return unknown ? here.problem : undefined;
}

/** The factors of an experiment file, each path checked against the base scenario; problems go to `issues`. */
export function readFactors(raw: Readonly<Record<string, readonly JsonValue[]>>, base: BaseScenario, issues: ValidationIssue[]): Factor[] {
  return Object.entries(raw).flatMap(([path, levels]) => {
    const parsed = parsePath(path);
    const problem = 'problem' in parsed ? `is not a path into the scenario: it ${parsed.problem}` : pathProblem(base, parsed.steps);
    if (problem !== undefined || 'problem' in parsed) {
      issues.push({ path: ['factors', path], value: path, reason: 'problem' in parsed ? problem! : `does not exist in the scenario: ${problem}` });
      return [];
    }
    return [{ path, steps: parsed.steps, levels }];
  });
}

/** A point's scenario: the base scenario file with each factor's level written at its path. */
export interface PointScenario {
  readonly input: unknown;
  readonly scenario: Scenario;
}

/**
 * The scenario of the point with `levels` (a level position per factor), or the issues that make
 * it invalid: each attributed to the factor and level whose path it falls under
 * (`factors.<path>[level]`), or else to `where` (the point as a whole).
 */
export function pointScenario(base: BaseScenario, factors: readonly Factor[], levels: readonly number[], where: readonly (string | number)[]): PointScenario | { readonly issues: ValidationIssue[] } {
  const input = factors.reduce<unknown>((document, f, i) => withValueAt(document, f.steps, f.levels[levels[i]!]), base.input);
  try {
    return { input, scenario: parseScenario(input) };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const paths = factors.map((f) => concretePath(input, f.steps));
    return {
      issues: e.issues.map((issue) => {
        const i = paths.findIndex((p) => startsWith(issue.path, p) || startsWith(p, issue.path));
        const f = factors[i];
        const said = `${formatPath(issue.path, 'the scenario')}: ${issue.reason}`;
        if (f === undefined) return { path: [...where], value: issue.value, reason: `the point ${pointLabel(factors, levels)} makes the scenario invalid: ${said}` };
        const level = f.levels[levels[i]!]!;
        return { path: ['factors', f.path, levels[i]!], value: level, reason: `level ${levelText(level)} makes the scenario invalid: ${said}` };
      }),
    };
  }
}
