import { readFileSync } from 'node:fs';
import { ScenarioError, type ValidationIssue } from '../../domain/errors.js';
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
 * Reads and validates a scenario file (JSON).
 *
 * @throws {@link ScenarioError} for an unreadable file, bad JSON, or any schema issue
 * @example
 * ```ts
 * const scenario = loadScenario('examples/scenarios/guangzhou-three-channels.json');
 * ```
 */
export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScenarioError([{ path: [], value: path, reason: `cannot be read: ${(e as Error).message}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError([{ path: [], value: path, reason: `is not valid JSON: ${(e as Error).message}` }]);
  }
  return parseScenario(json, { baseDir: scenarioDir(path) });
}
