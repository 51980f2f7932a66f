import { ScenarioError, type ValidationIssue } from '../../domain/errors.js';
import { readRegularFile, utf8Text } from '../../io/read-file.js';
import { issuesFromZod } from '../../domain/zod-issues.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { coverageIssues, readReferenceData, scenarioDir } from './reference.js';

/**
 * Validates a scenario object, fills in defaults and reads its reference data: the `tariff` and
 * `positiveList` files (relative to `options.baseDir`, the current directory by default). Every
 * catalogue product must be a tariff line of the nomenclature and be covered, for every channel
 * that sells it, by some rate source (its own `rates`, the tariff, the built-in rows).
 *
 * @throws {@link ScenarioError} listing every issue with its JSON path
 */
export function parseScenario(input: unknown, options: { readonly baseDir?: string } = {}): Scenario {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(issuesFromZod(parsed.error));
  const { scenario, issues: referenceIssues } = readReferenceData(parsed.data, options.baseDir ?? process.cwd());
  if (referenceIssues.length > 0) throw new ScenarioError(referenceIssues);
  const issues: ValidationIssue[] = scenario.faults.outages.flatMap((o, i) =>
    o.end > o.start ? [] : [{ path: ['faults', 'outages', i, 'end'], value: o.end, reason: 'must be after start.' }],
  );
  if (scenario.customs.closeHour <= scenario.customs.openHour) {
    issues.push({ path: ['customs', 'closeHour'], value: scenario.customs.closeHour, reason: 'must be after openHour.' });
  }
  issues.push(...coverageIssues(scenario));
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenario;
}

/**
 * The JSON value of a scenario file: a regular file of at most 16 MiB, in UTF-8.
 *
 * @throws {@link ScenarioError} naming the file when it is missing, not a regular file, too large,
 *   not UTF-8 or not JSON
 * @internal
 */
export function readScenarioJson(path: string): unknown {
  const refuse = (reason: string) => new ScenarioError([{ path: [path], value: path, reason }]);
  const file = readRegularFile(path);
  if (file.problem !== undefined) throw refuse(file.problem);
  return scenarioJson(file.bytes, refuse);
}

/** The JSON value of a scenario file's bytes; `refuse` makes the error for bytes that are not UTF-8 JSON. */
export function scenarioJson(bytes: Uint8Array, refuse: (reason: string) => Error): unknown {
  const decoded = utf8Text(bytes);
  if (decoded.problem !== undefined) throw refuse(decoded.problem);
  try {
    return JSON.parse(decoded.text);
  } catch (e) {
    throw refuse(`is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Reads and validates a scenario file (JSON): a regular file of at most 16 MiB, in UTF-8.
 *
 * @throws {@link ScenarioError} for an unreadable, irregular or oversized file, bad UTF-8, bad
 *   JSON, or any schema issue
 * @example
 * ```ts
 * const scenario = loadScenario('examples/scenarios/guangzhou-three-channels.json');
 * ```
 */
export function loadScenario(path: string): Scenario {
  return parseScenario(readScenarioJson(path), { baseDir: scenarioDir(path) });
}
