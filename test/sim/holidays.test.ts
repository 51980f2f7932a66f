import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../src/sim/clock.js';
import { afterWorkingTime } from '../../src/sim/durations.js';
import { officialWorkCalendar, scenarioWorkCalendar } from '../../src/sim/holidays.js';
import { parseScenario } from '../../src/sim/scenario/load.js';

const at = (text: string) => Date.parse(text);

describe("China's official work calendar", () => {
  it('knows National Day 2019 (10-01 to 10-07 off) and its make-up Sundays (09-29, 10-12 worked)', () => {
    const calendar = officialWorkCalendar();
    expect(isWorkingDay(at('2019-10-02T10:00:00+08:00'), calendar)).toBe(false);
    expect(isWorkingDay(at('2019-10-08T10:00:00+08:00'), calendar)).toBe(true);
    expect(isWorkingDay(at('2019-09-29T10:00:00+08:00'), calendar)).toBe(true);
    expect(isWorkingDay(at('2019-10-12T10:00:00+08:00'), calendar)).toBe(true);
  });

  it('knows Spring Festival 2021 (02-11 to 02-17 off, 02-07 and 02-20 worked) and covers 2004 onwards', () => {
    const calendar = officialWorkCalendar();
    expect(['2021-02-11', '2021-02-17'].every((d) => calendar.holidays.has(d))).toBe(true);
    expect(['2021-02-07', '2021-02-20'].every((d) => calendar.workdays.has(d))).toBe(true);
    expect(calendar.years.from).toBe(2004);
    expect(calendar.years.to).toBeGreaterThanOrEqual(2025);
  });

  it("lets a scenario's own days win: a National Day worked, a make-up Sunday taken off", () => {
    const calendar = scenarioWorkCalendar({ official: true, holidays: ['2019-09-29'], workdays: ['2019-10-07'] });
    expect(isWorkingDay(at('2019-10-07T10:00:00+08:00'), calendar)).toBe(true);
    expect(isWorkingDay(at('2019-09-29T10:00:00+08:00'), calendar)).toBe(false);
    expect(isWorkingDay(at('2019-10-06T10:00:00+08:00'), calendar)).toBe(false);
  });

  it('can be turned off: weekends only', () => {
    const calendar = scenarioWorkCalendar({ official: false, holidays: [], workdays: [] });
    expect(isWorkingDay(at('2019-10-02T10:00:00+08:00'), calendar)).toBe(true);
  });

  it('is on by default in a scenario', () => {
    const scenario = parseScenario({
      start: '2019-10-01T00:00:00+08:00',
      arrivals: [{ channel: '9610-import', ordersPerDay: 10 }],
      catalogue: [{ itemNo: 'A', itemName: 'A', hsCode: '3304990099', unit: '011', originCountry: 'JP', minPrice: '10.00', maxPrice: '20.00' }],
    });
    expect(scenario.calendar).toEqual({ official: true, holidays: [], workdays: [] });
  });

  it('holds manual review over National Day: 90 minutes of work asked for on 10-01 end on 10-08 at 09:30', () => {
    const hours = { openHour: 8, closeHour: 22, isWorkingDay: (t: number) => isWorkingDay(t, scenarioWorkCalendar({ official: true, holidays: [], workdays: [] })) };
    expect(new Date(afterWorkingTime(at('2019-10-01T10:00:00+08:00'), 90 * 60_000, hours)).toISOString()).toBe('2019-10-08T01:30:00.000Z');
  });
});
