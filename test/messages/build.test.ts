import { describe, expect, it } from 'vitest';
import { MessageError } from '../../src/domain/errors.js';
import { buildMessage } from '../../src/messages/build.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { testSigner, type Signer } from '../../src/messages/signer.js';
import type { MessageIssue } from '../../src/messages/issues.js';
import type { MessageData } from '../../src/messages/spec.js';
import { fixture } from './helpers.js';

// Fixtures are parsed inside each test, not at load time, so that each test is known to run the reader.
const data = (name: string) => parseMessage(fixture(name)).data;
const unsigned = (name: string) => (({ Signature: _s, ...rest }) => rest)(data(name) as Record<string, MessageData[string]>) as MessageData;

function thrown(fn: () => unknown): MessageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MessageError) return e;
    throw e;
  }
  throw new Error('expected a MessageError');
}

describe('buildMessage', () => {
  it('writes the root with the ceb prefix, guid and version 1.0, then the business nodes in schema order', () => {
    const xml = buildMessage('CEB311', unsigned('CEB311'));
    expect(xml.split('\n').slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<ceb:CEB311Message guid="4CDE1CFD-EDED-46B1-946C-B8022E421038" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">',
      '  <ceb:Order>',
    ]);
    expect(xml.endsWith('</ceb:CEB311Message>\n')).toBe(true);
  });

  it('keeps the guid and version it is given (a lower-case guid, v1.0)', () => {
    const xml = buildMessage('CEB311', unsigned('CEB311'), { guid: '7d3f2a10-5b6c-4e8f-9a01-23456789a000', version: 'v1.0' });
    expect(parseMessage(xml)).toEqual(expect.objectContaining({ guid: '7d3f2a10-5b6c-4e8f-9a01-23456789a000', version: 'v1.0' }));
  });

  it('refuses a guid that is not 36 characters and a version over 10, at the root attributes', () => {
    expect(thrown(() => buildMessage('CEB311', unsigned('CEB311'), { guid: 'short', version: 'v1.0.0.0.0.0' })).issues.map((i) => `${i.path.join('.')}: ${i.reason}`)).toEqual([
      '@guid: has 5 characters; it must have exactly 36.',
      '@version: has 12 characters; it takes at most 10.',
    ]);
  });

  it('defaults BaseTransfer.dxpMode to DXP', () => {
    const { dxpMode: _d, ...transfer } = unsigned('CEB311')['BaseTransfer'] as Record<string, string>;
    expect(buildMessage('CEB311', { ...unsigned('CEB311'), BaseTransfer: transfer })).toContain('<ceb:dxpMode>DXP</ceb:dxpMode>');
  });

  it('writes each value exactly: specials escaped, a carriage return kept as a character reference', () => {
    const head = { ...((unsigned('CEB311')['Order'] as MessageData[])[0]!['OrderHead'] as MessageData), note: 'a < b & c > d\r\n  "e"' };
    const xml = buildMessage('CEB311', { ...unsigned('CEB311'), Order: [{ ...(unsigned('CEB311')['Order'] as MessageData[])[0]!, OrderHead: head }] });
    expect(xml).toContain('<ceb:note>a &lt; b &amp; c &gt; d&#13;\n  "e"</ceb:note>');
    expect(((parseMessage(xml).data['Order'] as MessageData[])[0]!['OrderHead'] as MessageData)['note']).toBe('a < b & c > d\r\n  "e"');
  });

  it('builds the 2018 form when asked, refusing what only 2022-05 knows', () => {
    expect(parseMessage(buildMessage('CEB311', unsigned('CEB311'), { spec: '2018' }), { spec: '2018' }).spec).toBe('2018');
    expect(() => buildMessage('CEB213', {}, { spec: '2018' })).toThrow(/type: exists only in the 202205 specification/);
  });

  it('refuses a type whose schema requires a Signature without a signer, naming the type', () => {
    expect(thrown(() => buildMessage('CEB621', unsigned('CEB621'))).issues.map((i) => `${i.path.join('.')}: ${i.reason}`)).toEqual([
      'Signature: is required: the 202205 schema of CEB621 requires a signed message; pass a signer, a Signature in the data, or { unsigned: true } for an unsigned draft.',
    ]);
  });

  it('builds an unsigned draft when asked: not valid until signed', () => {
    const draft = buildMessage('CEB621', unsigned('CEB621'), { unsigned: true });
    expect(draft).not.toContain('Signature');
    expect(validateMessage(draft, { level: 'schema' }).map((i) => i.path.join('.'))).toEqual(['Signature']);
  });

  it('places the signer\'s Signature where the schema puts it: last on import, before ExtendMessage on export', () => {
    const context: unknown[] = [];
    const spy: Signer = (xml, ctx) => {
      context.push([xml.includes('Signature'), ctx]);
      return testSigner(xml, ctx);
    };
    const imported = buildMessage('CEB621', unsigned('CEB621'), { signer: spy });
    expect(context).toEqual([[false, { type: 'CEB621', guid: '4CDE1CFD-EDED-46B1-946C-B8022E421046', spec: '202205' }]]);
    expect(imported.indexOf('<ds:Signature')).toBeGreaterThan(imported.indexOf('</ceb:BaseTransfer>'));
    const extended = { ...unsigned('CEB603'), ExtendMessage: { name: 'erp', version: '1', Message: '<x xmlns="urn:x"/>' } };
    const exported = buildMessage('CEB603', extended, { signer: testSigner });
    expect(exported.indexOf('<ds:Signature')).toBeLessThan(exported.indexOf('<ceb:ExtendMessage>'));
    expect(validateMessage(exported, { level: 'schema' })).toEqual([]);
  });

  it('keeps a Signature given in the data and ignores a signer on a type without one (a receipt)', () => {
    expect(buildMessage('CEB621', data('CEB621'))).toContain(data('CEB621')['Signature'] as string);
    const receipt = parseMessage(fixture('CEB622'));
    expect(buildMessage('CEB622', receipt.data, { signer: testSigner })).not.toContain('Signature');
  });

  it('a signer that returns something else than a ds:Signature is refused', () => {
    expect(() => buildMessage('CEB621', unsigned('CEB621'), { signer: () => '<Signature/>' })).toThrow(/Signature: must be one ds:Signature element/);
  });

  it('refuses business problems only when asked to', () => {
    const head = { ...((unsigned('CEB311')['Order'] as MessageData[])[0]!['OrderHead'] as MessageData), appTime: '20190231102400' };
    const data = { ...unsigned('CEB311'), Order: [{ ...(unsigned('CEB311')['Order'] as MessageData[])[0]!, OrderHead: head }] };
    expect(buildMessage('CEB311', data)).toContain('20190231102400');
    expect(thrown(() => buildMessage('CEB311', data, { level: 'business' })).issues.map((i) => [i.path.join('.'), (i as MessageIssue).level])).toEqual([['Order.0.OrderHead.appTime', 'business']]);
  });

  it('names a missing required element and one too many lines', () => {
    const { BaseTransfer: _b, ...noTransfer } = unsigned('CEB311') as Record<string, MessageData[string]>;
    expect(thrown(() => buildMessage('CEB311', noTransfer as MessageData)).issues.map((i) => i.path.join('.'))).toEqual(['BaseTransfer']);
    const lines = Array.from({ length: 100 }, (_, i) => ({ ...((unsigned('CEB311')['Order'] as MessageData[])[0]!['OrderList'] as MessageData[])[0]!, gnum: String(i + 1) }));
    const tooMany = { ...unsigned('CEB311'), Order: [{ ...(unsigned('CEB311')['Order'] as MessageData[])[0]!, OrderList: lines }] };
    expect(thrown(() => buildMessage('CEB311', tooMany)).issues.map((i) => `${i.path.join('.')}: ${i.reason}`)).toEqual(['Order.0.OrderList.99: is out of order or repeated too often (expected nothing more here).']);
  });
});
