import { describe, expect, it } from 'vitest';
import {
  cebTime,
  endOfShanghaiMonth,
  isWorkingDay,
  nextWorkingDay,
  nthWorkingDay,
  shanghaiDate,
  SimClock,
  startOfShanghaiDay,
  startOfShanghaiMonth,
  toEpoch,
  workingDayOnOrAfter,
} from '../../src/sim/clock.js';
import { ValidationError } from '../../src/domain/errors.js';
import { fc, test } from '@fast-check/vitest';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

const at = (iso: string) => Date.parse(iso);

describe('calendar in Asia/Shanghai', () => {
  test.prop([fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) })])(
    'the fixed-offset fast path agrees with the zone database, before and after 1992',
    (ms) => {
      const zoned = new TZDate(ms, 'Asia/Shanghai');
      expect(shanghaiDate(ms)).toBe(format(zoned, 'yyyy-MM-dd'));
      expect(cebTime(ms)).toBe(format(zoned, 'yyyyMMddHHmmss'));
    },
  );

  it('dates an instant by the Beijing calendar, not UTC', () => {
    expect(shanghaiDate(at('2019-03-14T16:30:00Z'))).toBe('2019-03-15');
    expect(cebTime(at('2019-03-14T16:30:05Z'))).toBe('20190315003005');
    expect(startOfShanghaiDay(at('2019-03-15T10:00:00+08:00'))).toBe(at('2019-03-15T00:00:00+08:00'));
  });

  it('treats weekends as off unless a make-up working day, and holidays as off', () => {
    expect(isWorkingDay(at('2019-06-01T12:00:00+08:00'))).toBe(false); // Saturday
    expect(isWorkingDay(at('2019-06-03T12:00:00+08:00'))).toBe(true);
    const calendar = { holidays: new Set(['2019-06-07']), workdays: new Set(['2019-06-01']) };
    expect(isWorkingDay(at('2019-06-07T12:00:00+08:00'), calendar)).toBe(false);
    expect(isWorkingDay(at('2019-06-01T12:00:00+08:00'), calendar)).toBe(true);
  });

  it('finds the next working day and the working day on or after', () => {
    const friday = at('2019-06-14T18:00:00+08:00');
    expect(shanghaiDate(nextWorkingDay(friday))).toBe('2019-06-17');
    expect(shanghaiDate(workingDayOnOrAfter(friday))).toBe('2019-06-14');
    expect(shanghaiDate(workingDayOnOrAfter(at('2019-06-15T09:00:00+08:00')))).toBe('2019-06-17');
  });

  it('bounds months in Shanghai', () => {
    expect(startOfShanghaiMonth(at('2019-02-15T00:00:00Z'))).toBe(at('2019-02-01T00:00:00+08:00'));
    expect(endOfShanghaiMonth(at('2019-02-15T00:00:00Z'))).toBe(at('2019-03-01T00:00:00+08:00') - 1);
  });

  it('finds the Nth working day of a month', () => {
    expect(shanghaiDate(nthWorkingDay(2019, 6, 1))).toBe('2019-06-03');
    expect(shanghaiDate(nthWorkingDay(2019, 6, 10))).toBe('2019-06-14');
    expect(() => nthWorkingDay(2019, 6, 21)).toThrow(/20 working days/);
    expect(() => nthWorkingDay(2019, 13, 1)).toThrow(ValidationError);
  });

  it('reads dates, refusing impossible ones with the field named', () => {
    expect(toEpoch('2019-01-01')).toBe(at('2019-01-01T00:00:00+08:00'));
    expect(toEpoch(new Date('2019-01-01T00:00:00Z'))).toBe(at('2019-01-01T00:00:00Z'));
    expect(() => toEpoch('2019-02-30', 'date')).toThrow(/date: is not a real calendar date/);
    expect(() => toEpoch('yesterday', 'start')).toThrow(/start:/);
    expect(() => toEpoch(new Date('nope'))).toThrow(/invalid Date/);
    // a date-time without its zone would mean different instants on different machines
    expect(() => toEpoch('2019-06-01T10:00:00', 'start')).toThrow(/with its zone/);
    expect(toEpoch('2019-06-01T10:00:00Z')).toBe(Date.UTC(2019, 5, 1, 10));
  });
});

describe('SimClock', () => {
  it('moves forward only', () => {
    const clock = new SimClock(1000);
    clock.advanceTo(2000);
    expect(clock.now).toBe(2000);
    expect(() => clock.advanceTo(1999)).toThrow(/only moves forward/);
  });
});
