import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TariffError } from '../../src/domain/errors.js';
import { loadTariff, readTariff } from '../../src/rules/tariff-file.js';
import { tariffRowOf } from '../../src/rules/tariff-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'cbec-tariff-'));
const CSV = `# a comment
prefix,description,duty,vatBand,consumption,specific,highEnd.from,highEnd.consumption,exportRebate,postalCategory,from,until,source
2208902000,Baijiu,0.05,standard,0.20,0.5/0.5 l,,,0.13,4,2019-01-01,,"statute, and an MFN rate"
3304,Cosmetics,0.01,,0,,10/1 ml; 15/1 piece,0.15,,,,,
`;

describe('tariff files', () => {
  it('reads the CSV format: quantities as AMOUNT/PER UNIT, price tests joined by ;, empty cells absent, each row naming its line', () => {
    const [baijiu, cosmetics] = readTariff(CSV.replace(',,,,,\n', ',,,,,illustrative\n'), 'rates.csv').map(tariffRowOf);
    expect(baijiu).toMatchObject({ prefix: '2208902000', vatBand: 'standard', postalCategory: 4, from: '2019-01-01', origin: 'rates.csv line 3', source: 'statute, and an MFN rate' });
    expect([baijiu?.specific?.amount.toString(), baijiu?.specific?.per.toString(), baijiu?.specific?.unit]).toEqual(['0.5', '0.5', 'l']);
    expect(cosmetics?.highEnd?.from.map((t) => `${t.price.toString()}/${t.per.toString()} ${t.unit}`)).toEqual(['10/1 ml', '15/1 piece']);
    expect(cosmetics?.vatBand).toBeUndefined();
  });

  it('reads the JSON format, the same rows as objects', () => {
    const rows = readTariff(JSON.stringify([{ prefix: '3303', duty: '0.03', consumption: '0', highEnd: { from: [{ price: '15', per: '1', unit: 'piece' }], consumption: '0.15' }, source: 'x' }]), 'rates.json');
    expect(rows[0]).toMatchObject({ prefix: '3303', origin: 'rates.json row 1', description: '' });
  });

  it('refuses bad rows naming the line, the column and why: a missing source, a rate of 13 instead of 0.13, an unknown unit, a specific tax without its ad valorem rate', () => {
    const bad = 'prefix,duty,specific,source\n3304,13,,\n2203,0.1,220/988 tonnes,x\n';
    expect(() => readTariff('prefix,specific,source\n2203,220/988 l,x\n', 'ok.csv')).toThrow(/consumption: ok\.csv line 2: is missing: a row with a specific tax/);
    try {
      readTariff(bad, 'bad.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TariffError);
      const text = (e as TariffError).issues.map((i) => `${i.path.join('.')}: ${i.reason}`);
      expect(text).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^0\.duty: bad\.csv line 2: must be a fraction from 0 up to but excluding 1/),
          expect.stringMatching(/^0\.source: bad\.csv line 2: is missing: say where the rates come from/),
          expect.stringMatching(/^1\.specific\.unit: bad\.csv line 3: Invalid option: expected one of "l"/),
        ]),
      );
    }
    expect(() => readTariff('prefix,rate,source\n33,0.1,x\n', 'cols.csv')).toThrow(/unknown columns rate/);
  });

  it('loads a file, CSV or JSON by content, and the example tariff that ships', () => {
    const path = join(dir, 'tariff.txt');
    writeFileSync(path, '[{"prefix":"61","duty":"0.06","source":"x"}]');
    expect(loadTariff(path)[0]?.duty?.toString()).toBe('0.06');
    const example = loadTariff(new URL('../../examples/tariffs/catalogue-200.csv', import.meta.url).pathname);
    expect(example).toHaveLength(96);
    for (const row of example) expect(row.source).toMatch(/MFN duty of heading \d{4} in the 2023 Customs Tariff/);
    expect(() => loadTariff(join(dir, 'missing.csv'))).toThrow(/cannot be read/);
  });
});
