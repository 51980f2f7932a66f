// npm run bench:sandbox: load on the sandbox server over loopback with autocannon, each request a
// new CEB message (the four documents of 9610 import orders, each order its own), for 60 s
// (`-- --seconds N` or BENCH_SECONDS to change it). The server runs as `cbec-sim serve` in its own
// process, first with an in-memory database (the baseline), then with a database file in WAL mode;
// both are printed side by side (messages/s, p50, p99) with their ratio and the load average of the
// machine during each, and written to bench/sandbox-results.local.json (ignored by git), or to
// bench/sandbox-results.json with `-- --record`.
// Target: at least 2,000 messages/s sustained with p99 under 100 ms on the 2-core machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import fc from 'fast-check';
import { declarationMessages } from '../dist/sandbox.js';
import { channelDocuments } from '../dist/testing.js';

const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const SECONDS = Number(argument('--seconds') ?? process.env['BENCH_SECONDS'] ?? 60);
const RECORD = process.argv.includes('--record');
if (!Number.isInteger(SECONDS) || SECONDS < 1) throw new Error('--seconds must be a whole number of seconds, at least 1');
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const TARGET_RATE = 2_000;
const TARGET_P99_MS = 100;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Templates: distinct orders (and buyers); order n reuses template n mod 400 with its own numbers. */
const templates = fc.sample(channelDocuments('9610-import'), { seed: 20240115, numRuns: 400 }).map((docs) => ({ docs, xml: declarationMessages(docs) }));

const hex = (n, width) => n.toString(16).toUpperCase().padStart(width, '0');
/** The `i`th message of the run: order i >> 2, document i & 3, with every identifier made unique. */
function message(i) {
  const n = i >> 2;
  const { docs, xml } = templates[n % templates.length];
  const source = [xml.order, xml.payment, xml.waybill, xml.list][i & 3];
  const orderNo = `BENCH${String(n).padStart(12, '0')}`;
  return source
    .replaceAll(docs.order.orderNo, orderNo)
    .replaceAll(docs.list.copNo, `C${orderNo}`)
    .replaceAll(docs.waybill.logisticsNo, `YT${orderNo}`)
    .replaceAll(docs.payment.payTransactionId, `4200${orderNo}`)
    .replace(/[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}/g, `B0000000-0000-4000-8000-${hex(i, 12)}`);
}

function serve(db) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db, '--rate-limit', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`cbec-sim serve exited with ${code} before listening`)));
  });
}

async function measure(label, db) {
  const { child, url } = await serve(db);
  const loadBefore = loadavg()[0];
  let i = 0;
  const result = await autocannon({
    url: `${url}/ceb/messages`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    requests: [{ setupRequest: (request) => ({ ...request, body: message(i++) }) }],
  });
  const loadAfter = loadavg()[0];
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  const accepted = result['2xx'];
  return {
    label,
    messagesPerSecond: Math.round(accepted / SECONDS),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    accepted,
    refused: result.non2xx,
    errors: result.errors + result.timeouts,
    // the machine's 1-minute load average as the run started and ended (2 cores: above 2, others compete)
    load: [Number(loadBefore.toFixed(2)), Number(loadAfter.toFixed(2))],
  };
}

const work = mkdtempSync(join(tmpdir(), 'cbec-bench-sandbox-'));
try {
  console.log(`sandbox load: ${SECONDS} s each, ${CONNECTIONS} connections, one CEB message per request`);
  const baseline = await measure('in-memory database (baseline)', ':memory:');
  const file = await measure('database file, WAL', join(work, 'bench.sqlite'));
  const rows = [baseline, file];
  console.log('\n| server | messages/s | p50 ms | p99 ms | max ms | refused | errors | load average (start, end) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(`| ${r.label} | ${r.messagesPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.refused} | ${r.errors} | ${r.load.join(', ')} |`);
  const ratio = file.messagesPerSecond / Math.max(1, baseline.messagesPerSecond);
  const meets = file.messagesPerSecond >= TARGET_RATE && file.p99Ms < TARGET_P99_MS;
  console.log(`\nfile / baseline throughput: ${ratio.toFixed(2)}; target ${TARGET_RATE} messages/s with p99 under ${TARGET_P99_MS} ms: ${meets ? 'met' : 'NOT met'}`);
  const out = new URL(RECORD ? './sandbox-results.json' : './sandbox-results.local.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, baseline, file, ratio: Number(ratio.toFixed(3)), target: { messagesPerSecond: TARGET_RATE, p99Ms: TARGET_P99_MS, met: meets } }, null, 2)}\n`);
  console.log(`written to ${fileURLToPath(out)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
