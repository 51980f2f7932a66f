import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../src/messages/build.js';
import { unwrapDxp, wrapDxp } from '../../src/messages/dxp.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { messageSpec } from '../../src/messages/registry.js';
import type { MessageData } from '../../src/messages/spec.js';
import { described, fixture, fixtureBytes } from './helpers.js';

const order = fixture('CEB311');
const trans = { copMsgId: '3f6e1d2c-8b7a-4c5d-9e0f-1a2b3c4d5e6f', senderId: 'DXPENT0000458763', receiverIds: ['DXPEDCCEB0000002'], createTime: '2022-06-15T10:30:15+08:00', msgType: 'CEB311Message' };

describe('the DXP envelope', () => {
  it('wraps a message as base64 of its UTF-8 bytes, with business keys as <Key name="...">', () => {
    const xml = wrapDxp(order, trans, { fileName: 'CEB311.xml', bizKeys: [{ name: 'orderNo', value: 'GZE20190315000456' }, { value: 'plain' }], isText: 'UTF-8' });
    expect(xml).toContain('<Key name="orderNo">GZE20190315000456</Key>');
    expect(xml).toContain('<Key>plain</Key>');
    expect(xml).toContain('<IsText Encode="UTF-8"/>');
    expect(validateMessage(xml)).toEqual([]);
  });

  it('unwraps to the same TransInfo, AddInfo and message', () => {
    const add = { fileName: 'CEB311.xml', icCard: '8930000012345', bizKeys: [{ name: 'orderNo', value: 'GZE20190315000456' }], recMapId: '<m xmlns="urn:m">1</m>' };
    const opened = unwrapDxp(wrapDxp(order, trans, add));
    expect(opened).toEqual({ transInfo: trans, addInfo: add, xml: order });
  });

  it('unwraps the DxpMsg inside a server envelope (DxpMsgSv), and reads its fixture', () => {
    const opened = unwrapDxp(fixtureBytes('special/dxp-server'));
    expect(opened.transInfo.msgType).toBe('CEB311Message');
    expect(parseMessage(opened.xml).type).toBe('CEB311');
    expect(unwrapDxp(fixtureBytes('special/dxp-CEB311')).addInfo?.bizKeys).toEqual([
      { name: 'orderNo', value: 'GZ20190315000123' },
      { name: 'ebpCode', value: '4401960XXA' },
      { value: '20220615' },
    ]);
  });

  it('validates the platform response (DxpRep) against its schema', () => {
    expect(validateMessage(fixture('special/dxp-response'))).toEqual([]);
    expect(described(validateMessage(fixture('special/dxp-response').replace('<NoticeTime>2022-06-15', '<NoticeTime>2022-06-31')))).toEqual([
      'Response.0.NoticeTime @14 [schema]: is not a date such as 2019-03-15.',
    ]);
  });

  it('honours the encoding the message inside Data declares (a GBK message)', () => {
    const gbk = fixtureBytes('special/CEB311-gbk.202205');
    expect(unwrapDxp(wrapDxp(gbk, trans)).xml).toContain('陈小明');
  });

  it('checks ver="1.0" and a unique Id', () => {
    const env = wrapDxp(order, trans);
    expect(described(validateMessage(env.replace('ver="1.0"', 'ver="2.0" Id="a b"'), { level: 'schema' }))).toEqual([
      '@ver @2 [schema]: must be "1.0".',
      '@Id @2 [schema]: is not an XML name (letters, digits, _ - . and no colon, starting with a letter or _).',
    ]);
  });

  it('refuses what is not an envelope', () => {
    expect(() => unwrapDxp(order)).toThrow(/is <ceb:CEB311Message>, not a DxpMsg or DxpMsgSv envelope/);
    expect(() => unwrapDxp(fixture('special/dxp-response'))).toThrow(/is <DxpRep>, not a DxpMsg or DxpMsgSv envelope/);
  });
});

describe('a DXP envelope is a message too: parseMessage, validateMessage and buildMessage take it', () => {
  it('parses a DxpMsg: its fields as data (root attributes as @ver and @Id), the message in Data parsed, its guid and version', () => {
    const parsed = parseMessage(wrapDxp(order, trans, { bizKeys: [{ name: 'orderNo', value: 'GZE20190315000456' }] }).replace('ver="1.0"', 'ver="1.0" Id="m-1"'));
    expect([parsed.type, parsed.spec, parsed.guid, parsed.version]).toEqual(['DxpMsg', '202205', parseMessage(order).guid, '1.0']);
    expect(parsed.data).toEqual({
      '@ver': '1.0',
      '@Id': 'm-1',
      TransInfo: { CopMsgId: trans.copMsgId, SenderId: trans.senderId, ReceiverIds: { ReceiverId: ['DXPEDCCEB0000002'] }, CreatTime: trans.createTime, MsgType: 'CEB311Message' },
      Data: Buffer.from(order).toString('base64'),
      AddInfo: { BizKey: { Key: [{ '@name': 'orderNo', '#text': 'GZE20190315000456' }] } },
    });
    expect(parsed.message).toEqual(parseMessage(order));
  });

  it.each(['special/dxp-CEB311', 'special/dxp-server', 'special/dxp-response'])('%s round-trips: parse, build, parse gives the same data and guid', (name) => {
    const parsed = parseMessage(fixtureBytes(name));
    const rebuilt = buildMessage(parsed.type, parsed.data, parsed);
    const again = parseMessage(rebuilt);
    expect([again.type, again.data, again.guid, again.version]).toEqual([parsed.type, parsed.data, parsed.guid, parsed.version]);
    expect(validateMessage(rebuilt)).toEqual([]);
  });

  it('a server envelope carries the message of its DxpMsg; a platform response carries none (guid and version empty)', () => {
    expect(parseMessage(fixtureBytes('special/dxp-server')).message?.type).toBe('CEB311');
    const response = parseMessage(fixture('special/dxp-response'));
    expect([response.type, response.guid, response.version, response.message]).toEqual(['DxpRep', '', '', undefined]);
    expect((response.data['Response'] as MessageData[])[0]!['ResponseInfo']).toBe('报文已接收');
  });

  it('keeps RecMapId whole, with the attributes its open type allows', () => {
    const recMap = '<RecMapId route="B" xmlns="http://www.chinaport.gov.cn/dxp">M-7<x:n xmlns:x="urn:x">1</x:n></RecMapId>';
    const xml = wrapDxp(order, trans).replace('</DxpMsg>', `  <AddInfo>${recMap.replace(' xmlns="http://www.chinaport.gov.cn/dxp"', '')}</AddInfo>\n</DxpMsg>`);
    const parsed = parseMessage(xml);
    expect((parsed.data['AddInfo'] as MessageData)['RecMapId']).toBe(recMap);
    expect(parseMessage(buildMessage(parsed.type, parsed.data, parsed)).data).toEqual(parsed.data);
    expect(unwrapDxp(xml).addInfo?.recMapId).toBe('M-7<x:n xmlns:x="urn:x">1</x:n>');
  });

  it('has one version: the 202205 transport schema', () => {
    expect(messageSpec('DxpMsg').children.map((c) => c.name)).toEqual(['TransInfo', 'Data', 'AddInfo', 'Signature']);
    const parsed = parseMessage(fixture('special/dxp-CEB311'));
    expect(() => buildMessage('DxpMsg', parsed.data, { spec: '2018' })).toThrow(/spec: does not apply to the DXP envelope DxpMsg, whose schema has the 202205 version only/);
  });

  it('refuses envelope data the schema refuses, naming the field', () => {
    const { data } = parseMessage(fixture('special/dxp-CEB311'));
    const trans = data['TransInfo'] as MessageData;
    expect(() => buildMessage('DxpMsg', { ...data, TransInfo: { ...trans, SenderId: 'S'.repeat(17) } })).toThrow(/TransInfo\.SenderId: has 17 characters; it takes at most 16/);
    expect(() => buildMessage('DxpMsg', { ...data, '@Version': '1' })).toThrow(/@Version: is not an element of the message/);
  });
});
