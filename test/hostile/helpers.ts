/**
 * Shared by the hostile-input suites: the CLI built once from the sources and run as a child
 * process under a memory cap and a time limit, scenario builders, and checks of an output
 * directory (the previous outputs or the new ones, complete, never a mix, nothing left behind).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The memory cap of every CLI child process (MiB of V8 old space). */
export const MEMORY_CAP_MB = 512;
/** How long a CLI child process may take before the case fails (generous: the machine is shared). */
export const TIME_LIMIT_MS = 60_000;

function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(ROOT, path)).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'src'));
  return hash.digest('hex').slice(0, 16);
}

let built: Promise<string> | undefined;

/**
 * The CLI bundled from the current sources (ESM, with its shard worker beside it), built once per
 * source state into `node_modules/.cache` so its packages resolve; concurrent builders race to a
 * rename and the loser's copy is discarded.
 */
export function cliPath(): Promise<string> {
  built ??= (async () => {
    const dir = join(ROOT, 'node_modules/.cache/cbec-sim-hostile', sourcesHash());
    const cli = join(dir, 'cli.js');
    if (existsSync(cli)) return cli;
    mkdirSync(join(dir, '..'), { recursive: true });
    // bundles of earlier source states are of no further use
    for (const old of readdirSync(join(dir, '..'))) if (!old.startsWith(basename(dir))) rmSync(join(dir, '..', old), { recursive: true, force: true });
    const draft = mkdtempSync(`${dir}-`);
    const { build } = await import('tsup'); // only the CLI suites build; the library suites need not load it
    await build({ entry: { cli: join(ROOT, 'src/cli/main.ts'), 'shard-worker': join(ROOT, 'src/sim/shard/worker.ts') }, format: ['esm'], outDir: draft, target: 'node20', config: false, silent: true, dts: false, sourcemap: false, clean: false });
    // the HS nomenclature is data read on demand beside the built modules, as in the package
    copyFileSync(join(ROOT, 'src/domain/hs/hs-nomenclature.txt'), join(draft, 'hs-nomenclature.txt'));
    chmodSync(draft, 0o755); // readable by the unprivileged user some cases run as
    try {
      renameSync(draft, dir);
    } catch {
      rmSync(draft, { recursive: true, force: true });
    }
    return cli;
  })();
  return built;
}

/** What a CLI child process did. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

/** Options of {@link cli}. */
export interface CliOptions {
  readonly cwd?: string;
  /** Run as this user id and group id (e.g. 65534, nobody), so file permissions apply to the process. */
  readonly asUser?: number;
  /** Wrap the command (e.g. `['unshare', '-m', ...]`); the node command line is appended. */
  readonly wrap?: readonly string[];
  /** Called once the process has started, with it (to send it signals). */
  readonly started?: (child: ChildProcess) => void;
  readonly env?: Readonly<Record<string, string>>;
}

/** The node command line of the CLI with `args`, under the memory cap. */
export async function cliCommand(args: readonly string[]): Promise<string[]> {
  return [process.execPath, `--max-old-space-size=${MEMORY_CAP_MB}`, await cliPath(), ...args];
}

/** Runs `cbec-sim args` as a child process, under the memory cap and the time limit. */
export async function cli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const command = await cliCommand(args);
  const user = options.asUser === undefined ? [] : ['setpriv', `--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups'];
  const full = [...(options.wrap ?? []), ...user, ...command];
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(full[0]!, full.slice(1), { cwd: options.cwd ?? ROOT, env: { ...process.env, CI: 'true', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - began });
    });
    options.started?.(child);
  });
}

/** A fresh temporary directory for one case. */
export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `cbec-hostile-${name}-`));
}

/** Path of an example scenario. */
export const example = (name: string): string => join(ROOT, 'examples/scenarios', `${name}.json`);

/** A small valid scenario object: two channels, two products, a day of arrivals. */
export function baseScenario(): Record<string, unknown> {
  return {
    name: 'hostile base',
    seed: 7,
    start: '2019-11-04T00:00:00+08:00',
    horizonDays: 1,
    drainDays: 10,
    maxOrders: 30,
    arrivals: [
      { channel: '9610-import', ordersPerDay: 200 },
      { channel: '1210-import', ordersPerDay: 100 },
    ],
    catalogue: [
      { itemNo: 'SKU-1', itemName: 'Face cream 50ml', hsCode: '3304990099', unit: '011', originCountry: 'JP', minPrice: '50.00', maxPrice: '300.00' },
      { itemNo: 'SKU-2', itemName: 'Infant formula 900 g', hsCode: '1901101090', unit: '122', originCountry: 'NZ', minPrice: '150.00', maxPrice: '320.00' },
    ],
  };
}

/** Writes `content` (an object as JSON, or text) to `name` in `dir`; returns its path. */
export function writeInput(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
}

/** The entries of `dir` with their contents (hex digest; `'directory'` for a directory), for comparing output sets. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    files[name] = statSync(path).isDirectory() ? 'directory' : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

/** Names in `dir` a finished run must not leave behind: its lock, lock drafts, staging directories. */
export function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('.cbec-sim')) : [];
}

/** A private temporary directory for a child process (its TMPDIR), to check that it leaves nothing there. */
export function privateTmp(): { env: { TMPDIR: string }; entries: () => string[] } {
  const dir = scratch('tmpdir');
  chmodSync(dir, 0o777);
  return { env: { TMPDIR: dir }, entries: () => readdirSync(dir) };
}

/** The error `run` throws (failing the test when it throws none). */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
