import { scenarioJsonSchema } from '../../sim/scenario/json-schema.js';
import type { Command } from './command.js';
import { badArgument } from './file-argument.js';

const HELP = `Usage: cbec-sim schema > scenario.schema.json

Prints the JSON Schema (draft 2020-12) that scenario files follow. The package also ships it as
cbec-sim/scenario.schema.json.
`;

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of scenario files (for editor completion)',
  help: HELP,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(this.help);
      return 0;
    }
    if (args.length > 0) throw badArgument(HELP, args[0]!, args[0], 'is not an argument of cbec-sim schema, which takes none.');
    io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
