import { readFileSync } from 'node:fs';
import { ScenarioError } from '../../domain/errors.js';
import { issuesFromZod } from '../../domain/zod-issues.js';
import { scenarioSchema, type Scenario } from './schema.js';

/**
 * Validates a scenario object and fills in defaults.
 *
 * @throws {@link ScenarioError} listing every issue with its JSON path
 */
export function parseScenario(input: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(issuesFromZod(parsed.error));
  const scenario = parsed.data;
  const issues = scenario.faults.outages.flatMap((o, i) =>
    o.end > o.start ? [] : [{ path: ['faults', 'outages', i, 'end'], value: o.end, reason: 'must be after start.' }],
  );
  if (scenario.customs.closeHour <= scenario.customs.openHour) {
    issues.push({ path: ['customs', 'closeHour'], value: scenario.customs.closeHour, reason: 'must be after openHour.' });
  }
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
  return parseScenario(json);
}
