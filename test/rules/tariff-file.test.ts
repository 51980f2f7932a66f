import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TariffError } from '../../src/domain/errors.js';
import { checkTariffRows, loadTariff, readTariff } from '../../src/rules/tariff-file.js';
import { ownRatesOf, ownRatesSchema, tariffRowOf } from '../../src/rules/tariff-schema.js';

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

  it("reads a high-end tier's specific tax and postal category from the CSV (cigarettes: 56% + 0.003 CNY a stick from 70 CNY per 200 sticks), after a byte-order mark", () => {
    const [cigarettes] = readTariff('\uFEFFprefix,consumption,highEnd.from,highEnd.consumption,highEnd.specific,highEnd.postalCategory,source\n2402,0.36,70/200 stick,0.56,0.003/1 stick,3,x\n', 'c.csv').map(tariffRowOf);
    expect(cigarettes?.prefix).toBe('2402');
    const tier = cigarettes?.highEnd;
    expect([tier?.consumption.toString(), tier?.specific?.amount.toString(), tier?.specific?.per.toString(), tier?.specific?.unit, tier?.postalCategory]).toEqual(['0.56', '0.003', '1', 'stick', 3]);
    expect(tier?.from.map((t) => [t.price.toString(), t.per.toString(), t.unit])).toEqual([['70', '200', 'stick']]);
  });

  it('numbers CSV rows by their line in the file, comments and blank lines included', () => {
    const rows = readTariff('# rates of 2023\n\nprefix,source\n# clothing\n61,x\n62,y\n', 'e.csv');
    expect(rows.map((r) => r.origin)).toEqual(['e.csv line 5', 'e.csv line 6']);
  });

  it('refuses a cell that is not AMOUNT/PER UNIT and a postal category that is not 1 to 4, naming the row and column', () => {
    const issues = (() => {
      try {
        readTariff('prefix,postalCategory,specific,source\n61,A,5 per l,x\n', 'e.csv');
      } catch (e) {
        return (e as TariffError).issues.map((i) => [i.path.join('.'), i.value]);
      }
      return [];
    })();
    expect(issues).toEqual([
      ['0.specific', '5 per l'],
      ['0.postalCategory', 'A'],
    ]);
  });

  it('refuses a file that is neither a JSON array nor CSV, broken JSON, broken CSV and a tariff without rows', () => {
    expect(() => readTariff('{"prefix":"61"}', 'a.json')).toThrow(/a\.json: is not valid CSV: /);
    expect(() => readTariff('  [{"prefix":"61",', 'a.json')).toThrow(/a\.json: is not valid JSON: /);
    expect(() => readTariff('prefix,source\n61,x,extra\n', 'e.csv')).toThrow(/e\.csv: is not valid CSV: Invalid Record Length/);
    expect(() => readTariff('[]', 'a.json')).toThrow(/a\.json: has no rows\./);
    expect(() => readTariff('prefix,source\n', 'e.csv')).toThrow(/e\.csv: has no rows\./);
  });

  it('refuses a row whose until day is not after its from day, a one-digit prefix and a blank source', () => {
    expect(() => readTariff('[{"prefix":"61","source":"x","from":"2020-01-01","until":"2020-01-01"}]', 'a.json')).toThrow(/\[0\]\.until: a\.json row 1: must be after from/);
    expect(readTariff('[{"prefix":"61","source":"x","from":"2020-01-01","until":"2020-01-02"}]', 'a.json')[0]?.until).toBe('2020-01-02');
    expect(() => readTariff('[{"prefix":"6","source":" "}]', 'a.json')).toThrow(/prefix: a\.json row 1: must be 2 to 10 digits.*\n.*source: a\.json row 1: must say where the rates come from/);
  });

  it('checks rows under a path, keeping the good ones and naming each bad row by its origin', () => {
    const { rows, issues } = checkTariffRows([{ prefix: '61', source: 'x' }, { prefix: 'x' }], (i) => `row ${i}`, ['tariff']);
    expect(rows).toEqual([{ prefix: '61', description: '', source: 'x', origin: 'row 0' }]);
    expect(issues.map((i) => `${i.path.join('.')}: ${i.reason}`)).toEqual([
      'tariff.1.prefix: row 1: must be 2 to 10 digits of an HS code, e.g. 3304 or 33049900.',
      'tariff.1.source: row 1: is missing: say where the rates come from (a tariff text, an announcement, or "illustrative").',
    ]);
  });

  it("reads a product's own rates with every field, the VAT as a rate of its own", () => {
    const own = ownRatesOf(
      ownRatesSchema.parse({
        vat: '0.09',
        duty: '0',
        exportRebate: '0.13',
        vatBand: 'reduced',
        postalCategory: 2,
        consumption: '0.1',
        specific: { amount: '1', per: '1', unit: 'l' },
        highEnd: { from: [{ price: '1', per: '1', unit: 'l' }], consumption: '0.2', specific: { amount: '2', per: '1', unit: 'l' }, postalCategory: 3 },
      }),
    );
    expect(JSON.parse(JSON.stringify(own))).toEqual({
      duty: '0',
      vat: '0.09',
      vatBand: 'reduced',
      consumption: '0.1',
      specific: { amount: '1', per: '1', unit: 'l' },
      highEnd: { from: [{ price: '1', per: '1', unit: 'l' }], consumption: '0.2', specific: { amount: '2', per: '1', unit: 'l' }, postalCategory: 3 },
      exportRebate: '0.13',
      postalCategory: 2,
    });
    expect(ownRatesOf(ownRatesSchema.parse({}))).toEqual({});
  });
});
