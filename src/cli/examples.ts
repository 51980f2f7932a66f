/**
 * The example files the package ships (scenarios, orders, CEB messages), found beside the installed
 * package, so the commands of the README work after `npm install`: list them, copy them into a
 * directory, or name a scenario by its name (`cbec-sim run --example peak-day-11-11`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../domain/errors.js';

/** The kinds of example the package ships, each in `examples/<kind>/`. */
export const EXAMPLE_KINDS = ['scenarios', 'orders', 'messages'] as const;

/** One shipped example file. */
export interface ExampleFile {
  readonly kind: (typeof EXAMPLE_KINDS)[number];
  /** The file name, e.g. `peak-day-11-11.json`. */
  readonly name: string;
  /** Where it is, absolute. */
  readonly path: string;
  /** Its path under the package root, e.g. `examples/scenarios/peak-day-11-11.json`. */
  readonly shipped: string;
}

/** The root of the cbec-sim package this code runs from (the directory of its package.json). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'cbec-sim') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cbec-sim cannot find its own package.json above its code; please report this.');
    dir = up;
  }
}

/** Every example file the package ships, by kind, then name. */
export function exampleFiles(): ExampleFile[] {
  const root = packageRoot();
  return EXAMPLE_KINDS.flatMap((kind) => {
    const dir = join(root, 'examples', kind);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json') || name.endsWith('.xml'))
      .sort()
      .map((name) => ({ kind, name, path: join(dir, name), shipped: `examples/${kind}/${name}` }));
  });
}

/**
 * The shipped scenario called `name`: its file name with or without `.json`, or the start of
 * exactly one file name (`peak-day` for `peak-day-11-11.json`).
 *
 * @throws {@link ValidationError} naming `--example` and listing the scenarios when none or several match
 */
export function exampleScenario(name: string): string {
  const scenarios = exampleFiles().filter((f) => f.kind === 'scenarios');
  const stem = (f: ExampleFile) => f.name.replace(/\.json$/, '');
  const exact = scenarios.find((f) => f.name === name || stem(f) === name);
  const matches = exact ? [exact] : scenarios.filter((f) => stem(f).startsWith(name));
  if (matches.length === 1) return matches[0]!.path;
  const names = scenarios.map(stem).join(', ');
  throw new ValidationError([{ path: ['--example'], value: name, reason: `${matches.length === 0 ? 'names no' : 'names more than one'} example scenario; the package ships ${names}.` }], 'Invalid option');
}

/**
 * Copies every shipped example into `dir` (as `dir/examples/<kind>/<name>`), keeping files that are
 * already there. A scenario's `$schema` is pointed at the installed package's schema. Resolves to
 * the files written and the files kept, as paths under `dir`.
 */
export async function copyExamples(dir: string): Promise<{ written: string[]; kept: string[] }> {
  const written: string[] = [];
  const kept: string[] = [];
  const schema = join(packageRoot(), 'dist', 'scenario.schema.json');
  for (const file of exampleFiles()) {
    const target = join(dir, file.shipped);
    if (existsSync(target)) {
      kept.push(file.shipped);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    if (file.kind === 'scenarios') {
      const scenario = JSON.parse(await readFile(file.path, 'utf8')) as Record<string, unknown>;
      await writeFile(target, `${JSON.stringify({ ...scenario, $schema: relative(dirname(target), schema).split('\\').join('/') }, null, 2)}\n`);
    } else await copyFile(file.path, target);
    written.push(file.shipped);
  }
  return { written, kept };
}
