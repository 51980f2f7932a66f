import { ScenarioError } from '../../domain/errors.js';
import { isEnvelopeType } from '../../messages/envelope.js';
import { formatIssues } from '../../messages/format-issues.js';
import { parseMessage, validateMessage } from '../../messages/parse.js';
import { parseScenario, scenarioJson } from '../../sim/scenario/load.js';
import { scenarioDir } from '../../sim/scenario/reference.js';
import { boundedLines, issueLines, MAX_ISSUE_LINES, printable } from '../terminal.js';
import type { Command } from './command.js';
import { fileArgument } from './file-argument.js';
import { inputBytes } from './input-file.js';

const HELP = `Usage: cbec-sim validate <file.xml | scenario.json>

Reads the file by its content, whatever its name. One that starts with '<' (or a UTF-16 byte-order
mark) is checked as a CEB message (CEB213 ... CEB900) of the 2018 or 2022-05 specification, or a
DXP envelope and the message inside it: read as bytes in the encoding its declaration names
(UTF-8, GBK, GB18030, UTF-16 with a byte-order mark), well-formed, no DOCTYPE or entities, then
checked against the official schema (elements, order, occurrences, lengths) and the business rules
(code tables, ID check digits, real dates, upper-case guids, totals). Anything else is checked as
a scenario (JSON, in UTF-8). Files must be regular files of at most 16 MiB.

Prints one line per issue as 'path: reason [level, line]' (at most ${MAX_ISSUE_LINES}). Exit code 0
when valid, 1 when not, 2 on usage errors (a missing, unreadable or oversized file).
`;

/** True when the bytes (after a byte-order mark and white space) start like XML. */
function looksLikeXml(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/** Prints `lines` (printable and bounded already) for `file` and returns exit code 1. */
function invalid(io: { out(text: string): void }, file: string, lines: readonly string[]): number {
  io.out(`${lines.map((line) => `${printable(file)}: ${line}`).join('\n')}\n`);
  return 1;
}

/** What a valid file holds: a CEB message, or a DXP envelope (and the message inside it). */
function validSummary(bytes: Uint8Array): string {
  const parsed = parseMessage(bytes, { level: 'schema' });
  const inner = parsed.message;
  if (inner) return `valid DXP ${parsed.type} envelope holding a ${inner.type} message (${inner.spec} specification), guid ${JSON.stringify(inner.guid)}`;
  if (isEnvelopeType(parsed.type)) return `valid DXP ${parsed.type} envelope`;
  return `valid ${parsed.type} message (${parsed.spec} specification), guid ${JSON.stringify(parsed.guid)}`;
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
        const json = scenarioJson(bytes, (reason) => new ScenarioError([{ path: [], value: undefined, reason }]));
        const scenario = parseScenario(json, { baseDir: scenarioDir(file) });
        io.out(`${printable(file)}: valid scenario '${printable(scenario.name)}' (${scenario.arrivals.length} channels, ${scenario.catalogue.length} products).\n`);
        return 0;
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        return invalid(io, file, issueLines(e.issues, '(scenario)'));
      }
    }
    const issues = validateMessage(bytes);
    if (issues.length > 0) return invalid(io, file, boundedLines(formatIssues(issues)));
    io.out(`${printable(file)}: ${printable(validSummary(bytes))}.\n`);
    return 0;
  },
};
