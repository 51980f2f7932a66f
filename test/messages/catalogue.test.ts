import { describe, expect, it } from 'vitest';
import { MessageError } from '../../src/domain/errors.js';
import { MESSAGE_CATALOGUE } from '../../src/messages/catalogue.js';
import { formatIssues } from '../../src/messages/format-issues.js';
import { formatPath } from '../../src/domain/errors.js';
import { MESSAGE_TYPES, messageSpec } from '../../src/messages/registry.js';
import type { ElementSpec } from '../../src/messages/spec.js';

const fields = (children: readonly ElementSpec[]): string[] =>
  children.flatMap((c) => (c.kind === 'field' ? [c.name] : fields(c.children)));

describe('message catalogue and field tables', () => {
  it('has a field table for every message in the catalogue, and no other', () => {
    expect([...MESSAGE_TYPES].sort()).toEqual(MESSAGE_CATALOGUE.map((e) => e.type).sort());
    for (const type of MESSAGE_TYPES) expect(messageSpec(type).type).toBe(type);
  });

  it('refuses an unknown type, listing the known ones', () => {
    expect(() => messageSpec('CEB713')).toThrow(MessageError);
    expect(() => messageSpec('CEB713')).toThrow(/CEB311, CEB312/);
  });

  it.each(MESSAGE_TYPES.filter((t) => Number(t.slice(3)) % 2 === 1 && !['CEB792'].includes(t)))(
    '%s (a declaration) starts its head with guid, appType, appTime, appStatus and requires BaseTransfer',
    (type) => {
      const spec = messageSpec(type);
      expect(fields(spec.children).slice(0, 4)).toEqual(['guid', 'appType', 'appTime', 'appStatus']);
      expect(spec.children.find((c) => c.name === 'BaseTransfer')?.required).toBe(true);
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
    expect(formatPath(['InventoryReturn', 2, 'invtNo'])).toBe('InventoryReturn[2].invtNo');
  });
});
