import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the zod schema, for editor
 * completion: point a scenario's `$schema` at `cbec-sim/scenario.schema.json`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'cbec-sim scenario',
    description: 'A cbec-sim simulation scenario: seed, start, arrivals per channel, catalogue, buyers, customs, carrier, bonded stock and faults.',
  };
}
