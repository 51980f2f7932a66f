import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isCbecError, MessageError } from '../../src/domain/errors.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { MESSAGE_TYPES } from '../../src/messages/registry.js';

const samples = MESSAGE_TYPES.map((type) => readFileSync(new URL(`../fixtures/messages/${type}.xml`, import.meta.url), 'utf8'));

/** parseMessage either returns or throws a MessageError whose issues all have a path and a reason. */
function returnsOrRefuses(xml: string): void {
  try {
    parseMessage(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(MessageError);
    expect(isCbecError(e)).toBe(true);
    const issues = (e as MessageError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(Array.isArray(issue.path)).toBe(true);
      expect(issue.reason).toMatch(/\S.*[.!?]$/);
    }
  }
  expect(() => validateMessage(xml)).not.toThrow();
}

const xmlish = fc.string({ unit: fc.constantFrom('<', '>', '/', '=', '"', '&', ';', '#', 'x', ':', 'ceb', 'CEB311Message', '!', '[', ']', '?', ' ', '\n', 'a') });

/** A sample with one edit: a slice removed, duplicated, or replaced by noise. */
const mutated = fc
  .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('delete', 'duplicate', 'replace'), xmlish)
  .map(([xml, at, length, how, noise]) => {
    const start = at % xml.length;
    const end = Math.min(xml.length, start + length);
    const slice = xml.slice(start, end);
    const middle = how === 'delete' ? '' : how === 'duplicate' ? slice + slice : noise;
    return xml.slice(0, start) + middle + xml.slice(end);
  });

describe('parseMessage on hostile input', () => {
  test.prop([fc.string()])('arbitrary strings only ever return or throw MessageError', returnsOrRefuses);

  test.prop([xmlish])('XML-looking noise only ever returns or throws MessageError', returnsOrRefuses);

  test.prop([mutated], { numRuns: 500 })('mutated samples only ever return or throw MessageError', returnsOrRefuses);

  test.prop([fc.anything()])('non-string input is refused with MessageError', (value) => {
    fc.pre(typeof value !== 'string');
    expect(() => parseMessage(value as string)).toThrow(MessageError);
    expect(validateMessage(value as string)).toHaveLength(1);
  });
});
