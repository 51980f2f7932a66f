/**
 * Hostile input: oversized bodies, XML bombs, wrong API keys and tokens, 10,000 connections opened
 * and dropped, a database that cannot be written. Each gets a clear answer and the server stays up.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClockMode } from '../../src/sandbox/clock.js';
import { openEngine } from '../../src/sandbox/open.js';
import { createServer } from '../../src/sandbox/server.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/start.js';
import { createSandboxClient } from '../../src/sandbox/client.js';
import { declarationMessages, documentsFor } from './fixtures.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ apiKeys: { 'platform-key': 'DXPENT0000000001', 'declarant-key': 'DXPENT0000000004' }, adminToken: 'admin-secret', rateLimit: 50 });
});
afterAll(async () => {
  await sandbox.close();
});

const post = (body: string, headers: Record<string, string> = {}) => fetch(`${sandbox.url}/ceb/messages`, { method: 'POST', headers: { 'content-type': 'application/xml', ...headers }, body });
const stillUp = async () => expect((await fetch(`${sandbox.url}/health`)).status).toBe(200);

describe('hostile input', () => {
  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await post(`<x>${'a'.repeat(8 * 1024 * 1024)}</x>`, { 'x-api-key': 'platform-key' });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/body/i);
    await stillUp();
  });

  it('answers an XML bomb (entity expansion) and a deep nest with CEB900, without expanding anything', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="X" version="1.0"><ceb:Order>&lol3;</ceb:Order></ceb:CEB311Message>`;
    const response = await post(bomb, { 'x-api-key': 'platform-key' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('CEB900Message');
    expect(text).toMatch(/DOCTYPE/);
    const deep = `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`;
    expect((await post(deep, { 'x-api-key': 'platform-key' })).status).toBe(400);
    await stillUp();
  });

  it('needs a known API key, and a key sends and reads only as its own sender', async () => {
    const docs = documentsFor('9610-import', 701);
    const xml = declarationMessages(docs).order;
    expect((await post(xml)).status).toBe(401);
    expect((await post(xml, { 'x-api-key': 'guessed' })).status).toBe(401);
    const wrongSender = await post(xml, { 'x-api-key': 'declarant-key' });
    expect(wrongSender.status).toBe(403);
    expect(((await wrongSender.json()) as { message: string }).message).toContain('Your API key is for DXPENT0000000004');
    expect((await post(xml, { 'x-api-key': 'platform-key' })).status).toBe(202);
    const others = await fetch(`${sandbox.url}/ceb/receipts?receiver=DXPENT0000000001`, { headers: { 'x-api-key': 'declarant-key' } });
    expect(others.status).toBe(403);
    const own = createSandboxClient(sandbox.url, { apiKey: 'platform-key' });
    expect((await own.receipts('DXPENT0000000001')).receipts.filter((r) => r.orderNo === docs.order.orderNo).map((r) => r.status)).toEqual([2, 3, 120]);
  });

  it('needs the admin token for the clock, scripts, webhooks and views', async () => {
    for (const path of ['/admin/clock', '/api/orders', '/', '/metrics']) expect((await fetch(`${sandbox.url}${path}`)).status).toBe(401);
    expect((await fetch(`${sandbox.url}/admin/clock`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await sandbox.client.clock()).mode).toBe('manual');
  });

  it('answers 429 past the per-sender rate limit, and the next second lets the sender in again', async () => {
    const statuses = await Promise.all(Array.from({ length: 120 }, () => fetch(`${sandbox.url}/ceb/messages`, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-api-key': 'declarant-key' }, body: '<x/>' }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await post('<x/>', { 'x-api-key': 'declarant-key' })).status).toBe(400);
  });

  it('survives 10,000 connections opened and dropped, and still answers', async () => {
    const { port } = sandbox;
    let dropped = 0;
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 500 }, () => new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(batch % 2 === 0 ? 'POST /ceb/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n<ceb:' : 'GE');
            socket.destroy();
          });
          socket.on('close', () => {
            dropped++;
            resolve();
          });
          socket.on('error', () => undefined);
        })),
      );
    }
    expect(dropped).toBe(10_000);
    await stillUp();
    const xml = declarationMessages(documentsFor('9610-import', 702)).order;
    expect((await post(xml, { 'x-api-key': 'platform-key' })).status).toBe(202);
  }, 120_000);
});

describe('a database that cannot be written', () => {
  it('answers 503 naming the read-only database, accepts nothing, stays up, and takes messages again once writable', async () => {
    const engine = openEngine({ db: ':memory:', seed: 1, clock: parseClockMode('manual') });
    const app = await createServer({ engine, access: { apiKeys: new Map() }, rateLimit: 0 });
    const xml = declarationMessages(documentsFor('9610-import', 703)).order;
    const send = () => app.inject({ method: 'POST', url: '/ceb/messages', headers: { 'content-type': 'application/xml' }, payload: xml });
    // query_only makes every write fail with SQLITE_READONLY, as a read-only file does (root ignores file modes)
    engine.store.db.pragma('query_only = ON');
    const refused = await send();
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ error: 'READ_ONLY_DATABASE' });
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    engine.store.db.pragma('query_only = OFF');
    expect(engine.store.receiptsOf(documentsFor('9610-import', 703).order.orderNo)).toEqual([]);
    const accepted = await send();
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json()).toMatchObject({ duplicate: false });
    await app.close();
    await engine.store.close();
  });
});
