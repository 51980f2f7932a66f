/** Turns issues into lines a person can read, for the CLI's `validate` command and logs. */
import { formatPath, type ValidationIssue } from '../domain/errors.js';

/**
 * One line per issue: `path: reason`, with the refused value when it is short text.
 *
 * @example
 * ```ts
 * formatIssues(validateMessage(xml)).forEach((line) => console.log(line));
 * // Order[0].OrderHead.appTime: must be 14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000. (got "2019-03-15")
 * ```
 */
export function formatIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map((issue) => {
    const shown = typeof issue.value === 'string' && issue.value.length <= 80 ? ` (got ${JSON.stringify(issue.value)})` : '';
    return `${formatPath(issue.path, '(message)')}: ${issue.reason}${shown}`;
  });
}
