import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, messageSpec } from '../../src/messages/registry.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { requiredFieldPaths } from './required-fields.js';

const fixture = (type: string) => readFileSync(new URL(`../fixtures/messages/${type}.xml`, import.meta.url), 'utf8');

/** Removes the `nth` (from 0) element named `name`, with any prefix, from the XML text. */
function removeElement(xml: string, name: string, nth: number): string {
  const pattern = new RegExp(`\\s*<((?:\\w+:)?${name})>[^<]*</\\1>`, 'g');
  let seen = -1;
  return xml.replace(pattern, (match) => (++seen === nth ? '' : match));
}

describe('hand-written samples (test/fixtures/messages)', () => {
  it.each(MESSAGE_TYPES)('%s parses and validates', (type) => {
    const xml = fixture(type);
    expect(validateMessage(xml)).toEqual([]);
    const parsed = parseMessage(xml);
    expect(parsed.type).toBe(type);
    expect(parsed.guid).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('reads the default-namespace sample (CEB311) like a prefixed one', () => {
    const { data } = parseMessage(fixture('CEB311'));
    expect(data).toMatchObject({ Order: [{ OrderHead: { orderNo: 'GZ20190315000123', acturalPaid: '850.98', currency: '142' } }] });
  });

  it('reads a signed sample (CEB621) and leaves the Signature out of the data', () => {
    const xml = fixture('CEB621');
    expect(xml).toContain('<ds:Signature');
    expect(Object.keys(parseMessage(xml).data)).toEqual(['Inventory', 'BaseTransfer']);
  });

  const cases = MESSAGE_TYPES.flatMap((type) => {
    const spec = messageSpec(type);
    const paths = requiredFieldPaths(spec.children, parseMessage(fixture(type)).data);
    const seen = new Map<string, number>();
    return paths.map(({ path, name }) => {
      const nth = seen.get(name) ?? 0;
      seen.set(name, nth + 1);
      return { type, field: path.join('.'), path, name, nth };
    });
  });

  it.each(cases)('$type without $field gives an issue naming that field', ({ type, path, name, nth }) => {
    const xml = removeElement(fixture(type), name, nth);
    expect(xml).not.toBe(fixture(type));
    const issues = validateMessage(xml);
    expect(issues).toContainEqual(expect.objectContaining({ path, reason: 'is required; add it.' }));
    expect(() => parseMessage(xml)).toThrow(name);
  });
});
