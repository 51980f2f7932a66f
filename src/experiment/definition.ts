/**
 * An experiment file read and checked against its base scenario: the factors, the design's points
 * and their scenarios, the baseline, the replication rule and the outputs. Every problem is
 * reported at once, each with its path in the file. Also the definition's self-contained form
 * (`experiment.json`) and its fingerprint, which ties units of work to the experiment they belong to.
 */
import { readTextFile } from '../io/read-file.js';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { ScenarioError, type ValidationIssue } from '../domain/errors.js';
import { issuesFromZod } from '../domain/zod-issues.js';
import { parseScenario } from '../sim/scenario/load.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { baselineIndex, designPoints, pointLabel, type Factor, type JsonValue } from './design.js';
import { ExperimentError } from './errors.js';
import { pointScenario, readFactors, type BaseScenario } from './factors.js';
import { readOutputs, type Output } from './outputs.js';
import { experimentSchema, MAX_POINTS, type ExperimentFile, type ExperimentInput } from './schema.js';

/** A point of the design, with its scenario. */
export interface DesignPoint {
  /** Position in the design, from 0. */
  readonly index: number;
  /** The level position of each factor, in factor order. */
  readonly levels: readonly number[];
  /** `customs.capacityPerHour=1000, rules=RULES_2016`. */
  readonly label: string;
  /** The point's scenario file: the base scenario with each factor's level written in. */
  readonly input: unknown;
  readonly scenario: Scenario;
}

/** How many replications each point gets. */
export type ReplicationRule =
  | { readonly kind: 'fixed'; readonly count: number }
  | {
      readonly kind: 'sequential';
      readonly initial: number;
      readonly step: number;
      readonly max: number;
      readonly relativeHalfWidth: number;
      /** Positions in the outputs of the figures the target applies to. */
      readonly outputs: readonly number[];
    };

/** A checked experiment. */
export interface ExperimentDefinition {
  readonly name: string;
  /** The base scenario's name. */
  readonly scenarioName: string;
  readonly seed: number;
  /** Order cap of every replication, if any. */
  readonly orders: number | undefined;
  readonly factors: readonly Factor[];
  readonly points: readonly DesignPoint[];
  /** Position of the point differences are taken against. */
  readonly baseline: number;
  readonly replications: ReplicationRule;
  readonly outputs: readonly Output[];
  readonly confidence: number;
  readonly commonRandomNumbers: boolean;
  /** The experiment as one self-contained file (the scenario inlined, every default filled in). */
  readonly file: ExperimentInput;
  /** A digest of {@link ExperimentDefinition.file}: units of work carry it, so a merge never mixes experiments. */
  readonly fingerprint: string;
  /** The most replications a point can get. */
  readonly maxReplications: number;
}

function replicationRule(file: ExperimentFile, outputs: readonly Output[], issues: ValidationIssue[]): ReplicationRule {
  const r = file.replications;
  if (typeof r === 'number') return { kind: 'fixed', count: r };
  const named = r.outputs ?? outputs.map((o) => o.path);
  const positions = named.flatMap((path, i) => {
    const at = outputs.findIndex((o) => o.path === path);
    if (at < 0) issues.push({ path: ['replications', 'outputs', i], value: path, reason: `is not one of the outputs: ${outputs.map((o) => o.path).join(', ')}.` });
    return at < 0 ? [] : [at];
  });
  return { kind: 'sequential', initial: r.initial, step: r.step, max: r.max, relativeHalfWidth: r.relativeHalfWidth, outputs: positions };
}

/** The base scenario: validated as written in the experiment (a path was inlined by {@link loadExperiment}). */
function baseScenario(scenario: ExperimentFile['scenario'], baseDir: string, issues: ValidationIssue[]): BaseScenario | undefined {
  const input = typeof scenario === 'string' ? readScenarioFile(resolve(baseDir, scenario), issues) : scenario;
  if (input === undefined) return undefined;
  try {
    return { input, scenario: parseScenario(input) };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    issues.push(...e.issues.map((i) => ({ ...i, path: ['scenario', ...i.path], reason: `(the scenario) ${i.reason}` })));
    return undefined;
  }
}

function readJson(path: string): { json: unknown } | { problem: string } {
  const file = readTextFile(path);
  if (file.problem !== undefined) return { problem: file.problem };
  try {
    return { json: JSON.parse(file.text) as unknown };
  } catch (e) {
    return { problem: `is not valid JSON: ${(e as Error).message}` };
  }
}

function readScenarioFile(path: string, issues: ValidationIssue[]): Record<string, unknown> | undefined {
  const read = readJson(path);
  if ('problem' in read) issues.push({ path: ['scenario'], value: path, reason: `names a scenario file that ${read.problem}` });
  else if (typeof read.json !== 'object' || read.json === null || Array.isArray(read.json)) issues.push({ path: ['scenario'], value: path, reason: 'names a file that does not hold a scenario object.' });
  else return read.json as Record<string, unknown>;
  return undefined;
}

/** The points of the design with their scenarios; invalid ones add their issues. */
function points(file: ExperimentFile, base: BaseScenario, factors: readonly Factor[], issues: ValidationIssue[]): DesignPoint[] {
  const levelsOfPoints = designPoints(factors, Object.keys(file.factors), file.design as ExperimentFile['design'], issues);
  const found = new Map<string, ValidationIssue>();
  const made = levelsOfPoints.flatMap((levels, index) => {
    const where = file.design === 'full-factorial' ? ['factors'] : ['design', 'points', index];
    const point = pointScenario(base, factors, levels, where);
    if ('issues' in point) {
      for (const issue of point.issues) found.set(`${JSON.stringify(issue.path)} ${issue.reason}`, issue);
      return [];
    }
    return [{ index, levels, label: pointLabel(factors, levels), input: point.input, scenario: point.scenario }];
  });
  issues.push(...[...found.values()].sort((a, b) => factorOrder(factors, a) - factorOrder(factors, b)));
  return made;
}

/** Sorts a level's issue by factor, then level (`factors.<path>[level]`); the point's own issues after. */
function factorOrder(factors: readonly Factor[], issue: ValidationIssue): number {
  const [head, path, level] = issue.path;
  const f = factors.findIndex((factor) => factor.path === path);
  return head === 'factors' && f >= 0 && typeof level === 'number' ? f * MAX_POINTS + level : factors.length * MAX_POINTS;
}

/** The self-contained form of a checked file: what `experiment.json` holds. */
function selfContained(file: ExperimentFile, base: BaseScenario, baseline: number, name: string): ExperimentInput {
  const { $schema: _schema, scenario: _scenario, baseline: _baseline, name: _name, ...rest } = file;
  return { name, scenario: base.input, ...rest, baseline } as ExperimentInput;
}

/**
 * Checks an experiment (a file's content) against its base scenario.
 *
 * @param baseDir - where a scenario path is resolved from (the experiment file's folder; the working directory by default)
 * @throws {@link ExperimentError} listing every problem with its path: a factor path the scenario does not have, a level that makes the scenario invalid, a bad design, baseline or output path
 */
export function defineExperiment(input: unknown, baseDir = '.'): ExperimentDefinition {
  const parsed = experimentSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ExperimentError(issuesFromZod(parsed.error));
  const file = parsed.data;
  const issues: ValidationIssue[] = [];
  const outputs = readOutputs(file.outputs, issues);
  const replications = replicationRule(file, outputs, issues);
  const base = baseScenario(file.scenario, baseDir, issues);
  if (base === undefined) throw new ExperimentError(issues);
  const factors = readFactors(file.factors as Record<string, JsonValue[]>, base, issues);
  const designed = points(file, base, factors, issues);
  const baseline = issues.length === 0 ? baselineIndex(factors, designed.map((p) => p.levels), file.baseline as ExperimentFile['baseline'], issues) : 0;
  if (issues.length > 0) throw new ExperimentError(issues);
  const name = file.name ?? `Experiment on ${base.scenario.name}`;
  const selfContainedFile = selfContained(file, base, baseline, name);
  return {
    name,
    scenarioName: base.scenario.name,
    seed: file.seed,
    orders: file.orders,
    factors,
    points: designed,
    baseline,
    replications,
    outputs,
    confidence: file.confidence,
    commonRandomNumbers: file.commonRandomNumbers,
    file: selfContainedFile,
    fingerprint: createHash('sha256').update(JSON.stringify(selfContainedFile)).digest('hex').slice(0, 16),
    maxReplications: replications.kind === 'fixed' ? replications.count : replications.max,
  };
}

/**
 * Reads an experiment file (JSON) and inlines its base scenario, read relative to the file, so the
 * result stands alone.
 *
 * @throws {@link ExperimentError} when the file or its scenario cannot be read or is not JSON
 * @example
 * ```ts
 * const experiment = createExperiment(loadExperiment('examples/experiments/customs-capacity.json'));
 * ```
 */
export function loadExperiment(path: string): ExperimentInput {
  const read = readJson(path);
  if ('problem' in read) throw new ExperimentError([{ path: [], value: path, reason: read.problem }]);
  const json = read.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ExperimentError([{ path: [], value: path, reason: 'does not hold an experiment object.' }]);
  const file = json as Record<string, unknown>;
  if (typeof file['scenario'] !== 'string') return file as ExperimentInput;
  const issues: ValidationIssue[] = [];
  const scenario = readScenarioFile(resolve(dirname(path), file['scenario']), issues);
  if (scenario === undefined) throw new ExperimentError(issues);
  return { ...file, scenario } as ExperimentInput;
}
