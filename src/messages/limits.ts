/**
 * Caps that keep reading hostile input cheap. A caller may lower any cap and raise it up to its
 * ceiling; a cap can never be removed: a limit that is not a whole number from 1 up to its
 * ceiling (0, -1, NaN, Infinity, 2.5, text) is refused with a {@link LimitError}.
 */
import { ValidationError, type ValidationIssue } from '../domain/errors.js';

/** Limits applied before and while XML is read. */
export interface ParseLimits {
  /** Largest input accepted, in bytes (UTF-8 bytes for text). Default 5 MiB, at most 256 MiB. */
  readonly maxBytes: number;
  /** Deepest element nesting accepted. Default 32 (a signed CEB message needs 7), at most 256. */
  readonly maxDepth: number;
  /** Most same-named sibling elements accepted (e.g. InventoryList lines). Default 1000, at most 1,000,000. */
  readonly maxRepeat: number;
  /** Most issues reported for one message. Default 100, at most 10,000. */
  readonly maxIssues: number;
}

/** The default {@link ParseLimits}. */
export const DEFAULT_LIMITS: ParseLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 32, maxRepeat: 1000, maxIssues: 100 };

/** The highest value each limit may be raised to. */
export const LIMIT_CEILINGS: ParseLimits = { maxBytes: 256 * 1024 * 1024, maxDepth: 256, maxRepeat: 1_000_000, maxIssues: 10_000 };

/** Limits that are not whole numbers within their range. */
export class LimitError extends ValidationError {
  override readonly name: string = 'LimitError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'Invalid limits');
  }
}

/**
 * The defaults with `limits` applied, each checked.
 *
 * @throws {@link LimitError} naming each limit that is not a whole number from 1 to its ceiling
 */
export function resolveLimits(limits: Partial<ParseLimits> | undefined): ParseLimits {
  const resolved = { ...DEFAULT_LIMITS };
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(limits ?? {}) as [keyof ParseLimits, unknown][]) {
    if (!(key in DEFAULT_LIMITS)) {
      issues.push({ path: ['limits', key], value, reason: `is not a limit; use ${Object.keys(DEFAULT_LIMITS).join(', ')}.` });
      continue;
    }
    if (value === undefined) continue;
    const ceiling = LIMIT_CEILINGS[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > ceiling) {
      issues.push({ path: ['limits', key], value, reason: `must be a whole number from 1 to ${ceiling}; a limit can be lowered, never removed.` });
      continue;
    }
    resolved[key] = value;
  }
  if (issues.length > 0) throw new LimitError(issues);
  return resolved;
}
