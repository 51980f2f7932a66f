// Runs the built command as a user would: exit codes and messages, never a stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = (...args) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
const dir = mkdtempSync(join(tmpdir(), 'cbec-cli-'));

const broken = join(dir, 'broken.json');
writeFileSync(broken, JSON.stringify({ start: 'tomorrow', arrivals: [{ channel: '9999', ordersPerDay: -1 }], catalogue: [] }));
const bad = cli('run', broken);
assert.equal(bad.status, 2, bad.stderr);
assert.match(bad.stderr, /Invalid scenario \(4 issues\)/);
assert.match(bad.stderr, /arrivals\[0\]\.channel/);
assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');

const help = cli('--help');
assert.equal(help.status, 0);
assert.match(help.stdout, /run +simulate a scenario/);

const out = join(dir, 'out');
const ok = cli('run', 'examples/scenarios/peak-day-11-11.json', '--orders', '200', '--out', out, '--format', 'json,md', '--log');
assert.equal(ok.status, 0, ok.stderr);
const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
assert.equal(report.totals.orders, 200);
assert.equal(report.reconciliation.ok, true);
assert.ok(readFileSync(join(out, 'orders.ndjson'), 'utf8').split('\n').length > 2000);

const schema = JSON.parse(readFileSync('dist/scenario.schema.json', 'utf8'));
assert.equal(schema.title, 'cbec-sim scenario');
console.log('CLI test: ok');
