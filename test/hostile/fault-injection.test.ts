/**
 * Faults in the middle of a run, through the CLI as a child process under a 512 MB memory cap:
 * SIGINT, SIGTERM and SIGKILL at random points, a full disk (a small tmpfs where the machine lets
 * a test mount one in a private mount namespace, and always an fs shim), an unwritable output.
 * In every case the output directory ends with the previous complete outputs, the new complete
 * ones, or (after SIGINT or SIGTERM) a complete partial set marked partial; no corrupted file
 * remains and no temporary file or directory leaks (after SIGKILL, the next run clears it).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliCommand, example, leftovers, privateTmp, scratch, snapshot, MEMORY_CAP_MB } from './helpers.js';

const scenario = example('peak-day-11-11');
const PREVIOUS = ['--orders', '60', '--format', 'json', '--log', '--seed', '5'];
const LONG = ['--orders', '2500', '--format', 'md,json', '--log'];
const reference = { previous: scratch('fault-previous'), long: scratch('fault-long') };
let previous: Record<string, string>;
let long: Record<string, string>;

beforeAll(async () => {
  const [a, b] = await Promise.all([cli(['run', scenario, '--out', reference.previous, ...PREVIOUS]), cli(['run', scenario, '--out', reference.long, ...LONG])]);
  expect([a.code, b.code], `${a.stderr}${b.stderr}`).toEqual([0, 0]);
  previous = snapshot(reference.previous);
  long = snapshot(reference.long);
}, 120_000);

/** A directory holding the previous run's complete outputs. */
function withPrevious(name: string): string {
  const dir = scratch(name);
  cpSync(reference.previous, dir, { recursive: true });
  return dir;
}

/** The outputs in `dir` (without the run's own hidden files). */
const visible = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).filter(([name]) => !name.startsWith('.')));

/** True when `dir` holds a complete partial set: the report marked partial, the Markdown saying so, the log whole NDJSON records. */
function completePartial(dir: string): boolean {
  const names = Object.keys(visible(dir));
  if (names.join() !== 'orders.ndjson,report.json,report.md') return false;
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { partial?: { simulatedUntil: string }; reconciliation: { ok: boolean } };
  const lines = readFileSync(join(dir, 'orders.ndjson'), 'utf8').split('\n');
  return report.partial !== undefined && report.reconciliation.ok && readFileSync(join(dir, 'report.md'), 'utf8').includes('**Partial report**') && lines.pop() === '' && lines.every((line) => JSON.parse(line) !== undefined);
}

/** Delays (ms) to signal at, drawn once per run of the suite (replayable from the fast-check seed). */
const delays = (n: number) => fc.sample(fc.integer({ min: 100, max: 4_000 }), { numRuns: n });

/** Calls `then` once the run has opened its staging directory in `dir` (so its signal handlers are in place). */
function whenStaged(dir: string, then: () => void): void {
  const poll = setInterval(() => {
    if (!leftovers(dir).some((name) => name.startsWith('.cbec-sim-run-'))) return;
    clearInterval(poll);
    then();
  }, 10);
  setTimeout(() => clearInterval(poll), 60_000).unref();
}

describe.concurrent('stopped by a signal at a random point', () => {
  it.each(delays(4).map((ms) => [ms]))('SIGINT after %d ms: exit 130 with a complete partial set, or 0 with the complete new set', async (ms) => {
    const dir = withPrevious('sigint');
    const tmp = privateTmp();
    const r = await cli(['run', scenario, '--out', dir, ...LONG, '--shards', '2', '--workers', '2'], { env: tmp.env, started: (child) => whenStaged(dir, () => setTimeout(() => child.kill('SIGINT'), ms)) });
    expect(r.timedOut).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(tmp.entries()).toEqual([]);
    if (r.code === 130) expect(completePartial(dir), r.stderr).toBe(true);
    else {
      expect(r.code).toBe(0);
      expect(Object.keys(visible(dir))).toEqual(Object.keys(long));
    }
  });

  it('SIGTERM: exit 143 with a complete partial set', async () => {
    const dir = withPrevious('sigterm');
    const r = await cli(['run', scenario, '--out', dir, ...LONG], { started: (child) => whenStaged(dir, () => child.kill('SIGTERM')) });
    expect(r.timedOut).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(r.code).toBe(143);
    expect(completePartial(dir)).toBe(true);
  });

  it('a second SIGINT stops at once: exit 130, nothing written, the previous outputs kept', async () => {
    const dir = withPrevious('twice');
    // the lean runner stops and writes within tens of milliseconds: the second signal is sent
    // again every millisecond until the process ends, so one lands while it is stopping
    const again = (child: ChildProcess) => {
      const repeat = setInterval(() => child.exitCode === null && child.signalCode === null && child.kill('SIGINT'), 1);
      child.once('exit', () => clearInterval(repeat));
    };
    const r = await cli(['run', scenario, '--out', dir, ...LONG], { started: (child) => whenStaged(dir, () => child.kill('SIGINT') && again(child)) });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('SIGINT again: stopped; nothing was written.');
    expect(leftovers(dir)).toEqual([]);
    expect(visible(dir)).toEqual(previous);
  });
});

describe.concurrent('killed with SIGKILL at a random point', () => {
  it.each(delays(5).map((ms) => [ms]))('after %d ms: the previous outputs or the new ones, never a mix; the next run clears what was left', async (ms) => {
    const dir = withPrevious('sigkill');
    const tmp = privateTmp();
    const r = await cli(['run', scenario, '--out', dir, ...LONG], { env: tmp.env, started: (child) => setTimeout(() => child.kill('SIGKILL'), ms) });
    expect(r.timedOut).toBe(false);
    const after = visible(dir);
    const midCommit = leftovers(dir).some((name) => name.startsWith('.cbec-sim-run-') && readdirSync(join(dir, name)).includes('COMMIT'));
    if (!midCommit) expect([previous, long]).toContainEqual(after);
    expect(tmp.entries()).toEqual([]);
    const next = await cli(['run', scenario, '--out', dir, ...PREVIOUS]);
    expect(next.code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    expect(visible(dir)).toEqual(previous);
  });
});

/** True when this process may mount a tmpfs in a private mount namespace. */
const canMount = process.platform === 'linux' && spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' }).status === 0;

/** Runs the CLI with `args` (`DIR` standing for the output directory) on a fresh tmpfs of `size` holding a copy of `seed`; returns its exit code, stderr and the tmpfs's entries. */
async function onTmpfs(size: string, seed: string, args: readonly string[]): Promise<{ code: number; stderr: string; files: Record<string, string> }> {
  const mountPoint = scratch('tmpfs');
  const driver = `
    const { execFileSync, spawnSync } = require('node:child_process');
    const { cpSync, readdirSync, readFileSync, statSync } = require('node:fs');
    const { createHash } = require('node:crypto');
    const [mnt, size, seed, ...command] = process.argv.slice(1);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=' + size, 'tmpfs', mnt]);
    cpSync(seed, mnt, { recursive: true });
    const r = spawnSync(command[0], command.slice(1).map((a) => (a === 'DIR' ? mnt : a)), { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    const files = {};
    for (const name of readdirSync(mnt).sort()) files[name] = statSync(mnt + '/' + name).isDirectory() ? 'directory' : createHash('sha256').update(readFileSync(mnt + '/' + name)).digest('hex');
    process.stdout.write(JSON.stringify({ code: r.status, stderr: r.stderr, files }));`;
  const command = await cliCommand(args);
  const r = spawnSync('unshare', ['-m', process.execPath, '-e', driver, mountPoint, size, seed, ...command], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { code: number; stderr: string; files: Record<string, string> };
}

describe.concurrent('a full disk', () => {
  it.skipIf(!canMount)('on a 1 MB tmpfs: exit 74 naming the path, the previous outputs kept, nothing left behind', async () => {
    const r = await onTmpfs('1m', reference.previous, ['run', scenario, '--out', 'DIR', ...LONG]);
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(/^cbec-sim run: cannot write \S+: no space left on device \(ENOSPC\)\n$/);
    expect(r.files).toEqual(previous);
  });

  it.skipIf(!canMount)('on a tmpfs that fills while the shard workers spool their logs', async () => {
    const r = await onTmpfs('1m', reference.previous, ['run', scenario, '--out', 'DIR', ...LONG, '--shards', '2', '--workers', '2']);
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(/no space left on device \(ENOSPC\)/);
    expect(r.files).toEqual(previous);
  });

  it.each([
    ['while the log is written', () => 200_000],
    ['while the reports are written', () => statSync(join(reference.long, 'orders.ndjson')).size + 1_000],
  ])('through an fs shim, %s: exit 74 naming the path, the previous outputs kept', async (_when, budget) => {
    const bytes = budget();
    const dir = withPrevious('shim');
    const shim = new URL('./fixtures/enospc-shim.mjs', import.meta.url).pathname;
    const r = await cli(['run', scenario, '--out', dir, ...LONG], { env: { NODE_OPTIONS: `--import=${shim} --max-old-space-size=${MEMORY_CAP_MB}`, CBEC_TEST_DISK_BYTES: String(bytes) } });
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(74);
    expect(r.stderr).toMatch(new RegExp(`^cbec-sim run: cannot write ${dir}/(orders\\.ndjson|report\\.(md|json)): no space left on device \\(ENOSPC\\)\\n$`));
    expect(leftovers(dir)).toEqual([]);
    expect(visible(dir)).toEqual(previous);
  });

  it('an output file made read-only while the run goes: exit 74 naming it, the previous outputs kept', async () => {
    const dir = withPrevious('unwritable');
    const asNobody = process.getuid?.() === 0 ? 65534 : undefined;
    chmodSync(dir, 0o777);
    if (asNobody !== undefined) for (const name of Object.keys(previous)) chownSync(join(dir, name), asNobody, asNobody);
    const r = await cli(['run', scenario, '--out', dir, ...LONG], { ...(asNobody === undefined ? {} : { asUser: asNobody }), started: () => setTimeout(() => chmodSync(join(dir, 'report.json'), 0o444), 800) });
    expect(r.timedOut).toBe(false);
    if (r.code === 0) return; // finished before the file became read-only
    expect(r.code).toBe(74);
    expect(r.stderr).toBe(`cbec-sim run: cannot write ${join(dir, 'report.json')}: it is read-only; make it writable, or give another --out.\n`);
    expect(leftovers(dir)).toEqual([]);
    expect(visible(dir)).toEqual(previous);
  });
});
