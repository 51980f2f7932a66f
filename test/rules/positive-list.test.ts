import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { positiveList, positiveListRefusal, readPositiveListFile } from '../../src/rules/positive-list.js';

const LIST = positiveList({ version: '2022-03-01', lines: ['33049900', '19011010'] });

const reasons = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => `${i.path.join('.')}: ${i.reason}`);
  }
  throw new Error('expected a ValidationError');
};

describe('the retail-import positive list (docs/domain.md): goods off the list are refused from the version day on', () => {
  it('lets goods whose 8-digit tariff line is on the list through, whatever their last two digits', () => {
    expect(positiveListRefusal(LIST, ['3304990099', '1901101000'], '2023-01-01')).toBeUndefined();
  });

  it('refuses goods off the list, naming each tariff line once', () => {
    expect(positiveListRefusal(LIST, ['9503000000'], '2022-03-01')).toBe('95030000 is not on the positive list of 2022-03-01');
    expect(positiveListRefusal(LIST, ['9503000010', '3304990000', '9503000020', '8517120000'], '2023-01-01')).toBe('95030000, 85171200 are not on the positive list of 2022-03-01');
  });

  it('refuses nothing before the list is in force (the day before its version)', () => {
    expect(positiveListRefusal(LIST, ['9503000000'], '2022-02-28')).toBeUndefined();
  });

  it('keeps the version and the set of tariff lines it was given', () => {
    expect(LIST.version).toBe('2022-03-01');
    expect([...LIST.lines].sort()).toEqual(['19011010', '33049900']);
  });

  it('refuses a list with a bad version, a line that is not 8 digits, no lines or an unknown field, naming the field', () => {
    expect(reasons(() => positiveList({ version: '2022-3-1', lines: ['33049900'] }))).toEqual(["version: must be the day the list came into force, 'YYYY-MM-DD'."]);
    expect(reasons(() => positiveList({ version: '2022-03-01', lines: ['33049900', '3304'] }))).toEqual(['lines.1: must be an 8-digit tariff line, e.g. 33049900.']);
    expect(reasons(() => positiveList({ version: '2022-03-01', lines: [] }))).toEqual(['lines: must list at least one tariff line.']);
    expect(reasons(() => positiveList({ version: '2022-03-01', lines: ['33049900'], extra: 1 }))[0]).toMatch(/extra/);
  });
});

describe('positive-list files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cbec-positive-'));

  it('reads a JSON file as the list data', () => {
    const path = join(dir, 'list.json');
    writeFileSync(path, JSON.stringify({ version: '2022-03-01', lines: ['33049900'] }));
    expect(readPositiveListFile(path)).toEqual({ version: '2022-03-01', lines: ['33049900'] });
  });

  it('refuses a missing file, a file that is not JSON and a bad field, each naming the file', () => {
    const missing = join(dir, 'missing.json');
    expect(reasons(() => readPositiveListFile(missing))).toEqual([expect.stringMatching(new RegExp(`^${missing}: cannot be read: ENOENT`))]);
    const notJson = join(dir, 'list.txt');
    writeFileSync(notJson, 'lines: 33049900\n');
    expect(reasons(() => readPositiveListFile(notJson))[0]).toMatch(new RegExp(`^${notJson}: cannot be read as a JSON positive list: `));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: '2022-03-01', lines: ['3304'] }));
    expect(reasons(() => readPositiveListFile(bad))).toEqual([`${bad}.lines.0: must be an 8-digit tariff line, e.g. 33049900.`]);
    expect(() => readPositiveListFile(bad)).toThrow(/Invalid positive list/);
  });
});
