import { describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGUE } from '../../src/messages/catalogue.js';
import { formatIssues } from '../../src/messages/format-issues.js';
import { formatPath } from '../../src/domain/errors.js';
import { MESSAGE_TYPES, messageSpec } from '../../src/messages/registry.js';
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
