/**
 * The sandbox's web page in headless Chromium: after a flow, the order's page shows its state on
 * the statechart and its timeline, and the browser logs no console message or error. Chromium is
 * found through CHROMIUM_PATH (or CHROME_PATH), then on PATH; the test skips when there is none.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/start.js';
import { declarationMessages, documentsFor, inOrder, sendAll } from './fixtures.js';

function findChromium(): string | undefined {
  const named = process.env['CHROMIUM_PATH'] ?? process.env['CHROME_PATH'];
  if (named !== undefined && named !== '') return named;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const CHROMIUM = findChromium();
if (CHROMIUM === undefined) console.warn('Skipping the sandbox page browser test: no Chromium (set CHROMIUM_PATH or install chromium).');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-logging=stderr', '--v=0'];
const work = mkdtempSync(join(tmpdir(), 'cbec-sandbox-browser-'));

let sandbox: Sandbox;
let dom = '';
let logs = '';
const docs = documentsFor('1210-import', 801);

beforeAll(async () => {
  if (CHROMIUM === undefined) return;
  sandbox = await startSandbox();
  await sendAll(sandbox.client, inOrder(declarationMessages(docs)), 'inspect:pass');
  const { stdout, stderr } = await promisify(execFile)(CHROMIUM, [...FLAGS, `--user-data-dir=${join(work, 'profile')}`, '--dump-dom', `${sandbox.url}/?order=${docs.order.orderNo}`], { timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
  dom = stdout;
  logs = stderr;
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(CHROMIUM === undefined)('the sandbox page in headless Chromium', () => {
  it("shows the order's state and marks it on the statechart", () => {
    expect(dom).toContain(`Order ${docs.order.orderNo}`);
    expect(/<td id="order-state">([^<]*)<\/td>/.exec(dom)?.[1]).toBe('clearance.inspection');
    const active = [...dom.matchAll(/<li class="active[^"]*"><span>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(active).toEqual(['clearance', 'inspection']);
  });

  it('shows the timeline: the messages, the events and the receipts, in time order', () => {
    const timeline = /<table id="timeline">[\s\S]*?<\/table>/.exec(dom)?.[0] ?? '';
    const receipts = [...timeline.matchAll(/<td>receipt<\/td><td><code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(receipts.slice(-4)).toEqual(['CEB622 120', 'CEB816 1', 'CEB622 399', 'CEB622 500']);
    expect([...timeline.matchAll(/<td>message<\/td><td><code>(CEB\d+)<\/code>/g)].map((m) => m[1])).toEqual(['CEB311', 'CEB411', 'CEB511', 'CEB621']);
    expect(timeline).toContain('<td>scheduled</td><td><code>inspection</code>');
  });

  it('logs no console messages or uncaught errors', () => {
    expect(logs.split('\n').filter((line) => /:CONSOLE|Uncaught/.test(line))).toEqual([]);
  });
});
