/**
 * Issues found in a message: each names the path of the element (or attribute, `@guid`), the
 * value refused, the reason, the level that found it and the source line. Reasons and values are
 * clipped, so hostile input cannot make an issue list huge.
 */
import type { ValidationIssue } from '../domain/errors.js';

/**
 * Which check found an issue: `'schema'`, what the official XSD rejects; `'business'`, the
 * checks beyond it (code tables, check digits, real dates, upper-case guids, totals).
 */
export type IssueLevel = 'schema' | 'business';

/** One problem with a message. */
export interface MessageIssue extends ValidationIssue {
  readonly level: IssueLevel;
  /** Line of the element in the XML read, from 1, when the issue comes from reading XML. */
  readonly line?: number;
}

/** Longest reason or value text kept in an issue, in characters. */
export const MAX_ISSUE_TEXT = 300;

/** `text` cut to `max` characters, marked with an ellipsis when cut. */
export function clip(text: string, max = MAX_ISSUE_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** An issue, its reason made a sentence and its value clipped. */
export function messageIssue(level: IssueLevel, path: readonly (string | number)[], reason: string, value?: unknown, line?: number): MessageIssue {
  const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
  const shown = typeof value === 'string' ? clip(value) : value;
  return { path, value: shown, reason: clip(sentence), level, ...(line === undefined ? {} : { line }) };
}
