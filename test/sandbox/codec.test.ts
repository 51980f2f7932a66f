/** What the sandbox stores as JSON: amounts tagged and read back as exact Money, the rest as JSON writes it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode, encodeOverUnchanging, encodeUnchanging } from '../../src/sandbox/codec.js';
import { money } from '../../src/money/money.js';
import { documentsFor } from './fixtures.js';

describe('sandbox JSON', () => {
  it('tags amounts at any depth, in arrays too, and leaves everything else as JSON.stringify writes it', () => {
    const value = { a: money('12.30'), list: [money('0.01'), 'x', 3, null], nested: { b: { c: money('1000') } }, when: new Date(0), skipped: undefined, flag: true };
    expect(encode(value)).toBe('{"a":{"$money":"12.3"},"list":[{"$money":"0.01"},"x",3,null],"nested":{"b":{"c":{"$money":"1000"}}},"when":"1970-01-01T00:00:00.000Z","flag":true}');
    expect(encode(money('5.5'))).toBe('{"$money":"5.5"}');
  });

  it('reads back what it writes, amounts as Money with their exact value', () => {
    const docs = documentsFor('9610-import', 3);
    const back = decode<typeof docs>(encode(docs));
    expect(encode(back)).toBe(encode(docs));
    expect(back.order.goodsValue.equals(docs.order.goodsValue)).toBe(true);
    expect(back.order.goodsValue.constructor).toBe(docs.order.goodsValue.constructor);
  });

  it('writes a dossier from its documents\' kept texts exactly as encode writes it whole', () => {
    const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((fen) => money(fen).div(100));
    const leaf = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), amount);
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 8 }), (record) => {
        expect(encodeOverUnchanging(record)).toBe(encode(record));
        // a second time, from the kept texts
        expect(encodeOverUnchanging(record)).toBe(encode(record));
        expect(encodeUnchanging(record)).toBe(encode(record));
      }),
      { numRuns: 300 },
    );
    const proto = JSON.parse('{"__proto__":{"a":1},"b":2}') as object;
    expect(encode(proto)).toBe('{"__proto__":{"a":1},"b":2}');
    expect(encodeOverUnchanging(proto)).toBe(encode(proto));
    const docs = documentsFor('1210-import', 5);
    const dossier = { orderNo: docs.order.orderNo, ieFlag: 'I', order: docs.order, list: docs.list, senders: { order: 'A', list: 'B' }, preNo: undefined };
    expect(encodeOverUnchanging(dossier)).toBe(encode(dossier));
  });
});
