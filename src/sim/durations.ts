/**
 * Drawing durations from a scenario's distributions, and working time in opening hours.
 */
import { MS } from './clock.js';
import type { Rng } from './rng.js';
import type { Duration } from './scenario/schema.js';

/** A duration in ms drawn from `d`: lognormal around its median, or fixed. */
export function drawDuration(rng: Rng, d: Duration): number {
  if ('fixedMinutes' in d) return d.fixedMinutes * MS.minute;
  return Math.round(rng.lognormal(Math.log(d.medianMinutes), d.sigma) * MS.minute);
}

/** Opening hours on working days, Shanghai time. */
export interface OpeningHours {
  readonly openHour: number;
  readonly closeHour: number;
  /** Working-day test for an instant. */
  readonly isWorkingDay: (t: number) => boolean;
}

const OFFSET = 8 * MS.hour;
const dayStart = (t: number) => Math.floor((t + OFFSET) / MS.day) * MS.day - OFFSET;

/**
 * The instant `work` ms of working time after `t`, counting only opening hours of working days:
 * manual review and inspection stop at closing time and resume at the next opening.
 */
export function afterWorkingTime(t: number, work: number, hours: OpeningHours): number {
  let now = t;
  let left = work;
  for (let guard = 0; guard < 10_000; guard++) {
    const day = dayStart(now);
    const open = day + hours.openHour * MS.hour;
    const close = day + hours.closeHour * MS.hour;
    if (!hours.isWorkingDay(now) || now >= close) {
      now = day + MS.day + hours.openHour * MS.hour;
      continue;
    }
    if (now < open) now = open;
    if (now + left <= close) return now + left;
    left -= close - now;
    now = day + MS.day + hours.openHour * MS.hour;
  }
  return now + left;
}
