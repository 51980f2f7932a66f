import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/customs/scripts.js';
import { ValidationError } from '../../src/domain/errors.js';

describe('scripted outcomes', () => {
  it('parses the vocabulary, as text or as a list', () => {
    expect(parseScript('reject:payment-missing, review inspect:detain-502')).toEqual([
      { kind: 'reject', reason: 'payment-missing' },
      { kind: 'review' },
      { kind: 'inspect', outcome: 502 },
    ]);
    expect(parseScript(['inspect:pass', 'reexport', 'cancel:before-release', 'return:day-12', 'return:day-3-lapsed', 'send-fail:list'])).toEqual([
      { kind: 'inspect', outcome: 'pass' },
      { kind: 'reexport' },
      { kind: 'cancel', when: 'before-release' },
      { kind: 'return', day: 12, lapsed: false },
      { kind: 'return', day: 3, lapsed: true },
      { kind: 'send-fail', doc: 'list' },
    ]);
    expect(parseScript('')).toEqual([]);
  });

  it('refuses unknown words with a ValidationError naming the field and index', () => {
    expect(() => parseScript('review, explode, reject:bored', 'orders[3].script')).toThrow(ValidationError);
    try {
      parseScript('review, explode, reject:bored', 'orders.script');
    } catch (error) {
      const issues = (error as ValidationError).issues;
      expect(issues.map((i) => i.path)).toEqual([
        ['orders.script', 1],
        ['orders.script', 2],
      ]);
      expect(issues[1]?.reason).toMatch(/reason code/);
    }
    expect(() => parseScript('inspect:detain-504')).toThrow(/detain-501/);
    expect(() => parseScript('return:day-x')).toThrow(/return:day-12/);
  });
});
