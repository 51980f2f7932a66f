/**
 * `cbec-sim serve` as a separate process, for the tests that kill it: the serve command is bundled
 * once with esbuild (with its dependencies but the native better-sqlite3, so starting it reads few files), then started with plain node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Inside the repository, so the bundle's imports resolve from its node_modules. */
const DIR = fileURLToPath(new URL('../../node_modules/.cache/cbec-sim-tests/', import.meta.url));

/**
 * Bundles the `serve` command as `<name>/serve.js` (each test file its own folder, as they run in
 * parallel), with the server's worker threads beside it as the package has them (message reading,
 * checkpoints); returns the bundle's path. The data files the library reads beside its modules
 * are copied beside the bundle, and CommonJS dependencies get a `require`.
 */
export async function bundleCli(name: string): Promise<string> {
  const dir = `${DIR}${name}/`;
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: {
      serve: `${ROOT}test/sandbox/serve-entry.ts`,
      'intake-worker': `${ROOT}src/sandbox/intake-worker.ts`,
      'checkpoint-worker': `${ROOT}src/sandbox/checkpoint-worker.ts`,
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outExtension: { '.js': '.js' },
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    outdir: dir,
    logLevel: 'error',
  });
  // the bundles are ES modules whatever the package.json above them says
  writeFileSync(`${dir}package.json`, '{"type":"module"}\n');
  copyFileSync(`${ROOT}src/domain/hs/hs-nomenclature.txt`, `${dir}hs-nomenclature.txt`);
  return `${dir}serve.js`;
}

/** A running `cbec-sim serve`. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills every server this module started that is still running (for afterAll, even after a timeout). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Starts `cbec-sim serve` with `args` and resolves once it listens. */
export function startServer(bundle: string, args: readonly string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bundle, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/[^\s]+)/.exec(out)?.[1];
      if (url !== undefined) resolve({ child, url, exited });
    });
    child.once('exit', (code) => reject(new Error(`cbec-sim serve exited (${String(code)}) before listening:\n${out}\n${err}`)));
  });
}

/**
 * For a test file: bundles `serve` before its tests (as `<name>/serve.js`), and afterwards kills any
 * server still running and removes `work`. Read the bundle's path with `path()` inside a test.
 */
export function useServeBundle(name: string, work: string): { path(): string } {
  let bundle = '';
  beforeAll(async () => {
    bundle = await bundleCli(name);
  }, 60_000);
  afterAll(() => {
    killAll();
    rmSync(work, { recursive: true, force: true });
  });
  return { path: () => bundle };
}
