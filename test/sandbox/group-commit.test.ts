/**
 * Group commit: messages taken at the same moment share one transaction, each in a savepoint of
 * its own; each is answered only once that transaction is committed, and one that fails is undone
 * alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseClockMode } from '../../src/sandbox/clock.js';
import { openEngine } from '../../src/sandbox/open.js';
import type { SandboxEngine } from '../../src/sandbox/engine.js';
import { GroupCommit, MAX_GROUP, RETRY_DELAYS_MS } from '../../src/sandbox/group-commit.js';
import { declarationMessages, documentsFor, incoming, inOrder, memoryEngine, receiptLines } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'cbec-group-'));
const engines: SandboxEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.store.close()));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('group commit', () => {
  it('answers each message of a group once the group is committed: another connection already sees it', async () => {
    const path = join(work, 'visible.sqlite');
    const engine = openEngine({ db: path, seed: 1, clock: parseClockMode('manual') });
    engines.push(engine);
    const reader = new Database(path, { readonly: true });
    const docs = documentsFor('9610-import', 41);
    const messages = inOrder(declarationMessages(docs)).map((xml) => incoming(xml));
    const seen: number[] = [];
    const count = reader.prepare('SELECT count(*) AS n FROM messages');
    await Promise.all(messages.map(async (m) => {
      await engine.accept(m);
      seen.push((count.get() as { n: number }).n);
    }));
    reader.close();
    expect(seen).toEqual([4, 4, 4, 4]);
    expect(receiptLines(engine, docs.order.orderNo).slice(-2)).toEqual(['CEB622 399', 'CEB622 800']);
  });

  it('undoes a message that fails alone: the others of its group are kept and answered, the failed one is kept nowhere', async () => {
    const engine = memoryEngine();
    engines.push(engine);
    const one = documentsFor('9610-import', 42);
    const two = documentsFor('9610-import', 43);
    const failing = incoming(declarationMessages(two).order);
    const insert = engine.store.insertMessage.bind(engine.store);
    vi.spyOn(engine.store, 'insertMessage').mockImplementation((row) => {
      const fresh = insert(row);
      if (row.guid === failing.guid) throw new Error('disk on fire');
      return fresh;
    });
    const outcomes = await Promise.allSettled([incoming(declarationMessages(one).order), failing, incoming(declarationMessages(one).payment ?? '')].map((m) => engine.accept(m)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(receiptLines(engine, one.order.orderNo)).toEqual(['CEB312 2', 'CEB312 3', 'CEB312 120', 'CEB412 2', 'CEB412 3', 'CEB412 120']);
    expect(engine.store.getOrder(two.order.orderNo)).toBeUndefined();
    expect(engine.store.messagesOf(two.order.orderNo)).toEqual([]);
    expect(receiptLines(engine, two.order.orderNo)).toEqual([]);
    vi.restoreAllMocks();
    // memory was rebuilt from the store: the failed message is taken afresh when sent again
    await engine.accept(failing);
    expect(receiptLines(engine, two.order.orderNo)).toEqual(['CEB312 2', 'CEB312 3', 'CEB312 120']);
  });
});

describe('a group the database refused for a moment (SQLITE_BUSY)', () => {
  it('is tried again until the lock is free, then committed and answered: nothing is refused', async () => {
    const path = join(work, 'locked.sqlite');
    const engine = openEngine({ db: path, seed: 1, clock: parseClockMode('manual') });
    engines.push(engine);
    // fail at once instead of waiting on this thread, which must go on to let the lock go
    engine.store.db.pragma('busy_timeout = 0');
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const tries = vi.spyOn(engine.store, 'transaction');
    const docs = documentsFor('9610-import', 44);
    const answered = Promise.all(inOrder(declarationMessages(docs)).map((xml) => engine.accept(incoming(xml))));
    setTimeout(() => other.exec('COMMIT'), 40);
    const acks = await answered;
    other.close();
    expect(acks.map((a) => a.duplicate)).toEqual([false, false, false, false]);
    expect(tries.mock.calls.length).toBeGreaterThan(1);
    expect(receiptLines(engine, docs.order.orderNo).slice(-2)).toEqual(['CEB622 399', 'CEB622 800']);
    vi.restoreAllMocks();
  });
});

describe('GroupCommit retries', () => {
  const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  const isBusy = (error: unknown) => error === busy;

  it('tries a group again after a transient failure, still ahead of the units behind it, and answers each in order', async () => {
    const commits: number[][] = [];
    let refusals = 2;
    const group = new GroupCommit((units) => {
      if (refusals-- > 0) throw busy;
      const values = units.map((u) => u() as number);
      commits.push(values);
      return values.map((value) => ({ ok: true, value }));
    }, isBusy);
    // more than one group's worth: the first group is refused while the rest wait behind it
    const count = MAX_GROUP + 2;
    const first = Array.from({ length: count }, (_, i) => group.submit(() => i));
    await new Promise((resolve) => setImmediate(resolve));
    const later = group.submit(() => count);
    const all = Array.from({ length: count + 1 }, (_, i) => i);
    expect(await Promise.all([...first, later])).toEqual(all);
    expect(commits.flat()).toEqual(all);
    expect(commits[0]).toHaveLength(MAX_GROUP);
  });

  it('answers with the error a failure that is not transient, and one that lasts past every retry', async () => {
    const broken = new GroupCommit(() => {
      throw new Error('disk on fire');
    }, isBusy);
    await expect(broken.submit(() => 1)).rejects.toThrow('disk on fire');
    // the waits between tries run on fake time; the first try, on the next turn of the loop, on real time
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let tries = 0;
      const locked = new GroupCommit(() => {
        tries++;
        throw busy;
      }, isBusy);
      const settled = locked.submit(() => 1).then(() => 'committed', (error: unknown) => error);
      await new Promise((resolve) => setImmediate(resolve));
      await vi.runAllTimersAsync();
      expect(await settled).toBe(busy);
      expect(tries).toBe(RETRY_DELAYS_MS.length + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait out a transient failure when flushed: the group is answered with it', async () => {
    const group = new GroupCommit(() => {
      throw busy;
    }, isBusy);
    const answer = group.submit(() => 1);
    group.flush();
    await expect(answer).rejects.toBe(busy);
  });
});
