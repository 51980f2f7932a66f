/** What the sandbox stores as JSON: amounts tagged and read back as exact Money, the rest as JSON writes it. */
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/sandbox/codec.js';
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
});
