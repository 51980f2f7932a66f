import { expect } from 'vitest';
import { RuleError } from '../../src/domain/errors.js';

/** What a rule refused: the issues of the {@link RuleError} that `run` throws, as [path, value, reason]. */
export function ruleIssuesOf(run: () => unknown): [string, unknown, string][] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleError);
    return (e as RuleError).issues.map((i) => [i.path.join('.'), i.value, i.reason]);
  }
  throw new Error('expected a RuleError');
}
