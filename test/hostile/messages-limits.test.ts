/**
 * Hostile input to cbec-sim/messages: limits that try to switch safety off, and input too big or
 * too deep. Each case names the exact error class and code, or the exact issue.
 */
import { describe, expect, it } from 'vitest';
import { isCbecError } from '../../src/domain/errors.js';
import { LimitError } from '../../src/messages/limits.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { unwrapDxp } from '../../src/messages/dxp.js';
import { fixture } from '../messages/helpers.js';

const order = fixture('CEB311');
const XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb">&e;</ceb:CEB311Message>';

function limitError(fn: () => unknown): LimitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LimitError) return e;
    throw e;
  }
  throw new Error('expected a LimitError');
}

describe('limits that would switch safety off are refused with a LimitError (code VALIDATION)', () => {
  it.each([
    ['maxIssues', 0],
    ['maxIssues', -1],
    ['maxIssues', Number.NaN],
    ['maxIssues', 2.5],
    ['maxIssues', Number.POSITIVE_INFINITY],
    ['maxBytes', Number.NaN],
    ['maxBytes', 0],
    ['maxBytes', 257 * 1024 * 1024],
    ['maxDepth', 0],
    ['maxDepth', 1e9],
    ['maxRepeat', -5],
    ['maxRepeat', '10'],
  ])('%s: %s', (key, value) => {
    const error = limitError(() => validateMessage(XXE, { limits: { [key]: value } }));
    expect([error.name, error.code, isCbecError(error)]).toEqual(['LimitError', 'VALIDATION', true]);
    expect(error.issues.map((i) => i.path.join('.'))).toEqual([`limits.${key}`]);
  });

  it('an unknown limit is refused by name', () => {
    expect(limitError(() => parseMessage(order, { limits: { maxEverything: 1 } as never })).issues[0]!.reason).toBe('is not a limit; use maxBytes, maxDepth, maxRepeat, maxIssues.');
  });

  it('unwrapDxp checks its limits the same way', () => {
    expect(limitError(() => unwrapDxp('<a/>', { limits: { maxIssues: 0 } })).code).toBe('VALIDATION');
  });

  it('a lowered cap applies: maxIssues 1 keeps one issue of many, never zero', () => {
    const broken = order.replace(/<ceb:appType>1</, '<ceb:appType>12<').replace('<ceb:buyerName>陈小明<', '<ceb:buyerName><');
    expect(validateMessage(broken, { level: 'schema' })).toHaveLength(2);
    expect(validateMessage(broken, { level: 'schema', limits: { maxIssues: 1 } })).toHaveLength(1);
  });
});

describe('an invalid message always yields at least one issue', () => {
  it('XXE with the smallest maxIssues: the DOCTYPE is refused, nothing is expanded', () => {
    expect(validateMessage(XXE, { limits: { maxIssues: 1 } }).map((i) => [i.level, i.line, i.reason])).toEqual([
      ['schema', 1, 'Contains a DOCTYPE declaration, which CEB messages never have; remove it (refused to prevent entity expansion and external entity attacks).'.replace(/^C/, 'c')],
    ]);
  });

  it('an entity-expansion bomb is refused at its DOCTYPE', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><l>&j;</l>`;
    expect(validateMessage(bomb).map((i) => i.reason)).toEqual([expect.stringMatching(/^contains a DOCTYPE declaration/)]);
  });

  it('an empty string, null and a number are refused with one issue each, never a crash', () => {
    expect(validateMessage('').map((i) => i.reason)).toEqual(['is not well-formed XML: document must contain a root element. (line 1, column 0).']);
    expect(validateMessage(null as never).map((i) => i.reason)).toEqual(['must be XML text (a string) or bytes (a Uint8Array), not null.']);
    expect(validateMessage(42 as never).map((i) => i.reason)).toEqual(['must be XML text (a string) or bytes (a Uint8Array), not number.']);
  });

  it('parseMessage throws a MessageError (INVALID_MESSAGE) for the same inputs', () => {
    for (const input of ['', XXE, '<a/>']) {
      expect(() => parseMessage(input)).toThrow(expect.objectContaining({ name: 'MessageError', code: 'INVALID_MESSAGE' }));
    }
  });
});

describe('size, depth and repetition caps', () => {
  it('text over maxBytes is refused before it is read', () => {
    expect(validateMessage(order, { limits: { maxBytes: 100 } }).map((i) => i.reason)).toEqual(['is larger than the 100-byte limit; split the message or raise limits.maxBytes.']);
  });

  it('bytes over maxBytes likewise', () => {
    expect(validateMessage(new Uint8Array(101), { limits: { maxBytes: 100 } }).map((i) => i.reason)).toEqual(['is larger than the 100-byte limit; split the message or raise limits.maxBytes.']);
  });

  it('nesting deeper than maxDepth', () => {
    const deep = `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`;
    expect(validateMessage(deep).map((i) => i.reason)).toEqual(['nests elements deeper than the limit of 32; CEB messages are a few levels deep.']);
  });

  it('more same-named siblings than maxRepeat', () => {
    const flood = `<r>${'<x/>'.repeat(11)}</r>`;
    expect(validateMessage(flood, { limits: { maxRepeat: 10 } }).map((i) => i.reason)).toEqual(['repeats <x> inside <r> more than the limit of 10 times; split the message or raise limits.maxRepeat.']);
  });
});

describe('error output is bounded', () => {
  it('3 MB of unclosed tags give one short issue, not megabytes of text', () => {
    const unclosed = '<ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb">' + '<a>'.repeat(1_000_000);
    const issues = validateMessage(unclosed, { limits: { maxDepth: 256 } });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason.length).toBeLessThanOrEqual(300);
  });

  it('a 10,000-character value is clipped in its issue; the reason stays short', () => {
    const issues = validateMessage(order.replace('<ceb:orderNo>GZE20190315000456<', `<ceb:orderNo>${'N'.repeat(10_000)}<`), { level: 'schema' });
    expect(issues.map((i) => [i.path.join('.'), (i.value as string).length, i.reason])).toEqual([['Order.0.OrderHead.orderNo', 300, 'has 10000 characters; it takes at most 60.']]);
  });

  it('thousands of bad values give at most maxIssues issues (100 by default)', () => {
    const lines = Array.from({ length: 99 }, (_, i) => `<ceb:OrderList><ceb:gnum>${i + 1}</ceb:gnum><ceb:itemName>x</ceb:itemName><ceb:gmodel>${'g'.repeat(600)}</ceb:gmodel><ceb:unit>1234</ceb:unit><ceb:qty>x</ceb:qty><ceb:price>1</ceb:price><ceb:totalPrice>1</ceb:totalPrice><ceb:currency>142</ceb:currency><ceb:country>116</ceb:country></ceb:OrderList>`).join('');
    const xml = order.replace(/<ceb:OrderList>[\s\S]*<\/ceb:OrderList>/, lines);
    expect(validateMessage(xml, { level: 'schema' })).toHaveLength(100);
    expect(validateMessage(xml, { level: 'schema', limits: { maxIssues: 1000 } })).toHaveLength(297);
  });
});
