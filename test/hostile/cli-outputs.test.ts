/**
 * The output directory under hostile conditions, through the CLI as a child process under a
 * 512 MB memory cap: after every run it holds either the previous complete outputs or the new
 * complete ones (compared byte for byte with an undisturbed run), never a mix, and nothing left
 * behind (no lock, no staging directory, no shard spool).
 */
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, example, leftovers, privateTmp, scratch, snapshot, type CliResult } from './helpers.js';

const scenario = example('peak-day-11-11');
const FULL = ['--orders', '120', '--format', 'md,json,html', '--log'];
const SMALL = ['--orders', '40', '--format', 'json', '--log', '--seed', '3'];
const run = (out: string, args: readonly string[], options?: Parameters<typeof cli>[1]) => cli(['run', scenario, '--out', out, ...args], options);

/** As root, file permissions do not bind: run the child as nobody; otherwise as ourselves. */
const unprivileged = process.getuid?.() === 0 ? { asUser: 65534 } : {};

let full: Record<string, string>;
let small: Record<string, string>;

/** A directory holding the complete outputs of `FULL`, as a previous run left them. */
function previousRun(name: string): string {
  const dir = scratch(name);
  cpSync(reference.full, dir, { recursive: true });
  return dir;
}

const reference = { full: scratch('reference-full'), small: scratch('reference-small') };

beforeAll(async () => {
  const [a, b] = await Promise.all([run(reference.full, FULL), run(reference.small, SMALL)]);
  expect([a.code, b.code], `${a.stderr}${b.stderr}`).toEqual([0, 0]);
  full = snapshot(reference.full);
  small = snapshot(reference.small);
  expect(Object.keys(full)).toEqual(['orders.ndjson', 'report.html', 'report.json', 'report.md']);
  expect(Object.keys(small)).toEqual(['orders.ndjson', 'report.json']);
});

function clean(dir: string, r: CliResult): void {
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(leftovers(dir)).toEqual([]);
}

describe.concurrent('a run replaces the previous outputs as a whole, or not at all', () => {
  it('replaces a complete set by a complete set, removing outputs the new run does not write', async () => {
    const dir = previousRun('replace');
    const r = await run(dir, SMALL);
    expect(r.code).toBe(0);
    clean(dir, r);
    expect(snapshot(dir)).toEqual(small);
  });

  it('writes into a directory it creates, with workers, leaving no spool directory', async () => {
    const dir = join(scratch('create'), 'new', 'out');
    const tmp = privateTmp();
    const r = await run(dir, [...SMALL, '--shards', '2', '--workers', '2'], { env: tmp.env });
    expect(r.code).toBe(0);
    clean(dir, r);
    expect(tmp.entries()).toEqual([]);
  });

  it('keeps the previous outputs when the scenario is refused', async () => {
    const dir = previousRun('refused');
    const file = join(dir, '..', `bad-${process.pid}.json`);
    writeFileSync(file, '{"start": "2021-02-30T00:00:00+08:00"}');
    const r = await cli(['run', file, '--out', dir, '--log']);
    expect(r.code).toBe(2);
    clean(dir, r);
    expect(snapshot(dir)).toEqual(full);
  });

  it.each(['orders.ndjson', 'report.json'])('exits 74 naming %s when a directory stands in its place, keeping the previous outputs', async (name) => {
    const dir = previousRun(`dir-${name}`);
    rmSync(join(dir, name));
    mkdirSync(join(dir, name));
    const before = snapshot(dir);
    const r = await run(dir, SMALL);
    expect(r.code).toBe(74);
    expect(r.stderr).toBe(`cbec-sim run: cannot write ${join(dir, name)}: it is a directory; move it away, or give another --out.\n`);
    clean(dir, r);
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 74 naming a read-only orders.ndjson, keeping the previous outputs', async () => {
    const dir = previousRun('read-only');
    chmodSync(dir, 0o777);
    if (unprivileged.asUser !== undefined) for (const name of Object.keys(full)) chownSync(join(dir, name), unprivileged.asUser, unprivileged.asUser);
    chmodSync(join(dir, 'orders.ndjson'), 0o444);
    const r = await run(dir, SMALL, unprivileged);
    expect(r.code).toBe(74);
    expect(r.stderr).toBe(`cbec-sim run: cannot write ${join(dir, 'orders.ndjson')}: it is read-only; make it writable, or give another --out.\n`);
    clean(dir, r);
    expect(snapshot(dir)).toEqual(full);
  });

  it('refuses an --out directory it cannot write into (exit 2, usage line)', async () => {
    const dir = previousRun('unwritable');
    chmodSync(dir, 0o555);
    const r = await run(dir, SMALL, unprivileged);
    chmodSync(dir, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: is not writable: permission denied \(EACCES\)/);
    expect(r.stderr).toContain('Usage: cbec-sim run');
    clean(dir, r);
    expect(snapshot(dir)).toEqual(full);
  });
});

describe.concurrent('one run at a time writes into a directory', () => {
  it('refuses a directory a live run holds (exit 75), naming the lock and its holder', async () => {
    const dir = previousRun('locked');
    const lock = join(dir, '.cbec-sim.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'cbec-sim run other.json' }));
    const r = await run(dir, SMALL);
    expect(r.code).toBe(75);
    expect(r.stderr).toContain(`${lock} is held by process ${process.pid} on ${hostname()} (cbec-sim run other.json)`);
    expect(readFileSync(lock, 'utf8')).toContain(String(process.pid));
    rmSync(lock);
    expect(snapshot(dir)).toEqual(full);
  });

  it.each([
    ['a dead process', JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), command: 'killed' })],
    ['nothing readable', '\u0000garbage'],
  ])('takes over a lock held by %s, and clears what that run left', async (_what, content) => {
    const dir = previousRun('stale');
    writeFileSync(join(dir, '.cbec-sim.lock'), content);
    mkdirSync(join(dir, '.cbec-sim-run-4194321'));
    writeFileSync(join(dir, '.cbec-sim-run-4194321', 'orders.ndjson'), '{"cut":');
    writeFileSync(join(dir, '.cbec-sim.lock.4194321.new'), '{}');
    const r = await run(dir, SMALL);
    expect(r.code).toBe(0);
    clean(dir, r);
    expect(snapshot(dir)).toEqual(small);
  });

  it('two runs into one directory at once: one writes, the other is refused or follows; never interleaved', async () => {
    const dir = previousRun('race');
    const results = await Promise.all([run(dir, SMALL), run(dir, SMALL), run(dir, SMALL)]);
    const codes = results.map((r) => r.code).sort();
    expect(codes.every((c) => c === 0 || c === 75)).toBe(true);
    expect(codes).toContain(0);
    for (const r of results.filter((x) => x.code === 75)) expect(r.stderr).toMatch(/\.cbec-sim\.lock is held by process \d+/);
    expect(leftovers(dir)).toEqual([]);
    expect(snapshot(dir)).toEqual(small);
  });
});

describe.concurrent('standard output', () => {
  it('stops quietly when the reader closes the pipe early', async () => {
    let closed = false;
    const r = await cli(['run', scenario, '--orders', '200', '--format', 'json,html,md,csv'], {
      started: (child) =>
        child.stdout?.once('data', () => {
          closed = true;
          child.stdout?.destroy();
        }),
    });
    expect(closed).toBe(true);
    expect(r.timedOut).toBe(false);
    expect([0, null]).toContain(r.code);
    expect(r.stderr).not.toMatch(/EPIPE|at /);
  });

  it('the outputs are complete files: the JSON parses, the log is whole NDJSON records', () => {
    const report = JSON.parse(readFileSync(join(reference.full, 'report.json'), 'utf8')) as { totals: { orders: number }; partial?: unknown };
    expect(report.totals.orders).toBe(120);
    expect(report.partial).toBeUndefined();
    const lines = readFileSync(join(reference.full, 'orders.ndjson'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(readFileSync(join(reference.full, 'report.html'), 'utf8').trimEnd().endsWith('</html>')).toBe(true);
    expect(existsSync(join(reference.small, 'report.md'))).toBe(false);
  });
});
