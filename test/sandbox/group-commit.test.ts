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
