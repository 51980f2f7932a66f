// The built cbec-sim/sandbox, by its own name from ESM and CommonJS: a sandbox starts, takes an
// order and answers with receipts; and the main entry never reaches the server's dependencies.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startSandbox, declarationMessages, SAMPLE_SENDERS } from 'cbec-sim/sandbox';
import { channelDocuments } from 'cbec-sim/testing';

const [docs] = fc.sample(channelDocuments('9610-import'), { seed: 1, numRuns: 1 });
const sandbox = await startSandbox();
const outcome = await sandbox.client.send(declarationMessages(docs).order);
assert.equal(outcome.status, 202);
const { receipts } = await sandbox.client.receipts(SAMPLE_SENDERS.platform.dxpId);
assert.deepEqual(receipts.map((r) => `${r.type} ${r.status}`), ['CEB312 2', 'CEB312 3', 'CEB312 120']);
await sandbox.close();
console.log('ESM cbec-sim/sandbox: ok');

const require = createRequire(import.meta.url);
const cjs = require('cbec-sim/sandbox');
assert.equal(typeof cjs.startSandbox, 'function');
assert.equal(typeof cjs.createSandboxClient, 'function');
console.log('CJS cbec-sim/sandbox: ok');

// With its threads, from ESM and CJS: the reader thread's entry (dist/intake-worker.js) is found
// and reads the message, and the checkpoint thread's (dist/checkpoint-worker.js) leaves no log.
const work = mkdtempSync(join(tmpdir(), 'cbec-package-sandbox-'));
try {
  for (const [name, start] of [['ESM', startSandbox], ['CJS', cjs.startSandbox]]) {
    const db = join(work, `${name}.sqlite`);
    const threaded = await start({ threads: true, db });
    assert.equal((await threaded.client.send(declarationMessages(docs).order)).status, 202);
    const metrics = await (await globalThis.fetch(`${threaded.url}/metrics`)).text();
    assert.match(metrics, /^cbec_sandbox_read_on_thread_total 1$/m, `${name}: the message was read on the reader thread`);
    await threaded.close();
    assert.equal(existsSync(`${db}-wal`), false, `${name}: the database was closed with its log checkpointed`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('sandbox threads from the package (ESM, CJS): ok');

const seen = new Set();
const reaches = (file, pattern) => {
  if (seen.has(file)) return false;
  seen.add(file);
  const code = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
  if (pattern.test(code)) return true;
  return [...code.matchAll(/(?:from |require\()['"]\.\/([^'"]+)['"]/g)].some((m) => reaches(m[1], pattern));
};
const server = /(?:from |require\(|import\()['"](?:fastify|better-sqlite3|@fastify\/[^'"]+)['"]/;
for (const entry of ['index.js', 'index.cjs', 'messages.js', 'testing.js']) {
  seen.clear();
  assert.equal(reaches(entry, server), false, `dist/${entry} reaches the server's dependencies`);
}
seen.clear();
assert.equal(reaches('sandbox.js', server), true, 'the check itself: dist/sandbox.js does import them');
console.log('main entry free of fastify and better-sqlite3: ok');
