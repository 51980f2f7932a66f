import { ScenarioError } from '../../domain/errors.js';
import { utf8Text } from '../../io/read-file.js';
import { parseMessage, validateMessage } from '../../messages/parse.js';
import { parseScenario, scenarioJson } from '../../sim/scenario/load.js';
import { issueLines, printable } from '../terminal.js';
import type { Command } from './command.js';
import { fileArgument } from './file-argument.js';
import { inputBytes } from './input-file.js';

const HELP = `Usage: cbec-sim validate <file.xml | scenario.json>

Reads the file by its content, whatever its name: one that starts with '<' is checked as a CEB
message (CEB311 ... CEB900): well-formed, no DOCTYPE or entities, every field present, of the
right length and format, in the specification's order. Anything else is checked as a scenario
(JSON). Files must be regular files of at most 16 MiB, in UTF-8.

Prints one line per issue as 'path: reason' (at most 50). Exit code 0 when valid, 1 when not,
2 on usage errors (a missing, unreadable or oversized file).
`;

/** True when the bytes (after a byte-order mark and white space) start like XML. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/** Prints `issues` for `file` and returns exit code 1. */
function invalid(io: { out(text: string): void }, file: string, issues: Parameters<typeof issueLines>[0], root: string): number {
  io.out(`${issueLines(issues, root).map((line) => `${printable(file)}: ${line}`).join('\n')}\n`);
  return 1;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a CEB message (.xml) or a scenario (.json), listing every issue',
  help: HELP,
  async run(args, io) {
    const parsed = fileArgument(args, io, this.help, {}, 'file');
    if ('exit' in parsed) return parsed.exit;
    const { file } = parsed;
    const bytes = inputBytes(file, HELP);
    if (!looksLikeXml(bytes)) {
      try {
        const scenario = parseScenario(scenarioJson(bytes, (reason) => new ScenarioError([{ path: [], value: undefined, reason }])));
        io.out(`${printable(file)}: valid scenario '${printable(scenario.name)}' (${scenario.arrivals.length} channels, ${scenario.catalogue.length} products).\n`);
        return 0;
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        return invalid(io, file, e.issues, '(scenario)');
      }
    }
    const text = utf8Text(bytes);
    if (text.problem !== undefined) return invalid(io, file, [{ path: [], value: undefined, reason: text.problem }], '(message)');
    const issues = validateMessage(text.text);
    if (issues.length > 0) return invalid(io, file, issues, '(message)');
    const message = parseMessage(text.text);
    io.out(`${printable(file)}: valid ${message.type} message, guid ${printable(message.guid)}.\n`);
    return 0;
  },
};
