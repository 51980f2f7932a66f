import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MessageError } from '../../src/domain/errors.js';
import { buildMessage, CEB_NAMESPACE } from '../../src/messages/build.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import type { MessageType } from '../../src/messages/registry.js';
import { testSigner } from '../../src/messages/signer.js';
import type { MessageData } from '../../src/messages/spec.js';

const sample = (type: string) => readFileSync(new URL(`../fixtures/messages/${type}.xml`, import.meta.url), 'utf8');
const receipt = parseMessage(sample('CEB312')).data;
const order = parseMessage(sample('CEB311')).data;

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
  it('writes the root with the ceb prefix, namespace, guid and version, then business node and BaseTransfer', () => {
    const xml = buildMessage('CEB311', order);
    expect(xml).toMatch(new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<ceb:CEB311Message guid="4CDE1CFD-EDED-46B1-946C-B8022E42F311" version="1.0" xmlns:ceb="${CEB_NAMESPACE}">`));
    expect(xml.indexOf('<ceb:Order>')).toBeLessThan(xml.indexOf('<ceb:BaseTransfer>'));
    expect(xml.trimEnd().endsWith('</ceb:CEB311Message>')).toBe(true);
  });

  it('writes fields in specification order whatever the order of the data', () => {
    const head = (order['Order'] as MessageData[])[0]!['OrderHead'] as MessageData;
    const reversed = Object.fromEntries(Object.entries(head).reverse());
    const xml = buildMessage('CEB311', { ...order, Order: [{ ...(order['Order'] as MessageData[])[0]!, OrderHead: reversed }] });
    expect(xml.indexOf('<ceb:guid>')).toBeLessThan(xml.indexOf('<ceb:appType>'));
    expect(xml.indexOf('<ceb:goodsValue>')).toBeLessThan(xml.indexOf('<ceb:acturalPaid>'));
  });

  it('defaults BaseTransfer.dxpMode to DXP', () => {
    const transfer = { copCode: '4401960XXA', copName: '羊城环球购', dxpId: 'DXPENT0000458763' };
    expect(parseMessage(buildMessage('CEB311', { ...order, BaseTransfer: transfer })).data['BaseTransfer']).toEqual({ ...transfer, dxpMode: 'DXP' });
  });

  it('takes the root guid from options when given', () => {
    const guid = '11111111-2222-4333-8444-555555555555';
    expect(parseMessage(buildMessage('CEB312', receipt, { guid })).guid).toBe(guid);
    expect(thrown(() => buildMessage('CEB312', receipt, { guid: 'abc' })).issues).toEqual([
      expect.objectContaining({ path: ['guid'], reason: expect.stringMatching(/^must be 36 characters of upper-case hex/) }),
    ]);
  });

  it('escapes XML specials in text and reads them back', () => {
    const odd = { ...receipt, OrderReturn: [{ ...(receipt['OrderReturn'] as MessageData[])[0]!, returnInfo: 'A&B <tag> "q" \'s ]]>' }] };
    const xml = buildMessage('CEB312', odd);
    expect(xml).toContain('A&amp;B &lt;tag&gt; &quot;q&quot; \'s ]]&gt;');
    expect(parseMessage(xml).data).toEqual(odd);
  });

  it('lists every problem with its path, in one MessageError', () => {
    const bad = {
      Order: [{ OrderHead: { guid: 'lower-case', appType: '4', appTime: '2019-03-15', orderNo: 'x'.repeat(61), extra: 'y' }, OrderList: [] }],
      BaseTransfer: { copCode: '4401960XXA', copName: '羊城环球购', dxpId: 'DXPENT0000458763' },
    };
    const error = thrown(() => buildMessage('CEB311', bad as unknown as MessageData));
    const at = (...path: (string | number)[]) => error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))?.reason;
    expect(at('Order', 0, 'OrderHead', 'guid')).toMatch(/upper-case hex/);
    expect(at('Order', 0, 'OrderHead', 'appType')).toBe("must be one of '1', '2', '3'.");
    expect(at('Order', 0, 'OrderHead', 'appTime')).toMatch(/^must be 14 digits YYYYMMDDhhmmss/);
    expect(at('Order', 0, 'OrderHead', 'orderNo')).toBe('is 61 characters long; orderNo takes at most 60.');
    expect(at('Order', 0, 'OrderHead', 'appStatus')).toBe('is required; add it.');
    expect(at('Order', 0, 'OrderHead')).toMatch(/unknown element extra/);
    expect(at('Order', 0, 'OrderList')).toBe('needs at least one OrderList.');
    expect(error.message).toMatch(/^Invalid CEB message \(\d+ issues\):\n {2}- Order\[0\]\.OrderHead\.guid: /);
  });

  it('refuses a list given as a single object, a number for text, and an unknown type', () => {
    const error = thrown(() => buildMessage('CEB312', { OrderReturn: { guid: 1 } } as unknown as MessageData));
    expect(error.issues[0]).toMatchObject({ path: ['OrderReturn'], reason: 'must be a list of OrderReturn objects, not an object.' });
    expect(thrown(() => buildMessage('CEB999' as MessageType, receipt)).issues[0]).toMatchObject({ path: ['type'], value: 'CEB999' });
  });

  it('appends the signer’s Signature after BaseTransfer; the test signer shows the XML-DSig shape', () => {
    const xml = buildMessage('CEB311', order, { signer: testSigner });
    const signature = xml.slice(xml.indexOf('<ds:Signature'));
    expect(xml.indexOf('</ceb:BaseTransfer>')).toBeLessThan(xml.indexOf('<ds:Signature'));
    expect(signature).toContain('<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>');
    expect(signature).toContain('<ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sm2-sm3"/>');
    expect(signature).toContain('<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>');
    expect(signature).toMatch(/<ds:DigestValue>[A-Za-z0-9+/]{27}=<\/ds:DigestValue>/);
    expect(signature).toContain('<ds:X509Certificate>');
    expect(validateMessage(xml)).toEqual([]);
  });

  it('gives the signer the unsigned message and what it is', () => {
    const seen: string[] = [];
    buildMessage('CEB312', receipt, { signer: (unsigned, { type, guid }) => (seen.push(type, guid, unsigned), '<Signature/>') });
    expect(seen.slice(0, 2)).toEqual(['CEB312', '4CDE1CFD-EDED-46B1-946C-B8022E42F312']);
    expect(seen[2]).toBe(buildMessage('CEB312', receipt));
  });
});

describe('parseMessage and validateMessage', () => {
  const xml = sample('CEB312');

  it('keep values as strings and lists as arrays even with one element', () => {
    const { data } = parseMessage(xml);
    expect(data['OrderReturn']).toEqual([expect.objectContaining({ returnStatus: '120' })]);
  });

  it('accept any prefix bound to the CEB namespace, and refuse a wrong namespace', () => {
    expect(validateMessage(xml.replace(/ceb:/g, 'c:').replace('xmlns:ceb', 'xmlns:c'))).toEqual([]);
    expect(validateMessage(xml.replace(CEB_NAMESPACE, 'http://example.com/ceb'))).toEqual([
      expect.objectContaining({ path: ['@xmlns:ceb'], reason: expect.stringMatching(/declare the CEB namespace/) }),
    ]);
  });

  it('report unknown, repeated, out-of-order and nested elements by path', () => {
    const broken = xml
      .replace('<ceb:orderNo>', '<ceb:ordreNo>x</ceb:ordreNo><ceb:orderNo>')
      .replace('<ceb:returnInfo>', '<ceb:returnInfo>a</ceb:returnInfo><ceb:returnInfo>')
      .replace(/(<ceb:ebpCode>.*<\/ceb:ebpCode>)(\s*)(<ceb:ebcCode>.*<\/ceb:ebcCode>)/, '$3$2$1')
      .replace(/<ceb:returnStatus>120<\/ceb:returnStatus>/, '<ceb:returnStatus><b>120</b></ceb:returnStatus>');
    const reasons = Object.fromEntries(validateMessage(broken).map((i) => [i.path.join('.'), i.reason]));
    expect(reasons['OrderReturn.0.ordreNo']).toMatch(/^is not an element of OrderReturn; remove it or fix its spelling/);
    expect(reasons['OrderReturn.0.returnInfo']).toBe('appears more than once; returnInfo may be given only once here.');
    expect(reasons['OrderReturn.0.ebpCode']).toMatch(/^is out of order; write it before ebcCode/);
    expect(reasons['OrderReturn.0.returnStatus']).toBe('must be text, not elements; remove the nested elements.');
  });

  it('decode character references and CDATA', () => {
    const text = xml.replace('<ceb:returnInfo>新增申报成功[订单入库]</ceb:returnInfo>', '<ceb:returnInfo>&#x653E;&#34892;<![CDATA[ & <ok>]]></ceb:returnInfo>');
    expect((parseMessage(text).data['OrderReturn'] as MessageData[])[0]!['returnInfo']).toBe('放行 & <ok>');
  });

  it('refuse a foreign root, a missing guid attribute and another version', () => {
    expect(validateMessage('<html/>')[0]?.reason).toMatch(/not a CEB message/);
    expect(validateMessage('<ceb:CEB999Message/>')[0]?.reason).toMatch(/not a CEB message/);
    const paths = validateMessage(xml.replace(/ guid="[^"]*"/, '').replace('version="1.0" xmlns', 'version="2.0" xmlns')).map((i) => i.path[0]);
    expect(paths).toEqual(['@guid', '@version']);
  });

  it('report a missing Signature on a declared record only when asked to', () => {
    const declared = sample('CEB311');
    expect(validateMessage(declared)).toEqual([]);
    expect(validateMessage(declared, { requireSignature: true })).toEqual([expect.objectContaining({ path: ['Signature'], reason: expect.stringMatching(/appStatus 2/) })]);
    expect(validateMessage(declared.replace('<appStatus>2</appStatus>', '<appStatus>1</appStatus>'), { requireSignature: true })).toEqual([]);
    expect(validateMessage(sample('CEB621'), { requireSignature: true })).toEqual([]);
  });

  it('accept what real files carry: a byte-order mark, CRLF line ends, no XML declaration, comments', () => {
    expect(validateMessage(`\uFEFF${xml}`)).toEqual([]);
    expect(validateMessage(xml.replace(/\n/g, '\r\n'))).toEqual([]);
    expect(validateMessage(xml.replace(/^<\?xml[^>]*>\n/, ''))).toEqual([]);
    expect(validateMessage(xml.replace('<ceb:returnInfo>', '<!-- 回执 --><ceb:returnInfo>'))).toEqual([]);
  });

  it('refuse text that is not well-formed, saying where', () => {
    expect(validateMessage(xml.replace('</ceb:orderNo>', '</ceb:orderno>'))[0]?.reason).toMatch(/^is not well-formed XML: .*\(line \d+, column \d+\)\.$/);
  });
});
