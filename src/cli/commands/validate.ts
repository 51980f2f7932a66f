import { readFile } from 'node:fs/promises';
import { ScenarioError, ValidationError } from '../../domain/errors.js';
import { unwrapDxp } from '../../messages/dxp.js';
import { formatIssues } from '../../messages/format-issues.js';
import { parseMessage, validateMessage } from '../../messages/parse.js';
import { parseScenario } from '../../sim/scenario/load.js';
import { scenarioDir } from '../../sim/scenario/reference.js';
import type { Command } from './command.js';
import { fileArgument } from './file-argument.js';

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new ValidationError([{ path: [file], value: undefined, reason: `cannot be read: ${(e as Error).message}` }], 'Unreadable file');
  }
}

/** What a valid file holds: a CEB message, or a DXP envelope and the message inside it. */
function validSummary(bytes: Uint8Array): string {
  try {
    const message = parseMessage(bytes, { level: 'schema' });
    return `valid ${message.type} message (${message.spec} specification), guid ${JSON.stringify(message.guid)}`;
  } catch {
    const envelope = unwrapDxp(bytes);
    const message = parseMessage(envelope.xml, { level: 'schema' });
    return `valid DXP envelope from ${JSON.stringify(envelope.transInfo.senderId)} holding a ${message.type} message, guid ${JSON.stringify(message.guid)}`;
  }
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a CEB message (.xml) or a scenario (.json), listing every issue',
  help: `Usage: cbec-sim validate <file.xml | scenario.json>

A .xml file is checked as a CEB message (CEB213 ... CEB900) of the 2018 or 2022-05 specification,
or a DXP envelope and the message inside it: read as bytes in the encoding its declaration names
(UTF-8, GBK, GB18030, UTF-16 with a byte-order mark), well-formed, no DOCTYPE or entities, then
checked against the official schema (elements, order, occurrences, lengths) and the business rules
(code tables, ID check digits, real dates, upper-case guids, totals).
A .json file is checked as a scenario.

Prints one line per issue as 'path: reason [level, line]'. Exit code 0 when valid, 1 when not, 2 on usage errors.
`,
  async run(args, io) {
    const parsed = fileArgument(args, io, this.help, {});
    if ('exit' in parsed) return parsed.exit;
    const { file } = parsed;
    const bytes = await readBytes(file);
    if (file.endsWith('.json')) {
      try {
        const scenario = parseScenario(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), { baseDir: scenarioDir(file) });
        io.out(`${file}: valid scenario '${scenario.name}' (${scenario.arrivals.length} channels, ${scenario.catalogue.length} products).\n`);
        return 0;
      } catch (e) {
        const issues =
          e instanceof ScenarioError
            ? e.issues
            : e instanceof SyntaxError
              ? [{ path: [], value: undefined, reason: `is not valid JSON: ${e.message}` }]
              : e instanceof TypeError
                ? [{ path: [], value: undefined, reason: 'is not valid UTF-8; save the scenario as UTF-8 text' }]
                : undefined;
        if (!issues) throw e;
        io.out(`${formatIssues(issues).map((line) => `${file}: ${line}`).join('\n')}\n`);
        return 1;
      }
    }
    const issues = validateMessage(bytes);
    if (issues.length > 0) {
      io.out(`${formatIssues(issues).map((line) => `${file}: ${line}`).join('\n')}\n`);
      return 1;
    }
    io.out(`${file}: ${validSummary(bytes)}.\n`);
    return 0;
  },
};
