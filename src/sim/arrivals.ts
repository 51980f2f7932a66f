/**
 * Order arrivals: a non-homogeneous Poisson process per channel. The rate is the channel's
 * orders per day shaped by an hour-of-day profile, a weekday profile and peak-day multipliers
 * (11.11), sampled by thinning: candidate arrivals at the maximum rate are kept with probability
 * rate(t) / maxRate, which is exact for a piecewise-constant rate.
 */
import { MS, toEpoch } from './clock.js';
import type { Rng } from './rng.js';

/** An evening-heavy retail curve, relative weights per hour 00-23 [A]. */
export const DEFAULT_HOUR_PROFILE: readonly number[] = [
  3, 2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 5, 5, 5, 6, 7, 9, 10, 9, 6,
];

/** Every weekday alike, Monday first. */
export const FLAT_WEEK: readonly number[] = [1, 1, 1, 1, 1, 1, 1];

/** What shapes one channel's arrival rate. */
export interface ArrivalShape {
  readonly ordersPerDay: number;
  readonly hourProfile?: readonly number[] | undefined;
  readonly weekdayProfile?: readonly number[] | undefined;
  /** Multipliers by Shanghai date `'YYYY-MM-DD'`. */
  readonly peaks?: ReadonlyMap<string, number>;
}

/** A generator of arrival instants for one channel. */
export interface ArrivalProcess {
  /** The next arrival strictly after `after` (epoch ms), or `undefined` if the rate is zero. */
  next(after: number): number | undefined;
  /** The rate in orders per millisecond at `t`. */
  rateAt(t: number): number;
}

/** Shanghai has kept UTC+08:00 without daylight saving since 1992, the whole span CBEC covers. */
const SHANGHAI_OFFSET = 8 * MS.hour;

function shanghaiDayNumber(t: number): number {
  return Math.floor((t + SHANGHAI_OFFSET) / MS.day);
}

function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0 ? weights.map((w) => (w * weights.length) / total) : weights.map(() => 0);
}

/** A channel's arrival rate, orders per millisecond at an instant, and its maximum. */
export interface ArrivalRate {
  readonly at: (t: number) => number;
  readonly max: number;
}

/** The arrival rate `shape` gives: constant within each Shanghai hour. */
export function arrivalRate(shape: ArrivalShape): ArrivalRate {
  const hours = normalise(shape.hourProfile ?? DEFAULT_HOUR_PROFILE);
  const weekdays = normalise(shape.weekdayProfile ?? FLAT_WEEK);
  // Peak days keyed by Shanghai day number, so the hot path does no date formatting.
  const peaks = new Map<number, number>();
  for (const [date, multiplier] of shape.peaks ?? []) peaks.set(shanghaiDayNumber(toEpoch(date)), multiplier);
  const basePerMs = shape.ordersPerDay / MS.day;
  const maxPeak = Math.max(1, ...peaks.values());
  return {
    max: basePerMs * Math.max(...hours) * Math.max(...weekdays) * maxPeak,
    at: (t) => {
      const day = shanghaiDayNumber(t);
      const hour = Math.floor((t + SHANGHAI_OFFSET - day * MS.day) / MS.hour);
      const weekday = (day + 3) % 7; // day 0 (1970-01-01) was a Thursday; Monday = 0
      const peak = peaks.size > 0 ? (peaks.get(day) ?? 1) : 1;
      return basePerMs * hours[hour]! * weekdays[weekday]! * peak;
    },
  };
}

/**
 * The expected number of arrivals of `shapes` together from `start` to an instant: the rates
 * summed hour by hour (exact, as a rate is constant within an hour) over `hours` hours from
 * `start`, and constant after them.
 *
 * @example
 * ```ts
 * const expected = expectedArrivals([{ ordersPerDay: 1000 }], start, 48);
 * expected(start + 86_400_000); // 1000
 * ```
 */
export function expectedArrivals(shapes: readonly ArrivalShape[], start: number, hours: number): (t: number) => number {
  const totals = new Float64Array(hours + 1);
  for (const shape of shapes) {
    const rate = arrivalRate(shape);
    for (let h = 0; h < hours; h++) totals[h + 1]! += rate.at(start + h * MS.hour + MS.hour / 2) * MS.hour;
  }
  for (let h = 1; h <= hours; h++) totals[h]! += totals[h - 1]!;
  return (t) => {
    const x = Math.min(hours, Math.max(0, (t - start) / MS.hour));
    const h = Math.floor(x);
    const here = totals[h]!;
    return h === hours ? here : here + (totals[h + 1]! - here) * (x - h);
  };
}

/** Creates the arrival process of one channel, drawing from `rng`. */
export function createArrivalProcess(shape: ArrivalShape, rng: Rng): ArrivalProcess {
  const { at: rateAt, max: maxRate } = arrivalRate(shape);

  return {
    rateAt,
    next(after) {
      if (!(maxRate > 0)) return undefined;
      let t = after;
      for (;;) {
        t += rng.exponential(1 / maxRate);
        if (rng.float() * maxRate < rateAt(t)) return t;
      }
    },
  };
}
