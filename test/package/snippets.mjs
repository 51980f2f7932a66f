// The newcomer's path, as a test: every code block of README.md and docs/*.md, run as written from
// a new project that installed the packed package (`npm pack`), never from the repository.
//
// - The package is packed once and unpacked into the project's node_modules; its dependencies,
//   and the packages a README line says to `npm install`, are linked from this repository's
//   node_modules, so nothing is fetched.
// - `sh` blocks run line by line in the project, in document order, each line expected to exit
//   0 (or N, when it ends with a comment saying `exits N`). `npm install ...` lines are done by
//   the test as described above.
// - `ts` blocks are type-checked together (strict, as a user's project would), and then run with
//   tsx in document order; `<!-- snippet: typecheck -->` blocks are only type-checked, and
//   `<!-- snippet: test -->` blocks are run as one vitest run at the end.
// - `<!-- snippet: repository -->` blocks are for a clone of the repository: each line must name
//   an npm script of package.json or a file of the repository (they are not run here).
// See docs/snippets.md.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { markdownBlocks, shellCommands } from './markdown-blocks.mjs';

const repo = resolve('.');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'cbec-consumer-'));
const project = join(work, 'project');
const modules = join(project, 'node_modules');
/** Tools the test itself uses in the project (a user would install them to follow the README). */
const TOOLS = ['tsx', 'typescript', '@types/node'];
const started = performance.now();

function fail(block, message) {
  throw new Error(`${block.file}:${block.line}: ${message}`);
}

/** Links `name` from the repository's node_modules into the project's. */
function link(name) {
  const target = join(modules, name);
  if (existsSync(target)) return;
  const source = join(repo, 'node_modules', name);
  if (!existsSync(source)) throw new Error(`cannot install ${name} offline: it is not in this repository's node_modules (add it to devDependencies)`);
  mkdirSync(join(target, '..'), { recursive: true });
  symlinkSync(source, target, 'dir');
}

/** Installs the packed package into the project: unpacked from the tarball, dependencies linked. */
function installPackage(tarball) {
  execFileSync('tar', ['-xzf', tarball, '-C', work]);
  mkdirSync(modules, { recursive: true });
  renameSync(join(work, 'package'), join(modules, 'cbec-sim'));
  for (const dependency of Object.keys(manifest.dependencies)) link(dependency);
  const bin = join(modules, '.bin');
  mkdirSync(bin, { recursive: true });
  for (const [name, path] of Object.entries(manifest.bin)) {
    const file = join(modules, 'cbec-sim', path);
    chmodSync(file, 0o755);
    symlinkSync(file, join(bin, name));
  }
}

/** An `npm install` line of a block, done offline: cbec-sim from the tarball, anything else linked. */
function npmInstall(block, command) {
  // a version range (name@^1.2.3) is the installed one's business: the name is linked
  const names = command.split(/\s+/).slice(2).filter((word) => !word.startsWith('-')).map((word) => word.replace(/(?!^)@.*$/, ''));
  if (names.length === 0) fail(block, `'${command}': name the packages to install`);
  for (const name of names) if (name !== 'cbec-sim') link(name);
}

const timings = [];

/** A command or script that has not ended after this long has hung: it is killed and fails. */
const COMMAND_TIMEOUT_MS = 180_000;

function run(block, command, expected) {
  const began = performance.now();
  const result = spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, PATH: `${join(modules, '.bin')}:${process.env.PATH}`, npm_config_offline: 'true', CI: 'true' } });
  if (result.status !== expected) fail(block, `'${command}' exited ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}, expected ${expected}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  timings.push([performance.now() - began, `${block.file}:${block.line} ${command.replace(join(snippets, ''), '')}`]);
}

/** A repository block: every line names an npm script or a file of the repository. */
function checkRepositoryBlock(block) {
  for (const { command } of shellCommands(block.code)) {
    for (const part of command.split('&&').map((p) => p.trim())) {
      const script = /^npm (?:run )?([\w:-]+)/.exec(part);
      if (part === 'npm ci' || part === 'npm install') continue;
      if (script && (manifest.scripts[script[1]] !== undefined || script[1] === 'test')) continue;
      const file = /^npx tsx (\S+)/.exec(part);
      if (file && existsSync(join(repo, file[1]))) continue;
      fail(block, `'${part}' is neither an npm script of package.json nor 'npx tsx' of a file of the repository`);
    }
  }
}

// 1. Pack and install into a new project.
const tarball = join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').at(-1));
mkdirSync(project);
writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'newcomer', private: true, type: 'module' }, null, 2)}\n`);
writeFileSync(
  join(project, 'tsconfig.json'),
  `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', moduleDetection: 'force', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['snippets'] }, null, 2)}\n`,
);
installPackage(tarball);
for (const tool of TOOLS) link(tool);

// 2. Every block of the README and docs/, in order.
const documents = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const blocks = documents.flatMap((file) => markdownBlocks(readFileSync(file, 'utf8'), file));
const snippets = join(project, 'snippets');
mkdirSync(snippets);
const fileOf = (block) => join(snippets, `${block.file.replace(/[/.]/g, '-')}-${block.line}${block.kind === 'test' ? '.test' : ''}.ts`);
for (const block of blocks.filter((b) => b.lang === 'ts')) writeFileSync(fileOf(block), `${block.code}\n`);

// 3. The packages the blocks say to install (done first: the type check needs them too), then
//    type-check every ts block at once, against the package's published types.
for (const block of blocks.filter((b) => b.lang === 'sh' && b.kind === 'run')) {
  for (const { command } of shellCommands(block.code)) if (/^npm (install|i) /.test(command)) npmInstall(block, command);
}
const tsc = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
assert.equal(tsc.status, 0, `README and docs ts blocks do not type-check against the packed package:\n${tsc.stdout.split(`${snippets}/`).join('')}`);

// 4. Run them in document order.
let ran = 0;
for (const block of blocks) {
  if (block.kind === 'repository') {
    if (block.lang !== 'sh') fail(block, 'only sh blocks can be repository blocks');
    checkRepositoryBlock(block);
  } else if (block.lang === 'sh' && block.kind === 'run') {
    for (const { command, exit } of shellCommands(block.code)) {
      if (/^npm (install|i) /.test(command)) continue; // installed before the type check
      run(block, command, exit);
      ran++;
    }
  } else if (block.lang === 'sh' && block.kind === 'script') {
    // One bash script, stopped at the first failing command; whatever it started in the
    // background is killed when it ends, however it ends.
    run(block, `set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${block.code}`, 0);
    ran++;
  } else if (block.lang === 'ts' && block.kind === 'run') {
    run(block, `node --import tsx ${fileOf(block)}`, 0);
    ran++;
  } else if (block.kind !== 'none' && block.kind !== 'typecheck' && block.kind !== 'test') fail(block, `a ${block.lang} block cannot be '${block.kind}'`);
}
const tests = blocks.filter((b) => b.kind === 'test');
if (tests.length > 0) {
  const vitest = spawnSync(process.execPath, [join(modules, 'vitest/vitest.mjs'), 'run', '--root', project, '--dir', 'snippets'], { cwd: project, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  assert.equal(vitest.status, 0, `README and docs test blocks fail under vitest:\n${vitest.stdout}\n${vitest.stderr}`);
}

rmSync(work, { recursive: true, force: true });
if (process.env.SNIPPET_TIMES) for (const [ms, what] of timings.sort((x, y) => y[0] - x[0]).slice(0, 8)) console.log(`${(ms / 1000).toFixed(1)} s  ${what}`);
const counts = (kind) => blocks.filter((b) => b.kind === kind).length;
console.log(`Snippets from the packed package: ${blocks.filter((b) => b.lang === 'ts').length} ts blocks type-checked, ${ran} commands and scripts run, ${tests.length} test blocks under vitest, ${counts('repository')} repository blocks checked, in ${Math.round((performance.now() - started) / 1000)} s: ok`);
