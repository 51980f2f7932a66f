/**
 * What the reader takes before it reads: text measured in UTF-8 bytes against maxBytes, lone
 * surrogates, inputs that are neither text nor bytes; then which root it reads as which message,
 * which version it picks, and where a missing signature is a finding.
 */
import { describe, expect, it } from 'vitest';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { fixture, withValue } from './helpers.js';

const order = fixture('CEB311');
const reasons = (input: unknown, options = {}) => validateMessage(input as string, options).map((i) => i.reason);
const unsigned = order.replace(/\s*<ds:Signature[\s\S]*<\/ds:Signature>/, '');

describe('size and text before reading', () => {
  it('text is measured in UTF-8 bytes: 3 Chinese characters are 9 bytes', () => {
    expect(reasons('<a>中中中</a>', { limits: { maxBytes: 15 } })).toEqual(['is larger than the 15-byte limit; split the message or raise limits.maxBytes.']);
    expect(reasons('<a>中中中</a>', { limits: { maxBytes: 16 } })[0]).toMatch(/^has root <a>/);
  });

  it('text or bytes of exactly maxBytes are read', () => {
    expect(reasons('<a>xx</a>', { limits: { maxBytes: 9 } })[0]).toMatch(/^has root <a>/);
    expect(reasons(new TextEncoder().encode('<a>xx</a>'), { limits: { maxBytes: 9 } })[0]).toMatch(/^has root <a>/);
  });

  it('a lone surrogate is named with its code and position: a low one alone, a high one before a letter', () => {
    expect(reasons('<a>x\udc00</a>')).toEqual(['holds a lone surrogate (U+DC00) at character 4, which is not text; the string was cut or mis-decoded.']);
    expect(reasons('<a>\udbffx</a>')).toEqual(['holds a lone surrogate (U+DBFF) at character 3, which is not text; the string was cut or mis-decoded.']);
    expect(reasons('<a>😀</a>')[0]).toMatch(/^has root <a>/);
  });

  it('what is neither text nor bytes is named', () => {
    expect(reasons(undefined)).toEqual(['must be XML text (a string) or bytes (a Uint8Array), not undefined.']);
    expect(reasons(null)).toEqual(['must be XML text (a string) or bytes (a Uint8Array), not null.']);
    expect(reasons([60, 97, 47, 62])).toEqual(['must be XML text (a string) or bytes (a Uint8Array), not object.']);
  });
});

describe('which message a root is', () => {
  it('CEBnnnMessage in the CEB namespace, nnn a known type; the root guid and version may be missing', () => {
    expect(reasons(order.replace(/CEB311Message/g, 'CEB399Message'))[0]).toMatch(/^has root <ceb:CEB399Message> in namespace "http:\/\/www.chinaport.gov.cn\/ceb", which is not a CEB message/);
    expect(reasons(order.replace('http://www.chinaport.gov.cn/ceb', 'urn:ceb'))[0]).toMatch(/^has root <ceb:CEB311Message> in namespace "urn:ceb"/);
    expect(reasons(order.replace(/CEB311Message/g, 'XCEB311Message'))[0]).toMatch(/^has root <ceb:XCEB311Message>/);
    const bare = order.replace(' guid="4CDE1CFD-EDED-46B1-946C-B8022E421038" version="1.0"', '');
    expect(validateMessage(bare, { level: 'schema' }).map((i) => i.path.join('.'))).toEqual(['@guid', '@version']);
  });

  it('without a version asked for, the version with fewer schema issues is chosen; 2018 when it fits and 202205 does not', () => {
    expect(parseMessage(fixture('2018/CEB792')).spec).toBe('2018');
    expect(validateMessage(fixture('2018/CEB792'), { spec: '202205', level: 'schema' }).length).toBeGreaterThan(0);
    expect(parseMessage(fixture('2018/CEB621')).spec).toBe('202205');
    expect(parseMessage(fixture('CEB213')).spec).toBe('202205');
  });
});

describe('a declared record without a signature (requireSignature)', () => {
  it('is a business finding, so not at level schema; a saved record (appStatus 1) needs none', () => {
    expect(validateMessage(unsigned, { requireSignature: true, level: 'schema' })).toEqual([]);
    expect(validateMessage(withValue(unsigned, 'appStatus', '1'), { requireSignature: true })).toEqual([]);
    expect(validateMessage(order, { requireSignature: true })).toEqual([]);
  });

  it('business findings count towards maxIssues with the schema ones', () => {
    const twice = withValue(withValue(unsigned, 'appType', '9'), 'appTime', '20190231102400');
    expect(validateMessage(twice, { requireSignature: true }).map((i) => i.path.at(-1))).toEqual(['appType', 'appTime', 'Signature']);
    expect(validateMessage(twice, { requireSignature: true, limits: { maxIssues: 2 } }).map((i) => i.path.at(-1))).toEqual(['appType', 'appTime']);
  });
});
