/**
 * The documented range of every number a scenario holds, and the checks across fields that keep a
 * scenario `validate` accepts runnable: a run ends inside the supported calendar, no arrival
 * stream asks for more than one order a millisecond, catalogue item numbers are unique, and a
 * calendar leaves working days. `docs/scenario.md` lists the same ranges for readers.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../../domain/errors.js';
import { calendarDate } from '../../domain/instant.js';
import { DEFAULT_HOUR_PROFILE, FLAT_WEEK } from '../arrivals.js';

/** The bounds of scenario numbers, in the units their fields name. */
export const SCENARIO_LIMITS = {
  /** Simulated days of arrivals. */
  horizonDays: 731,
  /** Days after arrivals stop. */
  drainDays: 366,
  /** Mean orders a day of one arrival stream. */
  ordersPerDay: 10_000_000,
  /** Relative weights of hour and weekday profiles. */
  profileWeight: 1_000_000,
  /** Peak-day multipliers. */
  peakMultiplier: 1_000,
  /** Durations (median or fixed), minutes: a year. */
  durationMinutes: 525_600,
  /** Spread (sigma) of a lognormal duration. */
  sigma: 4,
  /** Lists customs decides per hour. */
  capacityPerHour: { min: 0.01, max: 10_000_000 },
  /** Buyers in the population. */
  population: 1_000_000_000,
  /** Units of bonded stock, reorder point and quantity. */
  stockUnits: 1_000_000_000,
  /** The order cap of a run. */
  maxOrders: 1_000_000_000,
  /** Catalogue prices, CNY, at most two decimals (fen). */
  price: '10000000.00',
  /** Send failures and lost receipts are resent until they get through: below 1, or a run never ends. */
  retryRate: 0.9,
  /** Entries of the catalogue, peaks, holidays and workdays, outages. */
  listLength: 10_000,
  /** The longest run of consecutive days off a calendar may hold. */
  daysOff: 180,
} as const;

/** The supported calendar: runs start on or after this instant (2010-09-01 00:00 Shanghai, when the first built-in rule set begins)... */
export const FIRST_START = Date.UTC(2010, 7, 31, 16);
/** ...and end (start + horizonDays + drainDays) before this one (2200-01-01 00:00 Shanghai). */
export const LAST_END = Date.UTC(2199, 11, 31, 16);

const DAY_MS = 86_400_000;
const format = (n: number) => n.toLocaleString('en-US');

/** A number from `min` to `max`, both included. */
export function between(min: number, max: number): z.ZodNumber {
  const reason = `must be from ${format(min)} to ${format(max)}`;
  return z.number().min(min, reason).max(max, reason);
}

/** A number above zero, at most `max`. */
export function positiveUpTo(max: number): z.ZodNumber {
  const reason = `must be above zero and at most ${format(max)}`;
  return z.number().positive(reason).max(max, reason);
}

/** A whole number from `min` to `max`. */
export function wholeBetween(min: number, max: number): z.ZodNumber {
  const reason = `must be a whole number from ${format(min)} to ${format(max)}`;
  return z.number().int(reason).min(min, reason).max(max, reason);
}

/** Mean orders a day: 0 (a closed stream), or from 0.001 (about one order in three years) to the limit. */
export const ordersPerDayField = z
  .number()
  .refine((n) => n === 0 || (n >= 0.001 && n <= SCENARIO_LIMITS.ordersPerDay), `must be 0, or from 0.001 to ${format(SCENARIO_LIMITS.ordersPerDay)}`)
  .meta({ minimum: 0, maximum: SCENARIO_LIMITS.ordersPerDay });

/** A probability from 0 to `max` (1 unless the field's events repeat until they succeed). */
export function probabilityUpTo(max = 1): z.ZodNumber {
  const reason = max === 1 ? 'must be a probability from 0 to 1' : `must be a probability from 0 to ${max}: the event repeats until it succeeds, so 1 would never end`;
  return z.number().min(0, reason).max(max, reason);
}

/** A calendar date `'YYYY-MM-DD'` that exists (`2021-02-30` and `2021-13-45` are refused). */
export const calendarDateField = z.string().superRefine((text, ctx) => {
  const date = calendarDate(text);
  if (date.problem !== undefined) ctx.addIssue({ code: 'custom', input: text, message: date.problem });
});

/** Text without control characters (line breaks, escapes, NUL), at most `max` characters. */
export function plainText(max: number): z.ZodString {
  // eslint-disable-next-line no-control-regex
  return z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, 'must not contain control characters (line breaks, tabs, escapes, NUL)');
}

/** What the cross-field checks read of a scenario. */
interface Checked {
  readonly start: number;
  readonly horizonDays: number;
  readonly drainDays: number;
  readonly calendar: { readonly holidays: readonly string[]; readonly workdays: readonly string[] };
  readonly arrivals: readonly { readonly ordersPerDay: number; readonly hourProfile?: readonly number[] | undefined; readonly weekdayProfile?: readonly number[] | undefined }[];
  readonly peaks: readonly { readonly multiplier: number }[];
  readonly catalogue: readonly { readonly itemNo: string }[];
}

/** Largest weight of a profile over its mean (how far the busiest slot is above the average). */
function peakShare(weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0 ? (Math.max(...weights) * weights.length) / total : 0;
}

function windowIssues(s: Checked): ValidationIssue[] {
  if (s.start < FIRST_START) return [{ path: ['start'], value: s.start, reason: 'must be on or after 2010-09-01 (Shanghai), when the first built-in rule set begins: cbec-sim simulates from then until 2200.' }];
  const end = s.start + (s.horizonDays + s.drainDays) * DAY_MS;
  if (end >= LAST_END) return [{ path: ['start'], value: s.start, reason: 'is too late: the run (start + horizonDays + drainDays) must end before 2200-01-01 (Shanghai).' }];
  return [];
}

/** Streams whose busiest instant (hour and weekday profile peaks, times the largest peak-day multiplier) would exceed one order a millisecond. */
function rateIssues(s: Checked): ValidationIssue[] {
  const peak = Math.max(1, ...s.peaks.map((p) => p.multiplier));
  return s.arrivals.flatMap((a, i) => {
    const busiest = a.ordersPerDay * peakShare(a.hourProfile ?? DEFAULT_HOUR_PROFILE) * peakShare(a.weekdayProfile ?? FLAT_WEEK) * peak;
    if (busiest <= DAY_MS) return [];
    return [{ path: ['arrivals', i, 'ordersPerDay'], value: a.ordersPerDay, reason: `asks for up to ${format(Math.round(busiest))} orders a day in its busiest hour (profiles and peak days included), more than one a millisecond (86,400,000 a day); lower it.` }];
  });
}

function duplicateItemIssues(s: Checked): ValidationIssue[] {
  const seen = new Map<string, number>();
  return s.catalogue.flatMap((g, i) => {
    const first = seen.get(g.itemNo);
    if (first === undefined) {
      seen.set(g.itemNo, i);
      return [];
    }
    return [{ path: ['catalogue', i, 'itemNo'], value: g.itemNo, reason: `repeats the itemNo of catalogue[${first}]; every product needs its own.` }];
  });
}

/** A run of more than {@link SCENARIO_LIMITS}.daysOff days off in a row (holidays and weekends that are not workdays). */
function calendarIssues(s: Checked): ValidationIssue[] {
  const workdays = new Set(s.calendar.workdays);
  const offDays = [...new Set(s.calendar.holidays)].filter((d) => !workdays.has(d)).map((d) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS);
  offDays.sort((a, b) => a - b);
  const isOff = (day: number) => {
    const weekday = (day + 4) % 7; // day 0 (1970-01-01) was a Thursday; Sunday = 0
    return weekday === 0 || weekday === 6;
  };
  let runStart = Number.NaN;
  let last = Number.NaN;
  for (const day of offDays) {
    let bridged = day === last + 1;
    if (!bridged && day > last + 1) {
      bridged = true;
      for (let d = last + 1; d < day && bridged; d++) if (!isOff(d) || workdays.has(dateText(d))) bridged = false;
    }
    if (!bridged) runStart = day;
    last = day;
    if (last - runStart + 1 > SCENARIO_LIMITS.daysOff) {
      return [{ path: ['calendar', 'holidays'], value: dateText(day), reason: `leave no working day for more than ${SCENARIO_LIMITS.daysOff} days in a row (up to ${dateText(day)}); customs needs a working day at least every ${SCENARIO_LIMITS.daysOff} days.` }];
    }
  }
  return [];
}

const dateText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The issues across fields of a scenario whose fields are each in range: the run's calendar
 * window, arrival rates, unique item numbers and days off.
 */
export function scenarioRangeIssues(s: Checked): ValidationIssue[] {
  return [...windowIssues(s), ...rateIssues(s), ...duplicateItemIssues(s), ...calendarIssues(s)];
}
