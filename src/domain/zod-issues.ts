import type { z } from 'zod';
import type { ValidationIssue } from './errors.js';

/**
 * Turns zod's issues into cbec-sim {@link ValidationIssue}s, keeping the path and the value
 * (parse with `reportInput: true` so zod records it).
 *
 * @internal
 */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    value: 'input' in issue ? issue.input : undefined,
    reason: sentence(issue.message),
  }));
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
