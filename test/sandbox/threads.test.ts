/**
 * The sandbox's threads: posted messages read on a reader thread give what reading them on the
 * server's thread gives, in the order given; the checkpoint thread copies the write-ahead log into
 * the database file while the writer does no checkpoints itself; and a sandbox with its threads
 * answers every message with the same receipts, byte for byte, as one without.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wrapDxp } from '../../src/messages/dxp.js';
import { DEFAULT_LIMITS } from '../../src/messages/limits.js';
import { readMessage } from '../../src/sandbox/intake.js';
import { IntakeReader } from '../../src/sandbox/intake-reader.js';
import { startSandbox } from '../../src/sandbox/start.js';
import { Store } from '../../src/sandbox/store.js';
import type { ChannelId } from '../../src/channels/registry.js';
import { declarationMessages, documentsFor, inOrder, SENDER_IDS } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'cbec-threads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Messages of every kind a sender may post: readable, refused, in an envelope, hostile. */
function postedMessages(): string[] {
  const docs = documentsFor('9610-import', 41);
  const xml = inOrder(declarationMessages(docs));
  const [first = ''] = xml;
  return [
    ...xml,
    wrapDxp(first, { copMsgId: 'M1', senderId: SENDER_IDS[0] ?? '', receiverIds: ['DXPEDCCEB0000002'], createTime: '2024-01-15T09:00:00', msgType: 'CEB311Message' }),
    first.slice(0, first.length - 40),
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
    'not xml at all',
    '',
  ];
}

describe('IntakeReader', () => {
  it('gives, on its thread, what reading on this thread gives, message for message and in order', async () => {
    const reader = new IntakeReader(true);
    const messages = postedMessages();
    const settled: number[] = [];
    const results = await Promise.all(messages.map((text, i) => reader.read(text, i % 2 === 0 ? '' : 'review', DEFAULT_LIMITS).then((result) => (settled.push(i), result))));
    await reader.close();
    expect(results).toEqual(messages.map((text, i) => readMessage(text, i % 2 === 0 ? '' : 'review', DEFAULT_LIMITS)));
    expect(results.filter((r) => 'ok' in r)).toHaveLength(5);
    expect(settled).toEqual(messages.map((_, i) => i));
    expect(reader.readOnThread).toBe(messages.length);
  });

  it('reads what is still waiting on this thread when it closes, and everything after', async () => {
    const reader = new IntakeReader(true);
    const messages = postedMessages();
    const pending = messages.map((text) => reader.read(text, '', DEFAULT_LIMITS));
    await reader.close();
    const later = await reader.read(messages[0] ?? '', '', DEFAULT_LIMITS);
    expect(await Promise.all(pending)).toEqual(messages.map((text) => readMessage(text, '', DEFAULT_LIMITS)));
    expect(later).toEqual(readMessage(messages[0] ?? '', '', DEFAULT_LIMITS));
  });
});

describe('the checkpoint thread', () => {
  /** Writes `count` messages of about 3 KB in transactions of 50. */
  function write(store: Store, count: number): void {
    for (let i = 0; i < count; i += 50) {
      store.transaction(() => {
        for (let j = i; j < i + 50; j++) store.insertMessage({ guid: `G${j}`, type: 'CEB311', sender: 'S', receivedAt: j, outcome: 'accepted', xml: 'x'.repeat(3000) });
      });
    }
  }

  it('copies the log into the database file while the writer never checkpoints, and leaves no log once closed', async () => {
    const path = join(work, 'checkpoints.sqlite');
    const store = Store.open({ path, checkpointThread: true });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    write(store, 2000);
    // passive checkpoints every 200 ms: the file grows without the writer doing anything
    const deadline = Date.now() + 20_000;
    while (statSync(path).size < before + 4_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statSync(path).size).toBeGreaterThan(before + 4_000_000);
    await store.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = Store.open({ path });
    expect(reopened.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2000 });
    await reopened.close();
  });

  it('is not started without the option, nor for a database in memory', async () => {
    const path = join(work, 'plain.sqlite');
    const plain = Store.open({ path });
    expect(plain.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await plain.close();
    const memory = Store.open({ path: ':memory:', checkpointThread: true });
    expect(memory.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await memory.close();
  });
});

describe('a sandbox with its threads', () => {
  /** Every receipt's XML, in the order written, after posting each channel's documents one by one and then a batch. */
  async function receiptsOf(threads: boolean, db: string): Promise<string[]> {
    const sandbox = await startSandbox({ threads, db });
    try {
      const channels: readonly ChannelId[] = ['9610-import', '1210-import', '9610-export', '9710'];
      let posted = 0;
      for (const [i, channel] of channels.entries()) {
        for (const xml of inOrder(declarationMessages(documentsFor(channel, 300 + i)))) {
          expect((await sandbox.client.send(xml)).status).toBe(202);
          posted++;
        }
      }
      const batch = inOrder(declarationMessages(documentsFor('1239-import', 310)));
      expect((await sandbox.client.sendBatch([...batch, 'not xml'])).map((o) => o.status)).toEqual([202, 202, 202, 202, 400]);
      posted += batch.length + 1;
      await sandbox.client.advance('31d');
      const metrics = await (await fetch(`${sandbox.url}/metrics`)).text();
      expect(metrics).toContain(`cbec_sandbox_read_on_thread_total ${threads ? posted : 0}\n`);
      const all = (await Promise.all(SENDER_IDS.map(async (id) => (await sandbox.client.receipts(id, { after: 0, limit: 1000 })).receipts))).flat();
      return all.sort((a, b) => a.cursor - b.cursor).map((r) => r.xml);
    } finally {
      await sandbox.close();
    }
  }

  it('answers with the same receipts, byte for byte, as a sandbox without them', async () => {
    const without = await receiptsOf(false, ':memory:');
    const withThreads = await receiptsOf(true, join(work, 'threads.sqlite'));
    expect(without.length).toBeGreaterThan(60);
    expect(withThreads).toEqual(without);
  });
});
