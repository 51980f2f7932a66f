import { scenarioJsonSchema } from '../../sim/scenario/json-schema.js';
import type { Command } from './command.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of scenario files (for editor completion)',
  help: `Usage: cbec-sim schema > scenario.schema.json

Prints the JSON Schema (draft 2020-12) that scenario files follow. The package also ships it as
cbec-sim/scenario.schema.json.
`,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(this.help);
      return 0;
    }
    io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
