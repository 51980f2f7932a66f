import { describe, expect, it } from 'vitest';
import { MessageError } from '../../src/domain/errors.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { described, fixture, withValue } from './helpers.js';

const order = fixture('CEB311');

describe('parseMessage', () => {
  it('returns type, spec, guid, version, data and the business findings', () => {
    const parsed = parseMessage(order);
    expect([parsed.type, parsed.spec, parsed.guid, parsed.version, parsed.issues]).toEqual(['CEB311', '202205', '4CDE1CFD-EDED-46B1-946C-B8022E421038', '1.0', []]);
    expect(Object.keys(parsed.data)).toEqual(['Order', 'BaseTransfer', 'Signature']);
  });

  it('keeps white space in values exactly, and CDATA as text', () => {
    const head = (xml: string) => (parseMessage(xml).data['Order'] as never[])[0]!['OrderHead'] as Record<string, string>;
    expect(head(order)['note']).toBe('  客户要求周末送货\n  请提前电话联系 ');
    expect(head(withValue(order, 'note', '').replace('<ceb:note></ceb:note>', '<ceb:note><![CDATA[a <b> & c]]></ceb:note>'))['note']).toBe('a <b> & c');
  });

  it('skips business checks at level schema', () => {
    expect(parseMessage(withValue(order, 'appType', '9'), { level: 'schema' }).issues).toEqual([]);
    expect(parseMessage(withValue(order, 'appType', '9')).issues.map((i) => i.path.join('.'))).toEqual(['Order.0.OrderHead.appType']);
  });

  it('reads against one version only when told', () => {
    expect(parseMessage(order, { spec: '2018' }).spec).toBe('2018');
    expect(() => parseMessage(fixture('CEB213'), { spec: '2018' })).toThrow(/exists only in the 202205 specification/);
  });

  it('reports a declared record without a Signature only when asked (business level)', () => {
    const unsigned = order.replace(/\s*<ds:Signature[\s\S]*<\/ds:Signature>/, '');
    expect(validateMessage(unsigned)).toEqual([]);
    expect(described(validateMessage(unsigned, { requireSignature: true }))).toEqual([
      'Signature @- [business]: is required because a record has appStatus 2 (declared); sign the message, or send it with appStatus 1 (saved).',
    ]);
  });

  it('throws a MessageError with every schema issue and its line', () => {
    try {
      parseMessage(withValue(withValue(order, 'appType', '12'), 'orderType', 'II'));
      throw new Error('expected a MessageError');
    } catch (e) {
      expect(e).toBeInstanceOf(MessageError);
      expect((e as MessageError).issues.map((i) => [i.path.join('.'), (i as { line?: number }).line])).toEqual([
        ['Order.0.OrderHead.appType', 6],
        ['Order.0.OrderHead.orderType', 9],
      ]);
    }
  });

  it('accepts a byte-order mark on text and a message without an XML declaration', () => {
    expect(parseMessage(`\ufeff${order}`).type).toBe('CEB311');
    expect(parseMessage(order.replace(/^<\?xml[^>]*>\n/, '')).type).toBe('CEB311');
  });
});
