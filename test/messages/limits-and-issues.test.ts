/**
 * The reader's caps (defaults, ceilings, what is refused) and the shape of an issue: a reason
 * made a sentence, values and reasons clipped, one printed line per issue.
 */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/messages/format-issues.js';
import { clip, MAX_ISSUE_TEXT, messageIssue } from '../../src/messages/issues.js';
import { DEFAULT_LIMITS, LIMIT_CEILINGS, LimitError, resolveLimits } from '../../src/messages/limits.js';

function refused(limits: Record<string, unknown>): LimitError {
  try {
    resolveLimits(limits);
  } catch (e) {
    if (e instanceof LimitError) return e;
    throw e;
  }
  throw new Error('expected a LimitError');
}

describe('limits: 5 MiB, depth 32, 1000 repeats, 100 issues by default; raised at most to 256 MiB, 256, 1,000,000, 10,000', () => {
  it('the defaults and the ceilings', () => {
    expect(resolveLimits(undefined)).toEqual({ maxBytes: 5_242_880, maxDepth: 32, maxRepeat: 1000, maxIssues: 100 });
    expect(resolveLimits({})).toEqual(DEFAULT_LIMITS);
    expect(LIMIT_CEILINGS).toEqual({ maxBytes: 268_435_456, maxDepth: 256, maxRepeat: 1_000_000, maxIssues: 10_000 });
  });

  it('a limit may be lowered to 1 or raised to exactly its ceiling; a limit given as undefined (from JavaScript) keeps its default', () => {
    expect(resolveLimits({ maxBytes: 268_435_456, maxDepth: 256, maxRepeat: 1_000_000, maxIssues: 1 })).toEqual({ maxBytes: 268_435_456, maxDepth: 256, maxRepeat: 1_000_000, maxIssues: 1 });
    expect(resolveLimits({ maxDepth: undefined, maxIssues: 10_000 } as never)).toEqual({ ...DEFAULT_LIMITS, maxIssues: 10_000 });
  });

  it('one above the ceiling is refused, each bad limit named with its range', () => {
    const error = refused({ maxIssues: 10_001, maxDepth: 257, maxRepeat: 3 });
    expect([error.name, error.message.startsWith('Invalid limits')]).toEqual(['LimitError', true]);
    expect(error.issues).toEqual([
      { path: ['limits', 'maxIssues'], value: 10_001, reason: 'must be a whole number from 1 to 10000; a limit can be lowered, never removed.' },
      { path: ['limits', 'maxDepth'], value: 257, reason: 'must be a whole number from 1 to 256; a limit can be lowered, never removed.' },
    ]);
  });

  it('an unknown key is named with the keys there are, and does not stop the others being checked', () => {
    expect(refused({ maxLines: 5, maxDepth: 0 }).issues.map((i) => [i.path.join('.'), i.reason])).toEqual([
      ['limits.maxLines', 'is not a limit; use maxBytes, maxDepth, maxRepeat, maxIssues.'],
      ['limits.maxDepth', 'must be a whole number from 1 to 256; a limit can be lowered, never removed.'],
    ]);
  });
});

describe('issues: a sentence, clipped to 300 characters', () => {
  it('a reason ends with a full stop unless it ends with . ! or ?', () => {
    expect(messageIssue('schema', ['a'], 'is required').reason).toBe('is required.');
    expect(['is required.', 'is required!', 'is required?'].map((r) => messageIssue('schema', [], r).reason)).toEqual(['is required.', 'is required!', 'is required?']);
    expect(messageIssue('schema', [], 'ends with a dot.x').reason).toBe('ends with a dot.x.');
  });

  it('text is kept up to 300 characters; longer text keeps 299 and an ellipsis', () => {
    expect(MAX_ISSUE_TEXT).toBe(300);
    expect(clip('x'.repeat(300))).toBe('x'.repeat(300));
    expect(clip('x'.repeat(301))).toBe(`${'x'.repeat(299)}…`);
    expect(clip('abcdef', 4)).toBe('abc…');
    const issue = messageIssue('business', ['note'], 'r'.repeat(400), 'v'.repeat(400));
    expect([issue.reason.length, (issue.value as string).length]).toEqual([300, 300]);
  });

  it('a value that is not text is kept as it is; the line only when known, line 0 included', () => {
    const value = { a: 'x'.repeat(400) };
    expect(messageIssue('schema', ['p'], 'r', value)).toEqual({ path: ['p'], value, reason: 'r.', level: 'schema' });
    expect('line' in messageIssue('schema', ['p'], 'r', 'v')).toBe(false);
    expect(messageIssue('schema', ['p'], 'r', 'v', 0).line).toBe(0);
  });
});

describe('formatIssues: one line per issue', () => {
  it('a refused value of up to 80 characters is quoted; a longer one is left out', () => {
    const line = (value: string) => formatIssues([{ path: ['note'], value, reason: 'is too long.' }])[0];
    expect(line('x'.repeat(80))).toBe(`note: is too long. (got "${'x'.repeat(80)}")`);
    expect(line('x'.repeat(81))).toBe('note: is too long.');
  });

  it('the level alone when there is no line', () => {
    expect(formatIssues([messageIssue('business', ['a'], 'r')])).toEqual(['a: r. [business]']);
  });

  it('a line is cut at 1000 characters', () => {
    const [line] = formatIssues([{ path: ['p'.repeat(1200)], value: undefined, reason: 'r.' }]);
    expect(line).toHaveLength(1000);
    expect(line!.endsWith('…')).toBe(true);
  });
});
