import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MessageError } from '../../src/domain/errors.js';
import { MESSAGE_CATALOGUE } from '../../src/messages/catalogue.js';
import { MESSAGE_TYPES, messageSpec, messageTypesOf, schemaFamily } from '../../src/messages/registry.js';
import { describeTables } from './describe-tables.js';

const listing = (version: string) => readFileSync(new URL(`../fixtures/messages/tables-${version}.txt`, import.meta.url), 'utf8');

describe('field tables', () => {
  it.each(['2018', '202205'] as const)('of the %s specification list every element as the official schema declares it', (version) => {
    // The listing was checked element by element against the official XSDs by `npm run conformance`.
    expect(describeTables(version)).toBe(listing(version));
  });

  it('count 38 message types in 2018 and 42 in 202205, which adds CEB213-216', () => {
    expect(messageTypesOf('2018')).toHaveLength(38);
    expect(messageTypesOf('202205')).toHaveLength(42);
    expect(messageTypesOf('202205').filter((t) => !messageTypesOf('2018').includes(t))).toEqual(['CEB213', 'CEB214', 'CEB215', 'CEB216']);
  });

  it('cover exactly the catalogue', () => {
    expect([...MESSAGE_TYPES].sort()).toEqual(MESSAGE_CATALOGUE.map((e) => e.type).sort());
  });

  it('refuse an unknown type, a type outside its version and an unknown version, by name', () => {
    expect(() => messageSpec('CEB713')).toThrow(MessageError);
    expect(() => messageSpec('CEB713')).toThrow(/type: is not a known message type; use one of CEB311, CEB312/);
    expect(() => messageSpec('CEB213', '2018')).toThrow(/exists only in the 202205 specification/);
    expect(() => messageSpec('CEB311', '2019' as never)).toThrow(/spec: must be '2018' or '202205'/);
  });

  it('default to the 202205 version and are built once per type and version', () => {
    expect(messageSpec('CEB311')).toBe(messageSpec('CEB311', '202205'));
    expect(messageSpec('CEB311', '2018').version).toBe('2018');
  });

  it('put each type in the schema that declares it (CEB900 with the import schema)', () => {
    expect(['CEB311', 'CEB712', 'CEB816', 'CEB818', 'CEB900'].map((t) => schemaFamily(t as never))).toEqual(['import', 'import', 'import', 'import', 'import']);
    expect(['CEB303', 'CEB510', 'CEB213', 'CEB216', 'CEB792'].map((t) => schemaFamily(t as never))).toEqual(['export', 'export', 'export', 'export', 'export']);
  });
});
