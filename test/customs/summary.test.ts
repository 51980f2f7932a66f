import { describe, expect, it } from 'vitest';
import { list } from './summary-fixtures.js';
import { summarise, summaryDeadline, summaryResults, SUMMARY_RULE_2016 } from '../../src/customs/summary.js';
import { money } from '../../src/money/money.js';
import { shanghaiDate, toEpoch } from '../../src/sim/clock.js';


describe('export summary declaration (CEB701 / CEB792)', () => {
  it('is due on the 15th of the next month, moved to the next working day [Ann. 2018 No.194]', () => {
    expect(shanghaiDate(summaryDeadline('2019-05'))).toBe('2019-06-17');
    expect(shanghaiDate(summaryDeadline('2019-07'))).toBe('2019-08-15');
    expect(shanghaiDate(summaryDeadline('2019-12'))).toBe('2020-01-15');
    expect(shanghaiDate(summaryDeadline('2019-05', undefined, { holidays: new Set(['2019-06-17']) }))).toBe('2019-06-18');
  });

  it('under the older rule is due on the 10th, December lists by the last working day of December [Ann. 2016 No.26]', () => {
    expect(shanghaiDate(summaryDeadline('2016-05', SUMMARY_RULE_2016))).toBe('2016-06-10');
    expect(shanghaiDate(summaryDeadline('2016-12', SUMMARY_RULE_2016))).toBe('2016-12-30');
  });

  it('groups a month of lists by the merge keys and merges lines by destination, HS and currency', () => {
    const lists = [
      list('A1', '2019-05-03'),
      list('A2', '2019-05-20', { lines: [{ hsCode: '6109100021', currency: '142', finalDestination: '502', totalPrice: money('50.00') }, { hsCode: '6404199000', currency: '142', finalDestination: '502', totalPrice: money('80.00') }] }),
      list('B1', '2019-05-10', { destinationCountry: '303' }),
      list('C1', '2019-06-01'),
    ];
    const apps = summarise(lists, '2019-05');
    expect(apps.map((a) => a.invtNos)).toEqual([['B1'], ['A1', 'A2']]);
    const a = apps[1]!;
    expect(a.lines.map((l) => `${l.hsCode}:${l.totalPrice.toFixed(2)}`)).toEqual(['6109100021:150.00', '6404199000:80.00']);
    expect(shanghaiDate(a.deadline)).toBe('2019-06-17');
    expect(a.copNo).toBe('SUM2019050002');
  });

  it('answers each application with a CEB792 result naming its customs declaration, late if after the deadline', () => {
    const apps = summarise([list('A1', '2019-05-03')], '2019-05');
    const [onTime] = summaryResults(apps, toEpoch('2019-06-17T16:00:00+08:00'));
    expect(onTime).toMatchObject({ entryId: '514120190000000001', decState: 399, late: false });
    expect(summaryResults(apps, toEpoch('2019-06-18T09:00:00+08:00'), 7)[0]).toMatchObject({ entryId: '514120190000000007', late: true });
  });

  it('numbers the summary in the 18 characters the CEB701/702/792 sumNo field holds: district, month, S, serial of 7', () => {
    const apps = summarise([list('A1', '2019-05-03')], '2019-05');
    const at = toEpoch('2019-06-17T16:00:00+08:00');
    expect(summaryResults(apps, at)[0]?.sumNo).toBe('5141201905S0000001');
    expect(summaryResults(apps, at, 12_345_678)[0]?.sumNo).toBe('5141201905S2345678');
    for (const serial of [1, 9_999_999, 10_000_000, 123_456_789]) expect(summaryResults(apps, at, serial)[0]?.sumNo).toHaveLength(18);
  });

  it('refuses a malformed month', () => {
    expect(() => summarise([], '2019-13')).toThrow(/YYYY-MM/);
  });
});
