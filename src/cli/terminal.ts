/**
 * Text for a terminal: what came from input files or arguments is shown with its control
 * characters escaped (an ANSI escape, a NUL or a line break can neither recolour the terminal nor
 * forge a line), and error output is bounded in lines and line length.
 */
import { formatPath, type ValidationIssue } from '../domain/errors.js';
import { printable } from '../domain/printable.js';

export { printable };

/** The most issues printed for one error; the rest are counted. */
export const MAX_ISSUE_LINES = 50;
/** The longest line printed for one issue. */
export const MAX_LINE = 400;

/** `text` cut to `max` characters, saying how many were left out. */
export function bounded(text: string, max = MAX_LINE): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${(text.length - max).toLocaleString('en-US')} more characters)`;
}

/** Each line printable and bounded, at most {@link MAX_ISSUE_LINES} of them, then a count of the rest. */
export function boundedLines(lines: readonly string[]): string[] {
  const shown = lines.slice(0, MAX_ISSUE_LINES).map((line) => bounded(printable(line)));
  const more = lines.length - MAX_ISSUE_LINES;
  return more > 0 ? [...shown, `... and ${more.toLocaleString('en-US')} more issues`] : shown;
}

/** One printable, bounded line per issue (`path: reason`), at most {@link MAX_ISSUE_LINES} of them, then a count of the rest. */
export function issueLines(issues: readonly ValidationIssue[], root = '(input)'): string[] {
  return boundedLines(issues.map((issue) => `${formatPath(issue.path, root)}: ${issue.reason}`));
}

/** Each line of `text` printable and bounded (line breaks kept, as the text's own structure). */
export function printableLines(text: string, maxLines = MAX_ISSUE_LINES + 2): string {
  const lines = text.split('\n');
  const shown = lines.slice(0, maxLines).map((line) => bounded(printable(line)));
  return (lines.length > maxLines ? [...shown, `... and ${lines.length - maxLines} more lines`] : shown).join('\n');
}
