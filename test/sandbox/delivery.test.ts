/**
 * Receipts pushed to webhooks (retries with back-off, the guid as idempotency key, dead letters)
 * and the folder exchange (send/, receive/, failed/).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/messages/parse.js';
import { startSandbox } from '../../src/sandbox/start.js';
import { declarationMessages, documentsFor, inOrder, sendAll } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'cbec-delivery-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Hit {
  readonly guid: string;
  readonly key: string;
  readonly cursor: number;
  readonly at: number;
}

/** A receiver that fails its first `failures` calls, then answers 200. */
async function receiver(failures: number): Promise<{ server: Server; url: string; hits: Hit[]; accepted: Hit[] }> {
  const hits: Hit[] = [];
  const accepted: Hit[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    request.resume();
    request.on('end', () => {
      const hit = { guid: String(request.headers['x-cbec-receipt-guid']), key: String(request.headers['idempotency-key']), cursor: Number(request.headers['x-cbec-cursor']), at: performance.now() };
      hits.push(hit);
      if (hits.length <= failures) {
        response.writeHead(503).end();
        return;
      }
      accepted.push(hit);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/receipts`, hits, accepted };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('webhooks', () => {
  it('push every receipt in order, retrying with doubling delays; the guid is the idempotency key', async () => {
    const hook = await receiver(3);
    const sandbox = await startSandbox({ webhooks: { baseDelayMs: 40, intervalMs: 10 } });
    await sandbox.client.addWebhook('DXPENT0000000001', hook.url);
    const docs = documentsFor('9610-import', 601);
    await sendAll(sandbox.client, [declarationMessages(docs).order]);
    await until(() => hook.accepted.length === 3);
    const { receipts } = await sandbox.client.receipts('DXPENT0000000001', { after: 0 });
    expect(hook.accepted.map((h) => h.guid)).toEqual(receipts.map((r) => r.guid));
    expect(hook.hits.every((h) => h.key === h.guid)).toBe(true);
    expect(hook.hits.slice(0, 4).map((h) => h.guid)).toEqual(Array(4).fill(receipts[0]?.guid));
    const gaps = hook.hits.slice(0, 4).map((h, i, all) => (i === 0 ? 0 : h.at - (all[i - 1]?.at ?? 0))).slice(1);
    expect(gaps[1]).toBeGreaterThan(60); // 40 ms, then 80, then 160: each wait about double the last
    expect(gaps[2]).toBeGreaterThan(140);
    await sandbox.close();
    hook.server.close();
  });

  it('gives up after the last attempt: the delivery is a dead letter, listed with its receipt, and retried on request', async () => {
    const hook = await receiver(1_000_000);
    const sandbox = await startSandbox({ webhooks: { baseDelayMs: 5, intervalMs: 5, maxAttempts: 3 } });
    await sandbox.client.addWebhook('DXPENT0000000002', hook.url);
    const docs = documentsFor('9610-import', 602);
    await sendAll(sandbox.client, [declarationMessages(docs).payment ?? '']);
    let dead: readonly Record<string, unknown>[] = [];
    await until(() => {
      void sandbox.client.deadLetters().then((d) => (dead = d));
      return dead.length === 3;
    });
    expect(hook.hits).toHaveLength(9);
    expect(dead.map((d) => `${String(d['type'])} ${String(d['status'])}`)).toEqual(['CEB412 2', 'CEB412 3', 'CEB412 120']);
    expect(dead[0]).toMatchObject({ attempts: 3, state: 'dead', lastError: 'HTTP 503' });
    const response = await fetch(`${sandbox.url}/admin/dead-letters/retry`, { method: 'POST' });
    expect(await response.json()).toEqual({ retried: 3 });
    await until(() => hook.hits.length >= 10);
    await sandbox.close();
    hook.server.close();
  });
});

describe('folder exchange', () => {
  it('takes files from send/, writes every receipt to receive/, and moves an unreadable file to failed/ with its reason', async () => {
    const dir = join(work, 'exchange');
    const sandbox = await startSandbox({ exchange: dir });
    const docs = documentsFor('9610-import', 603);
    inOrder(declarationMessages(docs)).forEach((xml, i) => writeFileSync(join(dir, 'send', `${i}-doc.xml`), xml));
    writeFileSync(join(dir, 'send', '9-broken.xml'), '<ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="G" version="1.0"><ceb:Order>');
    const receive = join(dir, 'receive');
    await until(() => readdirSync(receive).length >= 15);
    expect(readdirSync(join(dir, 'send'))).toEqual([]);
    const files = readdirSync(receive).sort();
    expect(files.every((f) => /^\d{12}_CEB\d{3}_[0-9A-F-]{36}\.xml$/.test(f))).toBe(true);
    const types = files.map((f) => parseMessage(readFileSync(join(receive, f), 'utf8')).type);
    expect(types.filter((t) => t === 'CEB622')).toHaveLength(5);
    expect(existsSync(join(dir, 'failed', '9-broken.xml'))).toBe(true);
    expect(readFileSync(join(dir, 'failed', '9-broken.xml.reason.txt'), 'utf8')).toMatch(/CEB900Message/);
    await sandbox.close();
  });
});
