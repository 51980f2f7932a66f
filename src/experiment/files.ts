/**
 * The output folder of an experiment, the same whether it was run here or unit by unit elsewhere:
 *
 * - `experiment.json`: the experiment, self-contained (its scenario inlined);
 * - `units/unit-<index>.json`: each finished unit's facts (outputs, seed, reconciliation);
 * - `points/<point>/scenario.json`: each point's scenario;
 * - `points/<point>/replications/<replication>/report.json` and `report.md`: each replication's own report;
 * - `report.md`, `report.json`, `report.html`: the experiment's report.
 *
 * Every file is written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ValidationIssue } from '../domain/errors.js';
import { issuesFromZod } from '../domain/zod-issues.js';
import type { ExperimentDefinition } from './definition.js';
import { ExperimentError } from './errors.js';
import type { FinishedReplication } from './experiment.js';
import type { ExperimentInput } from './schema.js';
import { unitPlan, type UnitFacts } from './units.js';

/** The experiment file inside an output folder. */
export const EXPERIMENT_FILE = 'experiment.json';

const UNIT_NAME = /^unit-(\d+)\.json$/;

/** Writes `text` to `path` through a temporary file (named after this host and process) in the same folder, creating folders on the way. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${hostname()}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** The experiment of the folder `dir`, as its `experiment.json` holds it; `undefined` when the folder has none. */
export async function readFolderExperiment(dir: string): Promise<ExperimentInput | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, EXPERIMENT_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as ExperimentInput;
  } catch (e) {
    throw new ExperimentError([{ path: [join(dir, EXPERIMENT_FILE)], value: undefined, reason: `is not valid JSON: ${(e as Error).message}` }]);
  }
}

/**
 * Writes `definition`'s `experiment.json` into `dir`.
 *
 * @throws {@link ExperimentError} when `dir` already holds another experiment
 */
export async function claimFolder(dir: string, definition: ExperimentDefinition): Promise<void> {
  const existing = await readFolderExperiment(dir);
  const text = `${JSON.stringify(definition.file, null, 2)}\n`;
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(definition.file)) {
    throw new ExperimentError([{ path: [join(dir, EXPERIMENT_FILE)], value: dir, reason: 'holds another experiment; write this one to another folder.' }]);
  }
  if (existing === undefined) await writeFileAtomic(join(dir, EXPERIMENT_FILE), text);
}

/** Keeps a finished replication in `dir`: its point's scenario, its report, then its unit facts. */
export async function keepReplication(dir: string, definition: ExperimentDefinition, replication: FinishedReplication): Promise<void> {
  const { facts, report } = replication;
  const point = join(dir, 'points', String(facts.point));
  await writeFileAtomic(join(point, 'scenario.json'), `${JSON.stringify(definition.points[facts.point]!.input, null, 2)}\n`);
  await writeFileAtomic(join(point, 'replications', String(facts.replication), 'report.json'), report.json);
  await writeFileAtomic(join(point, 'replications', String(facts.replication), 'report.md'), report.markdown);
  await writeFileAtomic(join(dir, 'units', `unit-${facts.index}.json`), `${JSON.stringify(facts)}\n`);
}

const unitSchema = z
  .object({
    fingerprint: z.string(),
    index: z.number().int().min(0),
    point: z.number().int().min(0),
    replication: z.number().int().min(0),
    seed: z.number().int(),
    values: z.array(z.number().nullable()),
    reconciled: z.boolean(),
  })
  .strict();

/** Problems of a unit that does not fit `definition`: another experiment, or an index, seed or value count it cannot have. */
function unitProblems(unit: UnitFacts, definition: ExperimentDefinition, name: string): ValidationIssue[] {
  if (unit.fingerprint !== definition.fingerprint) return [{ path: [name], value: unit.fingerprint, reason: `belongs to another experiment (fingerprint ${unit.fingerprint}, the folder's is ${definition.fingerprint}).` }];
  if (unit.index >= definition.points.length * definition.maxReplications) return [{ path: [name], value: unit.index, reason: 'is not a unit of this experiment.' }];
  const plan = unitPlan(definition, unit.index);
  const fits = plan.point === unit.point && plan.replication === unit.replication && plan.seed === unit.seed && unit.values.length === definition.outputs.length;
  return fits ? [] : [{ path: [name], value: unit.index, reason: 'does not match its index in this experiment (point, replication, seed or number of outputs).' }];
}

/**
 * The finished units in `dir/units`, each checked against `definition`.
 *
 * @throws {@link ExperimentError} naming every unit file that is unreadable or belongs elsewhere
 */
export async function readUnits(dir: string, definition: ExperimentDefinition): Promise<UnitFacts[]> {
  let names: string[];
  try {
    names = (await readdir(join(dir, 'units'))).filter((n) => UNIT_NAME.test(n));
  } catch {
    return [];
  }
  const issues: ValidationIssue[] = [];
  const units: UnitFacts[] = [];
  for (const name of names.sort((a, b) => Number(UNIT_NAME.exec(a)![1]) - Number(UNIT_NAME.exec(b)![1]))) {
    const path = join('units', name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, path), 'utf8'));
    } catch (e) {
      issues.push({ path: [path], value: undefined, reason: `cannot be read as JSON: ${(e as Error).message}` });
      continue;
    }
    const parsed = unitSchema.safeParse(json, { reportInput: true });
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error).map((i) => ({ ...i, path: [path, ...i.path] })));
      continue;
    }
    const problems = unitProblems(parsed.data, definition, path);
    issues.push(...problems);
    if (problems.length === 0) units.push(parsed.data);
  }
  if (issues.length > 0) throw new ExperimentError(issues);
  return units;
}
