/**
 * The sandbox on a database file: state, scheduled work and the clock survive a restart;
 * migrations are versioned; the same seed and inputs give the same receipts, byte for byte.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/sandbox/codec.js';
import { machineInput, type Dossier } from '../../src/sandbox/dossier.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/sandbox/migrations.js';
import { startSandbox } from '../../src/sandbox/start.js';
import { Store } from '../../src/sandbox/store.js';
import { declarationMessages, documentsFor, inOrder, pulledLines, sendAll } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'cbec-sandbox-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a sandbox on a database file', () => {
  it('resumes after a restart: orders, receipts, the clock, and the inspection it had scheduled', async () => {
    const db = join(work, 'restart.sqlite');
    const docs = documentsFor('9610-import', 401);
    const first = await startSandbox({ db });
    await sendAll(first.client, inOrder(declarationMessages(docs)), 'inspect:pass');
    const before = await pulledLines(first.client, docs.order.orderNo);
    await first.client.advance('1h');
    const clock = await first.client.clock();
    await first.close();

    const second = await startSandbox({ db });
    expect((await second.client.clock()).now).toBe(clock.now);
    expect(await pulledLines(second.client, docs.order.orderNo)).toEqual(before);
    expect((await second.client.order(docs.order.orderNo))?.state).toBe('clearance.inspection');
    await second.client.advance('2d');
    expect((await pulledLines(second.client, docs.order.orderNo)).slice(-1)).toEqual(['CEB622 800']);
    await second.close();
  });

  it('refuses to reopen a database with another seed, naming the seed it was created with', async () => {
    const db = join(work, 'seed.sqlite');
    await (await startSandbox({ db, seed: 5 })).close();
    await expect(startSandbox({ db, seed: 6 })).rejects.toThrow(/created with seed 5; start it with --seed 5/);
  });

  it('runs the migrations in order, records the version, and refuses a database from a newer cbec-sim', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const path = join(work, 'migrate.sqlite');
    await Store.open({ path }).close();
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => Store.open({ path })).toThrow(/newer than this cbec-sim/);
  });

  it('brings a version-2 database to the current schema with every receipt kept, cursors and order included', async () => {
    const path = join(work, 'version-2.sqlite');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) raw.exec(migration.sql);
    raw.pragma('user_version = 2');
    const insert = raw.prepare('INSERT INTO receipts (guid, receiver, order_no, type, status, info, at, xml) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= 5; i++) insert.run(`G-${i}`, i % 2 === 0 ? 'R2' : 'R1', `O-${i}`, 'CEB312', 120, 'stored', i * 1000, `<x n="${i}"/>`);
    raw.close();
    const store = Store.open({ path });
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.receiptsFor('R1', 0, 10).map((r) => [r.id, r.guid, r.orderNo, r.xml])).toEqual([[1, 'G-1', 'O-1', '<x n="1"/>'], [3, 'G-3', 'O-3', '<x n="3"/>'], [5, 'G-5', 'O-5', '<x n="5"/>']]);
    expect(store.receiptsFor('R2', 2, 10).map((r) => r.id)).toEqual([4]);
    const indexes = (store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'receipts' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(['receipts_order', 'receipts_receiver']);
    await store.close();
  });
});

describe('a version-3 database', () => {
  it('takes its orders in flight on to the current schema: the machine input comes from the documents, the receipts are those of a run never upgraded', async () => {
    const docs = documentsFor('9610-import', 402);
    const [first, ...rest] = inOrder(declarationMessages(docs));
    const send = async (db: string, xmls: readonly string[]) => {
      const sandbox = await startSandbox({ db, seed: 9 });
      await sendAll(sandbox.client, xmls);
      const lines = await pulledLines(sandbox.client, docs.order.orderNo);
      await sandbox.close();
      return lines;
    };
    const straight = await send(join(work, 'straight.sqlite'), [first ?? '', ...rest]);

    const current = join(work, 'current.sqlite');
    await send(current, [first ?? '']);
    // the same database as version 3 kept it: the machine input in a column of its own
    const path = join(work, 'version-3.sqlite');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) raw.exec(migration.sql);
    raw.prepare('ATTACH DATABASE ? AS current').run(current);
    const tables = (raw.prepare("SELECT name FROM current.sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    for (const table of tables.filter((t) => t !== 'orders')) raw.exec(`INSERT INTO main.${table} SELECT * FROM current.${table}`);
    const inputOf = (docs: string) => encode(machineInput(decode<Dossier>(docs)).order);
    raw.function('input_of', inputOf);
    raw.exec(`INSERT INTO main.orders (order_no, channel, input, docs, state, done, script, cop_no, invt_no, logistics_no, created_at, updated_at)
      SELECT order_no, channel, input_of(docs), docs, state, done, script, cop_no, invt_no, logistics_no, created_at, updated_at FROM current.orders`);
    raw.exec('DETACH DATABASE current');
    raw.pragma('journal_mode = WAL');
    raw.pragma('user_version = 3');
    expect(raw.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 1 });
    raw.close();
    const upgraded = await send(path, rest);
    expect(new Database(path, { readonly: true }).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded).toEqual(straight);
    expect(upgraded.slice(-2)).toEqual(['CEB622 399', 'CEB622 800']);
  });
});

describe('determinism', () => {
  async function run(seed: number, scenario?: string) {
    const sandbox = await startSandbox({ seed, ...(scenario !== undefined && { scenario }) });
    const receipts: string[] = [];
    for (const [i, channel] of (['9610-import', '1210-import', '9610-export'] as const).entries()) {
      const docs = documentsFor(channel, 500 + i);
      await sendAll(sandbox.client, inOrder(declarationMessages(docs)));
    }
    await sandbox.client.advance('40d');
    for (const receiver of ['DXPENT0000000001', 'DXPENT0000000002', 'DXPENT0000000003', 'DXPENT0000000004']) {
      receipts.push(...(await sandbox.client.receipts(receiver, { after: 0, limit: 1000 })).receipts.map((r) => `${r.guid} ${r.xml}`));
    }
    await sandbox.close();
    return receipts;
  }

  it('gives byte-identical receipts, guids included, for the same seed and inputs; other guids for another seed', async () => {
    const a = await run(3);
    const b = await run(3);
    const c = await run(4);
    expect(a.length).toBeGreaterThan(40);
    expect(b).toEqual(a);
    expect(c.map((r) => r.slice(0, 36))).not.toEqual(a.map((r) => r.slice(0, 36)));
  });

  it('draws outcomes from a scenario with the seed: the same seed, the same outcomes', async () => {
    const scenario = join(work, 'rates.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(scenario, JSON.stringify({ start: '2024-01-15T09:00:00+08:00', arrivals: [{ channel: '9610-import', ordersPerDay: 1 }], catalogue: [{ itemNo: 'A', itemName: 'A', hsCode: '3304990000', unit: '011', originCountry: '116', minPrice: '1', maxPrice: '2' }], customs: { reviewRate: 0.5, inspectionRate: 0.5 } }));
    const statuses = (receipts: string[]) => receipts.map((r) => /<ceb:returnStatus>(-?\d+)</.exec(r)?.[1] ?? '').join(',');
    const a = statuses(await run(9, scenario));
    expect(statuses(await run(9, scenario))).toBe(a);
    expect(a).toMatch(/\b300\b|\b500\b/);
  });
});
