// Runs a small experiment from the built package on one worker thread and on two, from ESM and from
// CJS: the experiment worker entry (dist/experiment-worker.js) is found, and the bytes agree; then
// plan, unit and merge through the command.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esm from 'cbec-sim';

const cjs = createRequire(import.meta.url)('cbec-sim');
const file = 'examples/experiments/limits-2016-vs-2019.json';
const small = (lib) => ({ ...lib.loadExperiment(file), orders: 200, replications: 2 });
const report = async (lib, workers) => lib.experimentToJson(await lib.createExperiment(small(lib), { workers }).run());

const oneThread = await report(esm, 1);
assert.equal(await report(esm, 2), oneThread, 'ESM: 2 workers give the bytes of 1');
assert.equal(await report(cjs, 2), oneThread, 'CJS: 2 workers give the bytes of 1');
assert.equal(JSON.parse(oneThread).points.length, 2);

const cli = (...args) => spawnSync(process.execPath, ['dist/cli.js', 'experiment', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
const plan = cli('plan', file);
assert.equal(plan.status, 0, plan.stderr);
assert.equal(plan.stdout.trim().split('\n').length, 20);
const dir = mkdtempSync(join(tmpdir(), 'cbec-sim-experiment-'));
const quick = join(dir, 'quick.json');
writeFileSync(quick, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), scenario: resolve('examples/scenarios/singles-day-week.json'), orders: 200 }));
const out = join(dir, 'out');
for (const index of [1, 0]) {
  const unit = cli('unit', quick, '--index', String(index), '--out', out);
  assert.equal(unit.status, 0, unit.stderr);
}
const merge = cli('merge', out, '--format', 'md');
assert.equal(merge.status, 1);
assert.match(merge.stderr, /needs 18 more units before its report: 2, 3, 4/);
assert.match(readFileSync(join(out, 'points/1/replications/0/report.md'), 'utf8'), /^# Singles' Day week/);
console.log('Experiment test: ok');
