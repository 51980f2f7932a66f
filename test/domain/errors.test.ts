import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { CbecError, isCbecError, MessageError, RuleError, ScenarioError, TransitionError, ValidationError } from '../../src/domain/errors.js';

describe('errors', () => {
  it('carries a stable code and lists every issue with its path in the message', () => {
    const e = new ScenarioError([
      { path: ['customs', 'inspectionRate'], value: 2, reason: 'must be a probability from 0 to 1.' },
      { path: ['arrivals', 0, 'channel'], value: 'x', reason: 'is not a channel.' },
    ]);
    expect(e.code).toBe('INVALID_SCENARIO');
    expect(e.name).toBe('ScenarioError');
    expect(e.message).toContain('customs.inspectionRate: must be a probability');
    expect(e.message).toContain('arrivals[0].channel: is not a channel.');
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toBeInstanceOf(CbecError);
  });

  it('has one subclass per kind of input', () => {
    const issue = [{ path: ['x'], value: 1, reason: 'r.' }];
    expect(new MessageError(issue).code).toBe('INVALID_MESSAGE');
    expect(new RuleError(issue).code).toBe('RULE');
    const t = new TransitionError('clearance.review', 'RELEASED');
    expect(t.code).toBe('TRANSITION');
    expect(t.message).toMatch(/RELEASED is not accepted in state clearance.review/);
  });

  it('recognises cbec-sim errors across realms and refuses look-alikes', () => {
    expect(isCbecError(new ValidationError([{ path: [], value: 1, reason: 'r.' }]))).toBe(true);
    const foreign = runInNewContext(`const e = new Error('x'); Object.defineProperty(e, Symbol.for('cbec-sim.error'), { value: true }); e`);
    expect(foreign instanceof CbecError).toBe(false);
    expect(isCbecError(foreign)).toBe(true);
    expect(isCbecError(new Error('x'))).toBe(false);
    expect(isCbecError({ code: 'VALIDATION' })).toBe(false);
    expect(isCbecError(null)).toBe(false);
  });
});
