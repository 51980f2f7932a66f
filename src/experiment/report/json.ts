/** The experiment report as JSON. */
import type { ExperimentResult } from '../results.js';
import { sortedJson } from '../sorted-json.js';

/**
 * The experiment's result as JSON with every object's keys sorted: the same experiment and seed
 * give the same bytes, on one machine or many.
 */
export function experimentToJson(result: ExperimentResult): string {
  return `${sortedJson(result, 2)}\n`;
}
