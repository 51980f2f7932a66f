// Runs a sharded simulation from the built package on one worker thread and on two, from ESM, from
// CJS and from the command: the worker entry (dist/shard-worker.js) is found, and the bytes agree.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as esm from 'cbec-sim';

const cjs = createRequire(import.meta.url)('cbec-sim');
const scenarioFile = 'examples/scenarios/peak-day-11-11.json';
const options = { orders: 1000, shards: 2 };
const report = async (lib, workers) => lib.reportToJson(await lib.createSimulation(lib.loadScenario(scenarioFile), { ...options, workers }).run());

const oneThread = await report(esm, 1);
assert.equal(await report(esm, 2), oneThread, 'ESM: 2 workers give the bytes of 1');
assert.equal(await report(cjs, 2), oneThread, 'CJS: 2 workers give the bytes of 1');
const parsed = JSON.parse(oneThread);
assert.equal(parsed.scenario.shards, 2);
assert.equal(parsed.totals.orders, 1000);
assert.equal(parsed.reconciliation.ok, true);

const cli = spawnSync(process.execPath, ['dist/cli.js', 'run', scenarioFile, '--orders', '1000', '--shards', '2', '--workers', '2', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
assert.equal(cli.status, 0, cli.stderr);
assert.equal(cli.stdout, oneThread, 'the command on 2 workers gives the bytes of the library on 1');

const bad = spawnSync(process.execPath, ['dist/cli.js', 'run', scenarioFile, '--workers', '3'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
assert.equal(bad.status, 2);
assert.match(bad.stderr, /--workers: must be a whole number from 1 to the number of shards \(1\)/);
console.log('Shards test: ok');
