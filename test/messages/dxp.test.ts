import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { MessageError } from '../../src/domain/errors.js';
import { DXP_NAMESPACE, unwrapDxp, wrapDxp, type DxpTransInfo } from '../../src/messages/dxp.js';
import { parseMessage } from '../../src/messages/parse.js';
import { freeText } from '../../src/testing/message-data.js';

const order = readFileSync(new URL('../fixtures/messages/CEB311.xml', import.meta.url), 'utf8');
const transInfo: DxpTransInfo = {
  copMsgId: '4CDE1CFD-EDED-46B1-946C-B8022E42F311',
  senderId: 'DXPENT0000458763',
  receiverIds: ['DXPEDCCEB0000002'],
  createTime: '2019-03-15T10:24:00',
  msgType: 'CEB311Message',
};

describe('DXP envelope', () => {
  it('wraps the business XML as base64 Data inside DxpMsg with TransInfo', () => {
    const envelope = wrapDxp(order, transInfo, { fileName: 'CEB311_20190315.xml' });
    expect(envelope).toContain(`<DxpMsg xmlns="${DXP_NAMESPACE}" ver="1.0">`);
    expect(envelope).toMatch(/<TransInfo>\s*<CopMsgId>4CDE1CFD-EDED-46B1-946C-B8022E42F311<\/CopMsgId>\s*<SenderId>DXPENT0000458763<\/SenderId>\s*<ReceiverIds>\s*<ReceiverId>DXPEDCCEB0000002<\/ReceiverId>\s*<\/ReceiverIds>\s*<CreatTime>/);
    const data = /<Data>([^<]+)<\/Data>/.exec(envelope)?.[1];
    expect(Buffer.from(data!, 'base64').toString('utf8')).toBe(order);
    expect(envelope).toContain('<AddInfo>\n    <FileName>CEB311_20190315.xml</FileName>');
  });

  it('unwraps back to the same TransInfo, AddInfo and message', () => {
    const opened = unwrapDxp(wrapDxp(order, transInfo, { bizKey: 'GZ20190315000123' }));
    expect(opened).toEqual({ transInfo, addInfo: { bizKey: 'GZ20190315000123' }, xml: order });
    expect(parseMessage(opened.xml).type).toBe('CEB311');
  });

  test.prop([fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }), fc.array(fc.stringMatching(/^DXP[A-Z]{3}\d{10}$/), { minLength: 1, maxLength: 3 }), freeText(64)])(
    'round-trips any text and any receivers',
    (xml, receiverIds, copMsgId) => {
      fc.pre(!/\p{Cs}/u.test(xml)); // a lone surrogate has no UTF-8 form
      const info = { ...transInfo, receiverIds, copMsgId };
      expect(unwrapDxp(wrapDxp(xml, info))).toEqual({ transInfo: info, xml });
    },
  );

  it('names missing or overlong TransInfo fields', () => {
    const error = (() => {
      try {
        wrapDxp(order, { ...transInfo, senderId: '', receiverIds: [] });
      } catch (e) {
        return e as MessageError;
      }
    })();
    expect(error).toBeInstanceOf(MessageError);
    expect(error?.issues.map((i) => i.path.join('.'))).toEqual(['TransInfo.SenderId', 'TransInfo.ReceiverIds.ReceiverId']);
  });

  it('refuses a foreign envelope, Data that is not base64 of UTF-8, and hostile XML', () => {
    expect(() => unwrapDxp('<DxpMsg xmlns="urn:other"/>')).toThrow(/DxpMsg element in the namespace/);
    const envelope = wrapDxp(order, transInfo);
    expect(() => unwrapDxp(envelope.replace(/<Data>[^<]+<\/Data>/, '<Data>not base64!</Data>'))).toThrow(/Data: must be base64 text/);
    expect(() => unwrapDxp(envelope.replace(/<Data>[^<]+<\/Data>/, '<Data>/w==</Data>'))).toThrow(/not base64 of UTF-8 text/);
    expect(() => unwrapDxp('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><DxpMsg/>')).toThrow(MessageError);
  });
});
