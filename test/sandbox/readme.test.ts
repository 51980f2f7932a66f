/**
 * The README's "Sandbox" section runs as written: its shell block (with `npx cbec-sim serve` run
 * from this checkout and the port a free one) and its TypeScript block (with `cbec-sim/...`
 * imports pointing at the sources).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useServeBundle } from './server-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const section = /\n## Sandbox\n([\s\S]*?)\n## /.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1] ?? '';
const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
const work = mkdtempSync(join(tmpdir(), 'cbec-readme-sandbox-'));
const serve = useServeBundle('readme', work);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('README: Sandbox', () => {
  it('has two shell blocks (installing the server packages, then the session) and one TypeScript block', () => {
    expect([blocks('sh').length, blocks('ts').length]).toEqual([2, 1]);
    // the packages it names are this checkout's devDependencies: nothing to fetch here
    expect(blocks('sh')[0]?.trim()).toBe('npm install better-sqlite3@^12.11.1 fastify@^5.12.8 @fastify/rate-limit@^11.2.0');
  });

  it('the shell block starts a sandbox, posts an order, reads and acknowledges receipts, forces an outcome, moves the clock', async () => {
    const port = String(await freePort());
    const script = (blocks('sh')[1] ?? '').replaceAll('npx cbec-sim serve', `node ${serve.path()}`).replaceAll('47180', port);
    const { stdout } = await promisify(execFile)('bash', ['-e', '-c', script], { cwd: work, timeout: 120_000 });
    const lines = stdout.trim().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(stdout).toContain('cbec-sim sandbox listening on');
    expect(lines[0]).toMatchObject({ status: 202, guid: '00000000-0000-4000-8000-000000000001', type: 'CEB311', duplicate: false, orders: ['SANDBOX-0001'] });
    const statuses = (line: Record<string, unknown> | undefined) => (line?.['receipts'] as { type: string; status: number; orderNo: string }[]).map((r) => `${r.orderNo} ${r.type} ${r.status}`);
    expect(statuses(lines[1])).toEqual(['SANDBOX-0001 CEB312 2', 'SANDBOX-0001 CEB312 3', 'SANDBOX-0001 CEB312 120']);
    expect(lines[2]).toEqual({ receiver: 'DXPENT0000000001', acked: 3 });
    expect(lines[3]).toMatchObject({ status: 202, orders: ['SANDBOX-0002'] });
    expect(statuses(lines[4])).toEqual(['SANDBOX-0002 CEB312 2', 'SANDBOX-0002 CEB312 4']);
    expect(lines[5]).toEqual({ orderNo: 'SANDBOX-0003', script: 'inspect:detain-502' });
    expect(lines[6]).toMatchObject({ mode: 'manual', ran: 0 });
  }, 150_000);

  it('the TypeScript block runs and prints the list released (800)', async () => {
    const code = (blocks('ts')[0] ?? '').replace("from 'cbec-sim/sandbox'", `from '${ROOT}src/sandbox/index.js'`).replace("from 'cbec-sim/testing'", `from '${ROOT}src/testing/index.js'`);
    const file = join(ROOT, 'node_modules/.cache/cbec-sim-tests/readme-sandbox.mts');
    writeFileSync(file, code);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, timeout: 120_000 });
    expect(stdout.trim()).toMatch(/CEB622 120, CEB816 1, CEB622 399, CEB622 800$/);
  }, 150_000);
});
