import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/customs/scripts.js';
import { ValidationError } from '../../src/domain/errors.js';

/** The issues `parseScript` refuses `script` with: path and reason. */
function refusal(script: string | readonly string[], field?: string): { path: readonly (string | number)[]; reason: string; value: unknown }[] {
  try {
    parseScript(script, field);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).message).toMatch(/^Invalid script \(/);
    return (e as ValidationError).issues.map(({ path, reason, value }) => ({ path, reason, value }));
  }
  throw new Error('expected a refusal');
}

describe('script words, one by one', () => {
  it.each([
    ['send-fail:order', { kind: 'send-fail', doc: 'order' }],
    ['send-fail:payment', { kind: 'send-fail', doc: 'payment' }],
    ['send-fail:waybill', { kind: 'send-fail', doc: 'waybill' }],
    ['send-fail:list', { kind: 'send-fail', doc: 'list' }],
    ['inspect:fail', { kind: 'inspect', outcome: 'fail' }],
    ['inspect:detain-501', { kind: 'inspect', outcome: 501 }],
    ['inspect:detain-503', { kind: 'inspect', outcome: 503 }],
    ['inspect:detain-599', { kind: 'inspect', outcome: 599 }],
    ['cancel:after-departure', { kind: 'cancel', when: 'after-departure' }],
    ['return:day-0', { kind: 'return', day: 0, lapsed: false }],
    ['return:day-999-lapsed', { kind: 'return', day: 999, lapsed: true }],
    ['reject:quota-exceeded', { kind: 'reject', reason: 'quota-exceeded' }],
  ])('%s', (word, step) => {
    expect(parseScript(word)).toEqual([step]);
    expect(parseScript([` ${word} `])).toEqual([step]);
  });

  it.each([
    ['review:now', "'review' takes no argument."],
    ['reexport:yes', "'reexport' takes no argument."],
    ['reject', "'reject' needs a reason code such as 'reject:payment-missing'."],
    ['send-fail', "'send-fail' needs one of order, payment, waybill, list."],
    ['send-fail:receipt', "'send-fail' needs one of order, payment, waybill, list."],
    ['inspect', "'inspect' needs pass, fail or detain-501, detain-502, detain-503, detain-599."],
    ['inspect:xdetain-501', "'inspect' needs pass, fail or detain-501, detain-502, detain-503, detain-599."],
    ['inspect:detain-501x', "'inspect' needs pass, fail or detain-501, detain-502, detain-503, detain-599."],
    ['inspect:detain-500', "'inspect' needs pass, fail or detain-501, detain-502, detain-503, detain-599."],
    ['cancel', "'cancel' needs before-release or after-departure."],
    ['cancel:later', "'cancel' needs before-release or after-departure."],
    ['return', "'return' needs a day after release, e.g. 'return:day-12' or 'return:day-12-lapsed'."],
    ['return:xday-5', "'return' needs a day after release, e.g. 'return:day-12' or 'return:day-12-lapsed'."],
    ['return:day-5-lapsedx', "'return' needs a day after release, e.g. 'return:day-12' or 'return:day-12-lapsed'."],
    ['return:day-1000', "'return' needs a day after release, e.g. 'return:day-12' or 'return:day-12-lapsed'."],
    [':review', 'is not a script word; use reject:<reason>, send-fail:<doc>, review, inspect:<outcome>, reexport, cancel:<when> or return:day-<n>.'],
  ])('refuses %s: %s', (word, reason) => {
    expect(refusal(word)).toEqual([{ path: ['script', 0], reason, value: word }]);
  });

  it('splits text at runs of commas and white space, and reports each bad word at its index', () => {
    expect(parseScript('review,,  reexport ,\ninspect:pass')).toEqual([{ kind: 'review' }, { kind: 'reexport' }, { kind: 'inspect', outcome: 'pass' }]);
    expect(refusal('review,, bad,\tworse', 'orders[2].script').map((i) => i.path)).toEqual([
      ['orders[2].script', 1],
      ['orders[2].script', 2],
    ]);
  });
});
