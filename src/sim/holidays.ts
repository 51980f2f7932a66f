/**
 * China's official calendar: the public holidays and the make-up working days (调休) the State
 * Council announces each year. The dates come from the chinese-days package (MIT licence,
 * github.com/vsme/chinese-days), pinned to one version so a run gives the same bytes everywhere;
 * they are read once, on first use, so code that never asks about working days never loads them.
 */
import { createRequire } from 'node:module';
import type { WorkCalendar } from './clock.js';

/** The data file of the chinese-days package: dates `'YYYY-MM-DD'` mapped to the festival they belong to. */
interface ChineseDays {
  /** Days off, weekends within a holiday period included. */
  readonly holidays: Readonly<Record<string, string>>;
  /** Weekend days that are working days (make-up days). */
  readonly workdays: Readonly<Record<string, string>>;
}

/** The official calendar, with the years it covers. */
export interface OfficialCalendar extends WorkCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
  /** The first and last years the calendar knows; other years have weekends only. */
  readonly years: { readonly from: number; readonly to: number };
}

let official: OfficialCalendar | undefined;

/**
 * China's official public holidays and make-up working days, 2004 onwards (as far as the State
 * Council has announced them in the pinned data).
 *
 * @example
 * ```ts
 * const calendar = officialWorkCalendar();
 * calendar.holidays.has('2019-10-01'); // true: National Day
 * calendar.workdays.has('2019-09-29'); // true: a Sunday worked in exchange
 * isWorkingDay(Date.parse('2019-10-02T10:00:00+08:00'), calendar); // false
 * ```
 */
export function officialWorkCalendar(): OfficialCalendar {
  if (official === undefined) {
    const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDays;
    const years = Object.keys(data.holidays).map((date) => Number(date.slice(0, 4)));
    official = { holidays: new Set(Object.keys(data.holidays)), workdays: new Set(Object.keys(data.workdays)), years: { from: Math.min(...years), to: Math.max(...years) } };
  }
  return official;
}

/** A scenario's calendar settings. */
export interface CalendarSettings {
  /** Follow the official calendar (true by default). */
  readonly official: boolean;
  /** Extra days off; they win over the official calendar. */
  readonly holidays: readonly string[];
  /** Extra working days; they win over the official calendar. */
  readonly workdays: readonly string[];
}

/**
 * The work calendar of a run: the official one (unless turned off) with the scenario's own days
 * laid over it, so a date the scenario lists as a holiday is off and one it lists as a working day
 * is worked, whatever the official calendar says.
 *
 * @example
 * ```ts
 * const calendar = scenarioWorkCalendar({ official: true, holidays: [], workdays: ['2019-10-07'] });
 * calendar.workdays.has('2019-10-07'); // true, though National Day week
 * ```
 */
export function scenarioWorkCalendar(settings: CalendarSettings): { readonly holidays: ReadonlySet<string>; readonly workdays: ReadonlySet<string> } {
  const base = settings.official ? officialWorkCalendar() : { holidays: new Set<string>(), workdays: new Set<string>() };
  const ownHolidays = new Set(settings.holidays);
  const ownWorkdays = new Set(settings.workdays);
  return {
    holidays: new Set([...[...base.holidays].filter((d) => !ownWorkdays.has(d)), ...ownHolidays]),
    workdays: new Set([...[...base.workdays].filter((d) => !ownHolidays.has(d)), ...ownWorkdays]),
  };
}
