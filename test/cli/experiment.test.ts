/**
 * cbec-sim experiment: a local run, and the same experiment as separate plan, unit and merge
 * processes (units in a shuffled order, two at a time), give the same bytes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { experimentCommand } from '../../src/cli/commands/experiment.js';
import { TINY_SCENARIO } from '../experiment/fixtures.js';

const run = promisify(execFile);
const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/** `cbec-sim args` in a process of its own, from the sources. */
async function cbecSim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function inProcess(args: string[]) {
  let out = '';
  let err = '';
  const code = await experimentCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cbec-experiment-cli-'));
writeFileSync(join(dir, 'scenario.json'), JSON.stringify(TINY_SCENARIO));
const file = join(dir, 'experiment.json');
writeFileSync(file, JSON.stringify({ scenario: 'scenario.json', seed: 4, factors: { 'customs.capacityPerHour': [5, 20] }, replications: 2, outputs: ['channels[9610-import].clearance.p90', 'totals.orders'] }));
const read = (folder: string, name: string) => readFileSync(join(dir, folder, name), 'utf8');

describe('cbec-sim experiment', () => {
  it('plan, unit and merge as separate processes, units in a shuffled order, give the bytes of a local run', async () => {
    const local = await inProcess([file, '--out', join(dir, 'local'), '--workers', '2']);
    expect(local).toMatchObject({ code: 0, out: expect.stringMatching(/^Wrote report.md, report.json, report.html to .*: 2 points, 4 replications/) });

    const plan = await cbecSim('experiment', 'plan', file);
    expect(plan.code).toBe(0);
    const units = plan.stdout.trim().split('\n').map((line) => JSON.parse(line) as { index: number; point: number; replication: number });
    expect(units.map((u) => [u.index, u.point, u.replication])).toEqual([[0, 0, 0], [1, 1, 0], [2, 0, 1], [3, 1, 1]]);

    const shuffled = [2, 0, 3, 1];
    const lanes = [shuffled.slice(0, 2), shuffled.slice(2)];
    await Promise.all(lanes.map(async (lane) => {
      for (const index of lane) expect((await cbecSim('experiment', 'unit', file, '--index', String(index), '--out', join(dir, 'array'))).code).toBe(0);
    }));
    const merged = await cbecSim('experiment', 'merge', join(dir, 'array'));
    expect(merged).toMatchObject({ code: 0, stdout: expect.stringMatching(/2 points, 4 replications/) });

    for (const name of ['report.md', 'report.json', 'report.html', 'experiment.json', 'points/1/scenario.json', 'points/0/replications/1/report.json', 'units/unit-3.json']) {
      expect(read('array', name), name).toBe(read('local', name));
    }
    expect(read('local', 'report.md')).toMatch(/\| 1 \| 20 \| 2 \| [\d.]+ \| [\d.]+ to [\d.]+ \| ±/);
  }, 120_000);

  it('merge names the units still missing and exits 1; plan --done lists them', async () => {
    const partial = join(dir, 'partial');
    expect((await inProcess(['unit', file, '--index', '1', '--out', partial])).code).toBe(0);
    await expect(inProcess(['merge', partial])).rejects.toThrow(/needs 3 more units before its report: 0, 2, 3/);
    const next = await inProcess(['plan', file, '--done', partial]);
    expect(next.out.trim().split('\n').map((l) => (JSON.parse(l) as { index: number }).index)).toEqual([0, 2, 3]);
  });

  it('refuses a bad experiment file with every issue and its path, exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ scenario: 'scenario.json', factors: { 'customs.capacityPerHour': [0], 'customs.seats': [3] }, replications: 2, outputs: ['totals.orders'] }));
    const refused = await cbecSim('experiment', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Invalid experiment (2 issues)');
    expect(refused.stderr).toContain("factors.customs.seats: does not exist in the scenario: customs has no field 'seats'");
    expect(refused.stderr).toContain('factors.customs.capacityPerHour[0]: level 0 makes the scenario invalid: customs.capacityPerHour: must be from 0.01 to 10,000,000.');
    const output = join(dir, 'bad-output.json');
    writeFileSync(output, JSON.stringify({ scenario: 'scenario.json', replications: 2, outputs: ['channels[9610-import].clearance.p97'] }));
    const plan = await inProcess(['plan', output]).catch((e: Error) => e.message);
    expect(plan).toMatch(/outputs\[0\]: is not a figure of the report: channels\[9610-import\]\.clearance has no field 'p97'/);
  }, 60_000);

  it('prints the JSON Schema of experiment files, and usage', async () => {
    const schema = await inProcess(['schema']);
    expect(JSON.parse(schema.out)).toMatchObject({ title: 'cbec-sim experiment', required: expect.arrayContaining(['scenario', 'replications', 'outputs']) });
    expect((await inProcess(['--help'])).out).toMatch(/^Usage: cbec-sim experiment <experiment.json>/);
    expect((await inProcess([])).code).toBe(2);
  });
});
