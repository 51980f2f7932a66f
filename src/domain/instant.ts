/**
 * Reading dates and instants written as text, strictly: `2021-02-30` is refused, never rolled
 * over to March 2 as `Date.parse` does, and an hour, minute, second or zone offset out of range is
 * refused too.
 */

/** The largest epoch-millisecond magnitude a JS `Date` holds (about 275,760 years). */
export const MAX_EPOCH_MS = 8.64e15;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/** A date or instant read from text, or why it could not be. */
export type ReadInstant = { readonly ms: number; readonly problem?: undefined } | { readonly ms?: undefined; readonly problem: string };

/** Days in `month` (1-12) of `year` in the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Epoch ms of a UTC wall time, for any year 0000-9999 (`Date.UTC` maps years below 100 to 19xx). */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year);
  return date.getTime();
}

/**
 * The year, month and day of a plain `'YYYY-MM-DD'` date that exists in the calendar, or why not.
 *
 * @example
 * ```ts
 * calendarDate('2021-02-28'); // { year: 2021, month: 2, day: 28 }
 * calendarDate('2021-02-30'); // { problem: 'is not a real calendar date: 2021-02 has 28 days.' }
 * ```
 */
export function calendarDate(text: string): { readonly year: number; readonly month: number; readonly day: number; readonly problem?: undefined } | { readonly problem: string } {
  const match = PLAIN_DATE.exec(text);
  if (!match) return { problem: "must be a date written 'YYYY-MM-DD'." };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const problem = datePartsProblem(year, month, day);
  return problem === undefined ? { year, month, day } : { problem };
}

function datePartsProblem(year: number, month: number, day: number): string | undefined {
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  if (month < 1 || month > 12) return `is not a real calendar date: month ${String(month).padStart(2, '0')} does not exist.`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `is not a real calendar date: ${ym} has ${days} days.`;
  return undefined;
}

/**
 * Epoch ms of an ISO-8601 date-time with its zone (`'2019-03-15T10:00:00+08:00'`, `Z`, or an
 * offset without a colon; seconds and a fraction optional), or why it is not one. The date must
 * exist, hours run 00-23, minutes and seconds 00-59, and the offset at most 23:59.
 *
 * @example
 * ```ts
 * readIsoInstant('2019-03-15T10:00:00+08:00').ms; // 1552615200000
 * readIsoInstant('2021-02-30T10:00:00+08:00').problem; // 'is not a real calendar date: 2021-02 has 28 days.'
 * ```
 */
export function readIsoInstant(text: string): ReadInstant {
  const match = DATE_TIME.exec(text);
  if (!match) return { problem: "must be an ISO date-time with a zone, e.g. '2019-03-15T10:00:00+08:00'." };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  const dateProblem = datePartsProblem(year, month, day);
  if (dateProblem !== undefined) return { problem: dateProblem };
  if (hour > 23 || minute > 59 || second > 59) return { problem: 'is not a real time of day: hours run 00-23, minutes and seconds 00-59.' };
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  if (offsetHours > 23 || offsetMinutes > 59) return { problem: 'has a zone offset beyond 23:59.' };
  const sign = match[9] === '-' ? -1 : 1;
  const fraction = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
  return { ms: utc(year, month, day, hour, minute, second, fraction) - sign * (offsetHours * 60 + offsetMinutes) * 60_000 };
}

/**
 * Epoch ms given as a number: a whole number within the range of a JS `Date`, or why not.
 *
 * @example
 * ```ts
 * readEpochMs(1552615200000).ms; // 1552615200000
 * readEpochMs(1e308).problem; // 'must be whole epoch milliseconds within the range of a date (±8.64e15).'
 * ```
 */
export function readEpochMs(value: number): ReadInstant {
  if (Number.isInteger(value) && Math.abs(value) <= MAX_EPOCH_MS) return { ms: value };
  return { problem: 'must be whole epoch milliseconds within the range of a date (±8.64e15).' };
}
