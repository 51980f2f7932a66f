import { describe, expect, it } from 'vitest';
import { line, list } from './summary-fixtures.js';
import { summarise, SummaryBuilder, summaryDeadline, summaryResults, SUMMARY_RULE_2016 } from '../../src/customs/summary.js';
import { ValidationError } from '../../src/domain/errors.js';
import { MS, shanghaiDate, toEpoch } from '../../src/sim/clock.js';

/** The reason a call is refused with, naming its field. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => `${i.path.join('.')}: ${i.reason}`).join('; ');
  }
  throw new Error('expected a refusal');
}

describe('summary months and deadlines', () => {
  it.each([['2019-13'], ['2019-00'], ['2019-5'], ['x2019-05'], ['2019-05x'], ['2019-05-01']])("refuses the month %j: it must be 'YYYY-MM'", (month) => {
    expect(refusal(() => summarise([], month))).toBe("month: must be 'YYYY-MM'.");
    expect(refusal(() => summaryDeadline(month))).toBe("month: must be 'YYYY-MM'.");
  });

  it('takes January lists to February, and pads a deadline day below 10', () => {
    expect(shanghaiDate(summaryDeadline('2019-01'))).toBe('2019-02-15');
    expect(shanghaiDate(summaryDeadline('2019-01', { deadlineDay: 5, decemberInMonth: false }))).toBe('2019-02-05');
  });

  it('takes December lists to the next January under the 2018 rule, and keeps them in December under the 2016 rule', () => {
    expect(shanghaiDate(summaryDeadline('2020-12'))).toBe('2021-01-15');
    expect(shanghaiDate(summaryDeadline('2020-11', SUMMARY_RULE_2016))).toBe('2020-12-10');
    expect(shanghaiDate(summaryDeadline('2020-12', SUMMARY_RULE_2016))).toBe('2020-12-31');
  });

  it('moves a December deadline back over holidays, and refuses a December without a working day', () => {
    const lastDays = { holidays: new Set(['2020-12-31', '2020-12-30']) };
    expect(shanghaiDate(summaryDeadline('2020-12', SUMMARY_RULE_2016, lastDays))).toBe('2020-12-29');
    const december = Array.from({ length: 31 }, (_, i) => `2020-12-${String(i + 1).padStart(2, '0')}`);
    const onlyTheFirst = { holidays: new Set(december.slice(1)) };
    expect(shanghaiDate(summaryDeadline('2020-12', SUMMARY_RULE_2016, onlyTheFirst))).toBe('2020-12-01');
    const noWorkingDay = { holidays: new Set(december) };
    expect(refusal(() => summaryDeadline('2020-12', SUMMARY_RULE_2016, noWorkingDay))).toBe('calendar: has no working day in December.');
  });
});

describe('which lists a month summarises, and in what order', () => {
  it('takes every list released from 00:00 on the first to the last millisecond of the month (Shanghai), none outside', () => {
    const start = toEpoch('2019-05-01');
    const end = toEpoch('2019-06-01') - 1;
    const lists = [list('IN-FIRST', '2019-05-01'), list('IN-LAST', '2019-05-01'), list('OUT-BEFORE', '2019-05-01'), list('OUT-AFTER', '2019-05-01')].map((l, i) => ({ ...l, releasedAt: [start, end, start - 1, end + 1][i]! }));
    expect(summarise(lists, '2019-05').flatMap((a) => a.invtNos)).toEqual(['IN-FIRST', 'IN-LAST']);
  });

  it('orders lists by release time, then by list number, whatever order they come in', () => {
    const lists = [list('B', '2019-05-09'), list('C', '2019-05-03'), list('A', '2019-05-09'), list('D', '2019-05-20')];
    expect(summarise(lists, '2019-05')[0]?.invtNos).toEqual(['C', 'A', 'B', 'D']);
  });

  it('keeps apart lists whose merge keys differ even when their text runs together', () => {
    const lists = [list('L1', '2019-05-03', { trafMode: '5', ownerCode: '1X' }), list('L2', '2019-05-04', { trafMode: '51', ownerCode: 'X' })];
    expect(summarise(lists, '2019-05').map((a) => a.invtNos).sort()).toEqual([['L1'], ['L2']]);
    const lines = [line('6109100021', '10.00', '502'), line('26109100021', '20.00', '50')];
    expect(summarise([list('L3', '2019-05-05', { lines })], '2019-05')[0]?.lines).toHaveLength(2);
  });
});

describe('the summary builder, list by list, agrees with summarise', () => {
  it('files each list under its own month, in whatever order the months come', () => {
    const builder = new SummaryBuilder();
    for (const l of [list('MAY', '2019-05-20'), list('APRIL', '2019-04-10'), list('JUNE', '2019-06-02'), list('MAY-2', '2019-05-21')]) builder.add(l);
    expect(builder.applications().map((a) => [a.month, a.lists])).toEqual([
      ['2019-04', 1],
      ['2019-05', 2],
      ['2019-06', 1],
    ]);
  });

  it('orders merged lines by where their earliest line stands in release order, not by arrival', () => {
    const x = line('6109100021', '10.00');
    const y = line('6404199000', '20.00');
    const late = list('LATE', '2019-05-25', { lines: [x] });
    const middle = list('MIDDLE', '2019-05-15', { lines: [y] });
    const early = list('EARLY', '2019-05-05', { lines: [x] });
    const builder = new SummaryBuilder();
    for (const l of [late, middle, early]) builder.add(l);
    expect(builder.applications()[0]?.lines.map((l) => [l.hsCode, l.totalPrice.toFixed(2)])).toEqual([
      ['6109100021', '20.00'],
      ['6404199000', '20.00'],
    ]);
    expect(summarise([late, middle, early], '2019-05')[0]?.lines.map((l) => l.hsCode)).toEqual(['6109100021', '6404199000']);
    const inOrder = new SummaryBuilder();
    for (const l of [early, middle, late]) inOrder.add(l);
    expect(inOrder.applications()[0]?.lines.map((l) => l.hsCode)).toEqual(['6109100021', '6404199000']);
  });

  it('orders the lines of one list as written, and lists equal in release order as they were added', () => {
    const x = line('6109100021', '10.00');
    const y = line('6404199000', '20.00');
    const within = new SummaryBuilder();
    within.add(list('LATER', '2019-05-25', { lines: [y] }));
    within.add(list('FIRST', '2019-05-05', { lines: [x, y] }));
    expect(within.applications()[0]?.lines.map((l) => l.hsCode)).toEqual(['6109100021', '6404199000']);
    const twins = new SummaryBuilder();
    twins.add(list('SAME', '2019-05-05', { lines: [y] }));
    twins.add(list('SAME', '2019-05-05', { lines: [x] }));
    expect(twins.applications()[0]?.lines.map((l) => l.hsCode)).toEqual(['6404199000', '6109100021']);
  });
});

describe('summary results (CEB792)', () => {
  it('numbers results from the first serial, one by one, in sumNo and entryId', () => {
    const apps = summarise([list('A1', '2019-05-03'), list('B1', '2019-05-04', { destinationCountry: '303' })], '2019-05');
    const results = summaryResults(apps, toEpoch('2019-06-10T10:00:00+08:00'), 41);
    expect(results.map((r) => [r.copNo, r.sumNo, r.entryId, r.declSeqNo])).toEqual([
      ['SUM2019050001', '5141201905S0000041', '514120190000000041', 1],
      ['SUM2019050002', '5141201905S0000042', '514120190000000042', 1],
    ]);
  });

  it('is late from the day after the deadline day, to the millisecond', () => {
    const apps = summarise([list('A1', '2019-05-03')], '2019-05');
    const deadline = apps[0]!.deadline;
    expect(summaryResults(apps, deadline + MS.day - 1)[0]?.late).toBe(false);
    expect(summaryResults(apps, deadline + MS.day)[0]?.late).toBe(true);
  });
});
