import { describe, expect, it } from 'vitest';
import { catalogueEntry, MESSAGE_CATALOGUE } from '../../src/messages/catalogue.js';
import { formatIssues } from '../../src/messages/format-issues.js';
import { formatPath } from '../../src/domain/errors.js';
import { MESSAGE_TYPES, messageSpec, schemaFamily, type MessageType } from '../../src/messages/registry.js';
import type { ElementSpec } from '../../src/messages/spec.js';

const fields = (children: readonly ElementSpec[]): string[] =>
  children.flatMap((c) => (c.kind === 'field' ? [c.name] : c.kind === 'node' ? fields(c.children) : []));

describe('message catalogue and field tables', () => {
  it('has a field table for every message in the catalogue, and no other', () => {
    for (const type of MESSAGE_TYPES) expect(messageSpec(type).type).toBe(type);
  });

  it.each(MESSAGE_TYPES.filter((t) => MESSAGE_CATALOGUE.find((e) => e.type === t)?.receipt !== undefined))(
    '%s (a declaration) starts its head with guid, appType, appTime, appStatus and requires BaseTransfer',
    (type) => {
      const spec = messageSpec(type);
      expect(fields(spec.children).slice(0, 4)).toEqual(['guid', 'appType', 'appTime', 'appStatus']);
      expect(spec.children.find((c) => c.name === 'BaseTransfer')?.minOccurs).toBe(1);
    },
  );

  it.each(MESSAGE_TYPES.filter((t) => MESSAGE_CATALOGUE.find((e) => e.type === t)?.answers !== undefined || t === 'CEB900'))(
    '%s (a receipt) carries guid, returnStatus, returnTime and returnInfo',
    (type) => {
      expect(fields(messageSpec(type).children)).toEqual(expect.arrayContaining(['guid', 'returnStatus', 'returnTime', 'returnInfo']));
    },
  );

  it('keeps the spec spelling acturalPaid (sic) and the list element gcode (not hsCode)', () => {
    expect(fields(messageSpec('CEB311').children)).toContain('acturalPaid');
    expect(fields(messageSpec('CEB621').children)).toContain('gcode');
    expect(fields(messageSpec('CEB621').children)).not.toContain('hsCode');
  });
});

describe('formatIssues', () => {
  it('prints one line per issue with the path as written and short refused values', () => {
    expect(
      formatIssues([
        { path: ['Order', 0, 'OrderHead', 'appTime'], value: '2019-03-15', reason: 'must be 14 digits.' },
        { path: [], value: undefined, reason: 'is not well-formed XML.' },
        { path: ['Order'], value: { big: true }, reason: 'is required; add it.' },
      ]),
    ).toEqual(['Order[0].OrderHead.appTime: must be 14 digits. (got "2019-03-15")', '(message): is not well-formed XML.', 'Order: is required; add it.']);
    expect(formatIssues([{ path: ['@guid'], value: 'a\u001b[31m', reason: 'has 5 characters.', level: 'schema', line: 2 }])).toEqual(['@guid: has 5 characters. (got "a\\u001b[31m") [schema, line 2]']);
    expect(formatPath(['InventoryReturn', 2, 'invtNo'])).toBe('InventoryReturn[2].invtNo');
  });
});

describe('catalogue entries agree with the field tables', () => {
  it('every type is in the catalogue once; a declaration is answered by the next number, sent by customs', () => {
    expect(MESSAGE_CATALOGUE.map((e) => e.type).sort()).toEqual([...MESSAGE_TYPES].sort());
    for (const entry of MESSAGE_CATALOGUE.filter((e) => e.receipt !== undefined)) {
      expect(catalogueEntry(entry.receipt!)).toEqual({ type: `CEB${Number(entry.type.slice(3)) + 1}`, answers: entry.type, family: entry.family, content: `Receipt for ${entry.type}`, sender: 'customs' });
    }
    expect(catalogueEntry('ceb311')?.receipt).toBe('CEB312');
    expect(catalogueEntry('CEB999')).toBeUndefined();
  });

  it('the family follows the schema: cbi for the import schema, cbe for the export one, common for CEB900', () => {
    for (const entry of MESSAGE_CATALOGUE) {
      const family = entry.type === 'CEB900' ? 'common' : schemaFamily(entry.type as MessageType) === 'import' ? 'cbi' : 'cbe';
      expect([entry.type, entry.family]).toEqual([entry.type, family]);
    }
  });

  it('each entry says what it carries and who sends it; nodes it names are nodes of its table', () => {
    const nodes = (children: readonly ElementSpec[]): string[] => children.flatMap((c) => (c.kind === 'node' ? [c.name, ...nodes(c.children)] : []));
    for (const entry of MESSAGE_CATALOGUE) {
      expect(entry.content.length * entry.sender.length).toBeGreaterThan(0);
      const named = /\(([A-Za-z]+(?: \+ [A-Za-z]+)*)\)$/.exec(entry.content)?.[1]?.split(' + ') ?? [];
      expect(nodes(messageSpec(entry.type).children)).toEqual(expect.arrayContaining(named));
    }
  });
});
