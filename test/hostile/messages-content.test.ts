/**
 * Hostile input to cbec-sim/messages: broken encodings, XML that is not well-formed in subtle
 * ways, envelopes that lie about their content, and values that only look right. Each case names
 * the exact issue (path, level, reason) or the exact error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MessageError } from '../../src/domain/errors.js';
import { buildMessage } from '../../src/messages/build.js';
import { unwrapDxp, wrapDxp } from '../../src/messages/dxp.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { decodeXmlBytes } from '../../src/messages/xml/decode-bytes.js';
import { described, fixture, fixtureBytes, withValue } from '../messages/helpers.js';
import type { MessageData } from '../../src/messages/spec.js';

const order = fixture('CEB311');
const utf8 = (text: string) => new TextEncoder().encode(text);
const reasons = (input: string | Uint8Array, level: 'schema' | 'business' = 'business') => validateMessage(input, { level }).map((i) => i.reason);

describe('bytes that are not what they claim are refused with the offset of the first bad byte, never read as U+FFFD', () => {
  it('invalid UTF-8 in a buyer name', () => {
    const bytes = utf8(order);
    const at = bytes.indexOf(0xe9); // the lead byte of a three-byte character
    const broken = Uint8Array.from(bytes);
    broken[at + 1] = 0x41;
    expect(reasons(broken)).toEqual([`is not valid UTF-8: the byte at offset ${at} (0xe9) cannot be decoded; re-save the file in the encoding its declaration names.`]);
    expect(() => parseMessage(broken)).toThrow(MessageError);
  });

  it('a lone continuation byte, a truncated sequence at the end, an overlong form', () => {
    for (const [bytes, offset] of [
      [Uint8Array.of(...utf8('<a>'), 0x80, ...utf8('</a>')), 3],
      [Uint8Array.of(...utf8('<a>x</a>'), 0xe4, 0xb8), 8],
      [Uint8Array.of(...utf8('<a>'), 0xe4, 0x41, ...utf8('</a>')), 3],
      [Uint8Array.of(...utf8('<a>'), 0xc0, 0xaf, ...utf8('</a>')), 3],
    ] as const) {
      expect(decodeXmlBytes(bytes)).toEqual(expect.objectContaining({ offset }));
    }
  });

  it('a GBK declaration over bytes that are not GBK', () => {
    const bytes = Uint8Array.of(...utf8('<?xml version="1.0" encoding="GBK"?><a>'), 0x81, 0x20, ...utf8('</a>'));
    expect(decodeXmlBytes(bytes)).toEqual({ problem: 'is not valid GBK: the byte at offset 39 (0x81) cannot be decoded; re-save the file in the encoding its declaration names', offset: 39 });
  });

  it('a GBK file read as GBK keeps the buyer name intact', () => {
    const parsed = parseMessage(fixtureBytes('special/CEB311-gbk.202205'));
    expect(((parsed.data['Order'] as never[])[0]!['OrderHead'] as Record<string, string>)['buyerName']).toBe('陈小明');
  });

  it('a UTF-16 file with a byte-order mark is read; one without is refused', () => {
    expect(parseMessage(fixtureBytes('special/CEB412-utf16.202205')).type).toBe('CEB412');
    const noBom = fixtureBytes('special/CEB412-utf16.202205').subarray(2);
    expect(reasons(noBom)).toEqual(['looks like UTF-16 or UTF-32 without a byte-order mark; save it as UTF-8, or as UTF-16 with a byte-order mark.']);
  });

  it('a byte-order mark that contradicts the declaration', () => {
    expect(reasons(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('<?xml version="1.0" encoding="GBK"?><a/>')))).toEqual(['starts with a UTF-8 byte-order mark but declares encoding="GBK"; make them agree.']);
  });

  it('an encoding cbec-sim does not read is named, not guessed', () => {
    expect(reasons(utf8('<?xml version="1.0" encoding="EBCDIC-CP-US"?><a/>'))).toEqual(['declares encoding="EBCDIC-CP-US", which cbec-sim does not read; use UTF-8, GBK, GB18030 or UTF-16.']);
  });

  it('US-ASCII and ISO-8859-1 are checked byte by byte', () => {
    expect(decodeXmlBytes(Uint8Array.of(...utf8('<?xml version="1.0" encoding="US-ASCII"?><a>'), 0xe9, ...utf8('</a>')))).toEqual({ problem: 'has byte 0xe9, which is not US-ASCII', offset: 44 });
    expect(decodeXmlBytes(Uint8Array.of(...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...utf8('</a>')))).toEqual({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>', encoding: 'ISO-8859-1' });
  });

  it('a lone surrogate in text given as a string is not XML', () => {
    expect(reasons(withValue(order, 'buyerName', '陈\ud800明'))).toEqual(['holds a lone surrogate (U+D800) at character 977, which is not text; the string was cut or mis-decoded.']);
  });
});

describe('XML that is almost well-formed', () => {
  it.each([
    ['an undeclared namespace prefix', order.replace('<ceb:appType>1</ceb:appType>', '<x:appType>1</x:appType>'), /unbound namespace prefix: "x"/],
    ['a duplicate attribute', order.replace('version="1.0" xmlns', 'version="1.0" version="1.0" xmlns'), /duplicate attribute: version/],
    ['the same attribute under two prefixes of one namespace', order.replace('version="1.0" xmlns', 'version="1.0" xmlns:p="urn:p" xmlns:q="urn:p" p:a="1" q:a="2" xmlns'), /duplicate attribute: \{urn:p\}a/],
    ['text after the root', `${order}junk`, /text data outside of root node/],
    ['two roots', `${order}<b/>`, /documents may contain only one root/],
    ['"]]>" in text', withValue(order, 'note', 'a ]]> b'), /the string "]]>" is disallowed in char data/],
    ['"<" in an attribute', order.replace('version="1.0" xmlns', 'version="<" xmlns'), /disallowed character/],
    ['a control character', withValue(order, 'note', 'a\u0001b'), /disallowed character/],
    ['an undefined entity', withValue(order, 'note', '&nbsp;'), /undefined entity/],
    ['a mismatched close tag', order.replace('</ceb:OrderHead>', '</ceb:OrderHeads>'), /unexpected close tag/],
    ['an XML declaration that is not first', ` ${order}`, /an XML declaration must be at the start of the document/],
  ])('%s is one schema-level issue with its line', (_name, xml, reason) => {
    const issues = validateMessage(xml);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual(expect.objectContaining({ path: [], level: 'schema', reason: expect.stringMatching(reason), line: expect.any(Number) }));
  });
});

describe('envelopes and messages that do not say what they hold', () => {
  const envelope = (msgType: string) =>
    wrapDxp(order, { copMsgId: 'c1', senderId: 'DXPENT0000458763', receiverIds: ['DXPEDCCEB0000002'], createTime: '2022-06-15T10:30:15', msgType });

  it('a DXP envelope whose MsgType differs from its body is a business issue at TransInfo.MsgType', () => {
    expect(described(validateMessage(envelope('CEB621Message')))).toEqual(['TransInfo.MsgType @- [business]: must name the message in Data, CEB311Message.']);
    expect(validateMessage(envelope('CEB311Message'))).toEqual([]);
  });

  it('the message inside an envelope is checked too, its paths under Data; wrapDxp refuses to send it', () => {
    const message = withValue(order, 'appType', '12');
    const bad = envelope('CEB311Message').replace(/<Data>[^<]*<\/Data>/, `<Data>${Buffer.from(message).toString('base64')}</Data>`);
    expect(described(validateMessage(bad, { level: 'schema' }))).toEqual(['Data.Order.0.OrderHead.appType @- [schema]: has 2 characters; it must have exactly 1.']);
    expect(() => parseMessage(bad)).toThrow(/Data\.Order\[0\]\.OrderHead\.appType: has 2 characters/);
    expect(() => wrapDxp(message, { copMsgId: 'c1', senderId: 'S', receiverIds: ['R'], createTime: '2022-06-15T10:30:15', msgType: 'CEB311Message' })).toThrow(
      /Data\.Order\[0\]\.OrderHead\.appType: has 2 characters/,
    );
  });

  it('Data that holds no CEB message is a business finding: the envelope schema takes any bytes', () => {
    const other = envelope('CEB311Message').replace(/<Data>[^<]*<\/Data>/, `<Data>${Buffer.from('<Declaration xmlns="urn:other"/>').toString('base64')}</Data>`);
    expect(validateMessage(other, { level: 'schema' })).toEqual([]);
    expect(described(validateMessage(other))).toEqual(['Data @- [business]: holds no CEB message cbec-sim reads: it has root <Declaration> in namespace "urn:other".']);
    expect(parseMessage(other).message).toBeUndefined();
  });

  it('an envelope refuses six receivers and a 17-character sender when it is written', () => {
    expect(() => wrapDxp(order, { copMsgId: 'c', senderId: 'DXPENT00004587631', receiverIds: ['A', 'B', 'C', 'D', 'E', 'F'], createTime: '2022-06-15T10:30:15', msgType: 'CEB311Message' })).toThrow(
      /TransInfo\.SenderId: has 17 characters; it takes at most 16[\s\S]*TransInfo\.ReceiverIds\.ReceiverId\[5\]: is out of order or repeated too often/,
    );
  });

  it('CreatTime must be an XML dateTime, not the CEB 14 digits', () => {
    expect(() => wrapDxp(order, { copMsgId: 'c', senderId: 'S', receiverIds: ['R'], createTime: '20220615103015', msgType: 'CEB311Message' })).toThrow(/TransInfo\.CreatTime: is not a date and time/);
  });

  it('Data that is not base64, or base64 of bytes that are not the declared encoding', () => {
    const text = envelope('CEB311Message').replace(/<Data>[^<]*<\/Data>/, '<Data>not*base64</Data>');
    expect(described(validateMessage(text))).toEqual([expect.stringMatching(/^Data @\d+ \[schema\]: is not base64 text/)]);
    const latin = envelope('CEB311Message').replace(/<Data>[^<]*<\/Data>/, `<Data>${Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]).toString('base64')}</Data>`);
    expect(() => unwrapDxp(latin)).toThrow(/Data: holds a message that is not valid UTF-8: the byte at offset 3/);
    expect(described(validateMessage(latin))).toEqual([expect.stringMatching(/^Data @- \[business\]: holds no CEB message cbec-sim reads: it is not valid UTF-8: the byte at offset 3/)]);
  });
});

describe('values that only look right (business level, each issue with its level)', () => {
  const business = (xml: string) => described(validateMessage(xml).filter((i) => i.level === 'business'));

  it('appTime 20190231102400 is not a real date', () => {
    expect(business(withValue(order, 'appTime', '20190231102400'))).toEqual([
      'Order.0.OrderHead.appTime @- [business]: must be a real date and time as 14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000.',
    ]);
    expect(validateMessage(withValue(order, 'appTime', '20190231102400'), { level: 'schema' })).toEqual([]);
  });

  it('a resident ID number with a wrong check digit, and one born in 2099', () => {
    expect(business(withValue(order, 'buyerIdNumber', '440106199003071232'))).toEqual([
      'Order.0.OrderHead.buyerIdNumber @- [business]: is a resident ID number (buyerIdType 1) that has check character 2 but the first 17 digits require 1; a digit was mistyped.',
    ]);
    expect(business(withValue(order, 'buyerIdNumber', '44010620990307123X'))).toHaveLength(1);
  });

  it('a lower-case guid is fine for the schema and flagged by the business check', () => {
    const lower = order.replace(/4CDE1CFD-EDED-46B1-946C-B8022E421038/g, '4cde1cfd-eded-46b1-946c-b8022e421038');
    expect(validateMessage(lower, { level: 'schema' })).toEqual([]);
    expect(business(lower).map((l) => l.split(' @')[0])).toEqual(['@guid', 'Order.0.OrderHead.guid']);
  });

  it('codes outside their tables: appType 9, currency 999 on an export order, tradeMode 8888', () => {
    expect(business(withValue(order, 'appType', '9'))).toEqual(["Order.0.OrderHead.appType @- [business]: must be one of '1', '2', '3'."]);
    expect(business(withValue(fixture('CEB303'), 'currency', '999'))).toEqual(['Order.0.OrderHead.currency @- [business]: must be a known 3-digit customs currency code, e.g. 142 (CNY) or 502 (USD).']);
    expect(business(withValue(fixture('CEB621'), 'tradeMode', '8888')).map((l) => l.split(':')[0])).toEqual(['Inventory.0.InventoryHead.tradeMode @- [business]']);
  });

  it('codes checked against the full customs tables: units, transport modes, countries', () => {
    const list = fixture('CEB621');
    expect(business(withValue(list, 'unit', '999'))).toEqual(['Inventory.0.InventoryList.0.unit @- [business]: must be a known 3-digit customs unit code, e.g. 035 (kg) or 142 (piece).']);
    expect(business(withValue(list, 'unit', '007'))).toEqual([]);
    expect(business(withValue(list, 'trafMode', 'Q'))).toEqual(['Inventory.0.InventoryHead.trafMode @- [business]: must be a known customs transport-mode code, e.g. 5 (air), 4 (road) or 6 (post).']);
    expect(business(withValue(list, 'trafMode', 'W'))).toEqual([]);
    expect(business(withValue(list, 'country', '326'))).toEqual([]);
    expect(business(withValue(list, 'country', '998'))).toEqual(['Inventory.0.InventoryHead.country @- [business]: must be a known 3-digit customs country code, e.g. 142 (China) or 116 (Japan).']);
  });

  it('totals that do not add up: goodsValue, acturalPaid and a line total', () => {
    expect(business(withValue(order, 'goodsValue', '761.00'))).toEqual([
      'Order.0.OrderHead.acturalPaid @- [business]: must equal goodsValue + freight + taxTotal - discount (851.98).',
      'Order.0.OrderHead.goodsValue @- [business]: must equal the sum of the OrderList totalPrice values (760).',
    ]);
    expect(business(withValue(order, 'totalPrice', '770.00'))).toEqual([
      'Order.0.OrderList.0.totalPrice @- [business]: must equal qty × price (2 × 380 = 760).',
      'Order.0.OrderHead.goodsValue @- [business]: must equal the sum of the OrderList totalPrice values (770).',
    ]);
  });

  it('a negative amount the schema allows', () => {
    expect(business(withValue(order, 'freight', '-20.00'))).toEqual(expect.arrayContaining(['Order.0.OrderHead.freight @- [business]: must not be negative.']));
  });

  it('line numbers that skip', () => {
    expect(business(withValue(order, 'gnum', '2'))).toEqual(['Order.0.OrderList.0.gnum @- [business]: must be 1: line numbers run 1, 2, 3 … in document order.']);
  });

  it('business findings never stop a parse; they come back in issues', () => {
    const parsed = parseMessage(withValue(order, 'appTime', '20190231102400'));
    expect(parsed.issues.map((i) => [i.path.join('.'), i.level])).toEqual([['Order.0.OrderHead.appTime', 'business']]);
  });
});

describe('building refuses what it cannot send', () => {
  let data: MessageData = {};
  beforeEach(() => {
    data = parseMessage(order).data;
  });

  it('a value XML cannot carry, by path', () => {
    expect(() => buildMessage('CEB311', { ...data, BaseTransfer: { ...(data['BaseTransfer'] as object), copName: 'a\u0000b' } })).toThrow(
      /BaseTransfer\.copName: holds a character XML cannot carry/,
    );
  });

  it('a signature that is not a ds:Signature', () => {
    expect(() => buildMessage('CEB311', { ...data, Signature: '<Signature>x</Signature>' })).toThrow(/Signature: must be one ds:Signature element/);
    expect(() => buildMessage('CEB311', { ...data, Signature: '<ds:Signature>' })).toThrow(/Signature: must be well-formed XML/);
  });

  it('a list where one element is allowed, an object where text is, an unknown element', () => {
    const error = (() => {
      try {
        buildMessage('CEB311', { ...data, BaseTransfer: [data['BaseTransfer'] as never], Extra: 'x', Order: [{ OrderHead: { guid: 1 } as never }] });
      } catch (e) {
        return e as MessageError;
      }
      throw new Error('expected a MessageError');
    })();
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['Extra', 'Order.0.OrderHead.guid', 'BaseTransfer']);
  });
});
