import { describe, expect, it } from 'vitest';
import { rowInForce, tariffRow, tariffRowsFor, vatRateAt, type TariffRow } from '../../src/rules/tariff.js';
import { RuleError } from '../../src/domain/errors.js';

const rows: TariffRow[] = [
  { prefix: '33', description: 'chapter', source: 'a' },
  { prefix: '3304', description: 'old heading', until: '2016-10-01', source: 'b' },
  { prefix: '3304', description: 'new heading', from: '2016-10-01', source: 'c' },
  { prefix: '3304', description: 'same length, later in the table', from: '2016-10-01', source: 'd' },
  { prefix: '33049900', description: 'subheading, ended', until: '2016-10-01', source: 'e' },
];

describe('which tariff row speaks for goods on a day', () => {
  it('holds a row in force from its first day and until the day before its until day', () => {
    const row = { from: '2016-04-08', until: '2019-01-01' };
    expect(['2016-04-07', '2016-04-08', '2018-12-31', '2019-01-01'].map((d) => rowInForce(row, d))).toEqual([false, true, true, false]);
    expect(rowInForce({}, '1900-01-01')).toBe(true);
    expect(rowInForce({ from: '2016-04-08' }, '2099-12-31')).toBe(true);
    expect(rowInForce({ until: '2016-04-08' }, '2016-04-07')).toBe(true);
  });

  it('takes the longest prefix in force, the first of two equally long rows, and nothing when no prefix matches', () => {
    expect(tariffRow('3304990000', '2016-09-30', rows)?.source).toBe('e');
    expect(tariffRow('3304990000', '2016-10-01', rows)?.source).toBe('c');
    expect(tariffRow('3304100000', '2016-09-30', rows)?.source).toBe('b');
    expect(tariffRow('3303000000', '2016-10-01', rows)?.source).toBe('a');
    expect(tariffRow('6109100000', '2016-10-01', rows)).toBeUndefined();
    expect(tariffRow('3304990000', '2016-10-01', [])).toBeUndefined();
  });

  it('searches the rows still in force (no until day) when asked without a day', () => {
    expect(tariffRow('3304990000', undefined, rows)?.source).toBe('c');
    expect(tariffRow('3304990000', undefined, rows.slice(0, 2))?.source).toBe('a');
  });

  it('lists every row of a code, in force or not, longest prefix first', () => {
    expect(tariffRowsFor('3304990000', rows).map((r) => r.source)).toEqual(['e', 'b', 'c', 'd', 'a']);
    expect(tariffRowsFor('6109100000', rows)).toEqual([]);
    expect(tariffRowsFor('3304990000').map((r) => r.prefix)).toEqual(['33049900', '3304', '3304']);
  });

  it('has no VAT rate before 1994 (the first rate of the table): the line must give its own', () => {
    expect(vatRateAt('standard', '1994-01-01').toString()).toBe('0.17');
    expect(() => vatRateAt('reduced', '1993-12-31')).toThrow(RuleError);
    expect(() => vatRateAt('standard', '1993-12-31')).toThrow(/date: is before every VAT rate in the table; give the line its own rates/);
  });
});
