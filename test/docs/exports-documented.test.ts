import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditExports } from './undocumented.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const ROOT = path('../../');
const TSCONFIG = path('../../tsconfig.json');
const ENTRIES = ['../../src/index.ts', '../../src/messages/index.ts', '../../src/testing/index.ts', '../../src/sandbox/index.ts'].map(path);

describe('every public export has a doc comment', () => {
  it('finds undocumented exports through re-exports (the check itself)', () => {
    const { checked, undocumented } = auditExports([path('fixtures/entry.ts')], ROOT, TSCONFIG);
    expect(checked).toBe(6);
    expect(undocumented.map((f) => `${f.name} ${f.declaredAt}`)).toEqual([
      'BARE_CONSTANT test/docs/fixtures/documented-part.ts:21',
      'BareAlias test/docs/fixtures/documented-part.ts:15',
      'bareFunction test/docs/fixtures/documented-part.ts:6',
    ]);
  });

  it('src/index.ts, src/messages/index.ts, src/testing/index.ts and src/sandbox/index.ts export nothing undocumented', () => {
    const { checked, undocumented: found } = auditExports(ENTRIES, ROOT, TSCONFIG);
    expect(checked, 'the entries export the public surface').toBeGreaterThan(200);
    const list = found.map((f) => `  ${f.entry}: ${f.name} (declared at ${f.declaredAt})`).join('\n');
    expect(found, `${found.length} exports lack a doc comment; add a TSDoc summary to each:\n${list}`).toEqual([]);
  });
});
