/** Turns issues into lines a person can read, for the CLI's `validate` command and logs. */
import { formatPath, type ValidationIssue } from '../domain/errors.js';
import { clip, type MessageIssue } from './issues.js';

/**
 * One line per issue: `path: reason`, the refused value when it is short text, then the level
 * and line when the issue has them. Values are quoted as JSON, so control characters and
 * terminal escapes never reach a terminal raw.
 *
 * @example
 * ```ts
 * formatIssues(validateMessage(xml)).forEach((line) => console.log(line));
 * // Order[0].OrderHead.appTime: must be a real date and time as 14 digits YYYYMMDDhhmmss ... (got "20190231102400") [business, line 7]
 * ```
 */
export function formatIssues(issues: readonly (ValidationIssue | MessageIssue)[]): string[] {
  return issues.map((issue) => {
    const shown = typeof issue.value === 'string' && issue.value.length <= 80 ? ` (got ${JSON.stringify(issue.value)})` : '';
    const where = 'level' in issue ? ` [${issue.level}${issue.line === undefined ? '' : `, line ${issue.line}`}]` : '';
    return clip(`${formatPath(issue.path, '(message)')}: ${issue.reason}${shown}${where}`, 1000);
  });
}
