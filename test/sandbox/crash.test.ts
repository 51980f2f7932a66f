/**
 * Crash safety: a client sends a day's messages (one to four a request), moves the clock and pulls every receipt while
 * the server is killed with SIGKILL at random moments (at least 20 times) and started again.
 * Afterwards every order is in the same state, and every receipt is there byte for byte, as in an
 * uninterrupted run with the same seed; a receipt pulled twice carries a guid already delivered.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandboxClient, type SandboxClient } from '../../src/sandbox/client.js';
import { startSandbox } from '../../src/sandbox/start.js';
import { transportMessage } from '../../src/sandbox/requests.js';
import { createRng } from '../../src/sim/rng.js';
import type { ChannelId } from '../../src/channels/registry.js';
import { declarationMessages, documentsFor, inOrder, SENDER_IDS } from './fixtures.js';
import { startServer, useServeBundle, type ServerProcess } from './server-process.js';

const SEED = 11;
const TARGET = '2024-03-01T09:00:00+08:00';
const work = mkdtempSync(join(tmpdir(), 'cbec-crash-'));
const serve = useServeBundle('crash', work);

/** 18 orders in six channels, some scripted, their messages shuffled across senders. */
function workload(): string[] {
  const channels: readonly ChannelId[] = ['9610-import', '1210-import', '1239-import', '9610-export', '1210-export', '9710'];
  const scripts = ['', 'review', 'inspect:pass', 'inspect:detain-501', 'reject:payer-mismatch', ''];
  const documents: string[] = [];
  const after: string[] = [];
  channels.forEach((channel, c) => {
    for (let i = 0; i < 3; i++) {
      const docs = documentsFor(channel, 900 + c * 10 + i);
      const script = docs.order.ieFlag === 'I' ? (scripts[(c + i) % scripts.length] ?? '') : '';
      documents.push(...inOrder(declarationMessages(docs, script === '' ? {} : { note: `cbec-script: ${script}` })));
      if (docs.order.ieFlag === 'E') after.push(transportMessage(docs, 'arrival'));
    }
  });
  const rng = createRng(SEED).stream('shuffle');
  for (let i = documents.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [documents[i], documents[j]] = [documents[j] ?? '', documents[i] ?? ''];
  }
  return [...documents, ...after];
}

interface Pulled {
  readonly guid: string;
  readonly xml: string;
  readonly cursor: number;
}

/** Pulls and acknowledges every receipt of every sender. */
async function pullAll(client: SandboxClient, into: Map<string, Pulled[]>): Promise<void> {
  for (const receiver of SENDER_IDS) {
    for (;;) {
      const page = await client.receipts(receiver, { limit: 200 });
      if (page.receipts.length === 0) break;
      into.set(receiver, [...(into.get(receiver) ?? []), ...page.receipts.map((r) => ({ guid: r.guid, xml: r.xml, cursor: r.cursor }))]);
      await client.ack(receiver, page.next);
    }
  }
}

async function states(client: SandboxClient): Promise<Record<string, string>> {
  return Object.fromEntries((await client.orders('')).map((o) => [o.orderNo, o.state]));
}

describe('kill -9 at random moments', () => {
  it('loses nothing acknowledged and duplicates nothing but already-delivered receipts', async () => {
    const messages = workload();

    const reference = await startSandbox({ seed: SEED });
    for (const xml of messages) expect((await reference.client.send(xml)).status).toBe(202);
    await reference.client.advance({ to: TARGET });
    const expected = new Map<string, Pulled[]>();
    await pullAll(reference.client, expected);
    const expectedStates = await states(reference.client);
    await reference.close();

    const db = join(work, 'crash.sqlite');
    const args = ['--db', db, '--seed', String(SEED), '--clock', 'manual'];
    let server: ServerProcess = await startServer(serve.path(), args);
    let restarting: Promise<void> = Promise.resolve();
    let kills = 0;
    const rng = createRng(SEED).stream('kills');
    /** Kills the server `afterMs` from now (often while a request is in flight) and starts it again. */
    const crash = (afterMs: number): void => {
      const previous = restarting;
      restarting = (async () => {
        await previous;
        await new Promise((resolve) => setTimeout(resolve, afterMs));
        server.child.kill('SIGKILL');
        await server.exited;
        kills++;
        server = await startServer(serve.path(), args);
      })();
    };
    /** Calls the server until it answers, waiting out restarts: the client's at-least-once. */
    const call = async <T>(fn: (client: SandboxClient) => Promise<T>): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fn(createSandboxClient(server.url));
        } catch (error) {
          if (attempt > 50) throw error;
          await restarting;
        }
      }
    };
    const pulled = new Map<string, Pulled[]>();
    // in requests of one to four messages: the messages of one request are committed as one
    // group, so a kill lands inside group commits too; a resent request repeats what was kept
    for (let next = 0; next < messages.length; ) {
      const batch = messages.slice(next, (next += rng.int(1, 4)));
      if (rng.bernoulli(0.3)) crash(rng.int(0, 12));
      const outcomes = await call((client) => (batch.length === 1 ? client.send(batch[0] ?? '').then((o) => [o]) : client.sendBatch(batch)));
      expect(outcomes.map((o) => o.status)).toEqual(batch.map(() => 202));
    }
    crash(rng.int(5, 60));
    await call((client) => client.advance({ to: TARGET }));
    crash(rng.int(0, 20));
    await call((client) => pullAll(client, pulled));
    while (kills < 20) {
      crash(rng.int(0, 5));
      await call((client) => pullAll(client, pulled));
    }
    await restarting;
    await call((client) => pullAll(client, pulled));
    const finalStates = await call((client) => states(client));
    server.child.kill('SIGKILL');
    await server.exited;

    expect(kills).toBeGreaterThanOrEqual(20);
    expect(finalStates).toEqual(expectedStates);
    for (const receiver of SENDER_IDS) {
      const want = expected.get(receiver) ?? [];
      const got = pulled.get(receiver) ?? [];
      const firstOf = new Map<string, Pulled>();
      for (const r of got) {
        const seen = firstOf.get(r.guid);
        if (seen !== undefined) expect(r.xml, `duplicate ${r.guid} carries the same receipt`).toBe(seen.xml);
        else firstOf.set(r.guid, r);
      }
      expect([...firstOf.values()].map((r) => r.xml), `receipts of ${receiver}, in order, byte for byte`).toEqual(want.map((r) => r.xml));
    }
    expect([...expected.values()].flat().length).toBeGreaterThan(250);
  }, 240_000);
});
