import { readFile } from 'node:fs/promises';
import { ScenarioError, ValidationError } from '../../domain/errors.js';
import { formatIssues } from '../../messages/format-issues.js';
import { parseMessage, validateMessage } from '../../messages/parse.js';
import { parseScenario } from '../../sim/scenario/load.js';
import { scenarioDir } from '../../sim/scenario/reference.js';
import type { Command } from './command.js';
import { fileArgument } from './file-argument.js';

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new ValidationError([{ path: [file], value: undefined, reason: `cannot be read: ${(e as Error).message}` }], 'Unreadable file');
  }
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a CEB message (.xml) or a scenario (.json), listing every issue',
  help: `Usage: cbec-sim validate <file.xml | scenario.json>

A .xml file is checked as a CEB message (CEB311 ... CEB900): well-formed, no DOCTYPE or entities,
every field present, of the right length and format, in the specification's order.
A .json file is checked as a scenario.

Prints one line per issue as 'path: reason'. Exit code 0 when valid, 1 when not, 2 on usage errors.
`,
  async run(args, io) {
    const parsed = fileArgument(args, io, this.help, {});
    if ('exit' in parsed) return parsed.exit;
    const { file } = parsed;
    const text = await readText(file);
    if (file.endsWith('.json')) {
      try {
        const scenario = parseScenario(JSON.parse(text), { baseDir: scenarioDir(file) });
        io.out(`${file}: valid scenario '${scenario.name}' (${scenario.arrivals.length} channels, ${scenario.catalogue.length} products).\n`);
        return 0;
      } catch (e) {
        const issues = e instanceof ScenarioError ? e.issues : e instanceof SyntaxError ? [{ path: [], value: undefined, reason: `is not valid JSON: ${e.message}` }] : undefined;
        if (!issues) throw e;
        io.out(`${formatIssues(issues).map((line) => `${file}: ${line}`).join('\n')}\n`);
        return 1;
      }
    }
    const issues = validateMessage(text);
    if (issues.length > 0) {
      io.out(`${formatIssues(issues).map((line) => `${file}: ${line}`).join('\n')}\n`);
      return 1;
    }
    const message = parseMessage(text);
    io.out(`${file}: valid ${message.type} message, guid ${message.guid}.\n`);
    return 0;
  },
};
