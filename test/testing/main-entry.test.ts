import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module `entry` reaches through its static and dynamic imports, and every package it names. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? '';
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('fast-check stays an optional peer of cbec-sim/testing', () => {
  it('nothing the main entry (src/index.ts) or cbec-sim/messages reaches imports fast-check or src/testing', () => {
    for (const entry of ['index.ts', 'messages/index.ts']) {
      const { files, packages } = reach(resolve(SRC, entry));
      expect(packages.has('fast-check')).toBe(false);
      expect([...files].filter((f) => f.includes('/src/testing/'))).toEqual([]);
    }
  });

  it('only src/testing imports fast-check', () => {
    const { files, packages } = reach(resolve(SRC, 'testing/index.ts'));
    expect(packages.has('fast-check')).toBe(true);
    const outside = [...files].filter((f) => !f.includes('/src/testing/') && /from ['"]fast-check['"]/.test(readFileSync(f, 'utf8')));
    expect(outside).toEqual([]);
  });
});
