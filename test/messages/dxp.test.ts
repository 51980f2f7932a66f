import { describe, expect, it } from 'vitest';
import { unwrapDxp, wrapDxp } from '../../src/messages/dxp.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
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
