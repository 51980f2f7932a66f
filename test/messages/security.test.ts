import { describe, expect, it } from 'vitest';
import { MessageError } from '../../src/domain/errors.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';

const NS = 'xmlns:ceb="http://www.chinaport.gov.cn/ceb"';
const GUID = '4CDE1CFD-EDED-46B1-946C-B8022E42FC94';

/** Runs `parseMessage` and returns the MessageError it throws and how long it took. */
function refusal(xml: string, options?: Parameters<typeof parseMessage>[1]): { error: MessageError; ms: number } {
  const start = performance.now();
  try {
    parseMessage(xml, options);
  } catch (e) {
    if (e instanceof MessageError) return { error: e, ms: performance.now() - start };
    throw e;
  }
  throw new Error('parseMessage accepted the input');
}

describe('hardening against hostile XML', () => {
  it('refuses the billion-laughs entity bomb before expanding anything', () => {
    const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lols}]><ceb:CEB311Message ${NS} guid="${GUID}" version="1.0">&lol9;</ceb:CEB311Message>`;
    const { error, ms } = refusal(xml);
    expect(error.issues[0]?.reason).toMatch(/DOCTYPE or ENTITY/);
    expect(ms).toBeLessThan(100);
  });

  it('refuses an external entity (XXE) and never reads the file', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ceb:CEB311Message ${NS} guid="${GUID}" version="1.0"><ceb:Order>&xxe;</ceb:Order></ceb:CEB311Message>`;
    const { error } = refusal(xml);
    expect(error.issues[0]?.reason).toMatch(/DOCTYPE or ENTITY/);
    expect(JSON.stringify(error.issues)).not.toContain('root:');
  });

  it('refuses a lower-case doctype and a bare entity declaration too', () => {
    expect(refusal(`<!doctype x><x/>`).error.issues[0]?.reason).toMatch(/DOCTYPE/);
    expect(refusal(`<x><!ENTITY a "b"></x>`).error.issues[0]?.reason).toMatch(/ENTITY/);
  });

  it('refuses 50 MB of input quickly, by its size', () => {
    const xml = `<ceb:CEB311Message ${NS} guid="${GUID}" version="1.0">${'<ceb:Order/>'.repeat(50 * 1024 * 1024 / 12)}</ceb:CEB311Message>`;
    const { error, ms } = refusal(xml);
    expect(error.issues[0]?.reason).toMatch(/larger than the 5242880-byte limit/);
    expect(ms).toBeLessThan(200);
  });

  it('counts bytes, not characters: 2 million CJK characters are 6 MB of UTF-8', () => {
    const xml = `<ceb:CEB311Message ${NS} guid="${GUID}" version="1.0"><ceb:note>${'税'.repeat(2_000_000)}</ceb:note></ceb:CEB311Message>`;
    expect(refusal(xml).error.issues[0]?.reason).toMatch(/byte limit/);
  });

  it('refuses 10,000-deep nesting quickly', () => {
    const xml = `<ceb:CEB311Message ${NS} guid="${GUID}" version="1.0">${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</ceb:CEB311Message>`;
    const { error, ms } = refusal(xml);
    expect(error.issues[0]?.reason).toMatch(/deeper than the limit of 32/);
    expect(ms).toBeLessThan(500);
  });

  it('refuses a flood of repeated elements', () => {
    const xml = `<ceb:CEB311Message ${NS} guid="${GUID}" version="1.0">${'<ceb:Order/>'.repeat(1001)}</ceb:CEB311Message>`;
    expect(refusal(xml).error.issues[0]?.reason).toMatch(/more than the limit of 1000 times/);
  });

  it('lets callers tighten or loosen each limit', () => {
    const xml = `<ceb:CEB311Message ${NS} guid="${GUID}" version="1.0">${'<ceb:Order/>'.repeat(20)}</ceb:CEB311Message>`;
    expect(refusal(xml, { limits: { maxBytes: 100 } }).error.issues[0]?.reason).toMatch(/100-byte limit/);
    expect(refusal(xml, { limits: { maxRepeat: 10 } }).error.issues[0]?.reason).toMatch(/limit of 10 times/);
    expect(refusal(xml, { limits: { maxDepth: 1 } }).error.issues[0]?.reason).toMatch(/limit of 1;/);
    expect(validateMessage(xml, { limits: { maxIssues: 3 } })).toHaveLength(3);
  });

  it('never decodes unknown entities, and says how to write an ampersand', () => {
    const xml = `<ceb:CEB312Message ${NS} guid="${GUID}" version="1.0"><ceb:OrderReturn><ceb:guid>${GUID}</ceb:guid><ceb:ebpCode>4401960XXA</ceb:ebpCode><ceb:ebcCode>4401980ZZB</ceb:ebcCode><ceb:orderNo>A&amp;B &unknown;</ceb:orderNo><ceb:returnStatus>120</ceb:returnStatus><ceb:returnTime>20190315102612345</ceb:returnTime><ceb:returnInfo>ok</ceb:returnInfo></ceb:OrderReturn></ceb:CEB312Message>`;
    expect(validateMessage(xml)).toEqual([
      expect.objectContaining({ path: ['OrderReturn', 0, 'orderNo'], reason: expect.stringMatching(/'&unknown;'.*&amp;/) }),
    ]);
  });
});
