/**
 * What a scenario's arrival plan makes expected: orders from its start to an instant, for the
 * warehouse's forecast and the run's progress.
 */
import { expectedArrivals } from '../arrivals.js';
import { MS } from '../clock.js';
import type { Scenario } from './schema.js';

type Arrival = Scenario['arrivals'][number];

/**
 * Expected orders of the scenario's arrival streams (those `which` picks) from its start to an
 * instant: peaks, hour and weekday profiles included; nothing arrives after the horizon.
 */
export function scenarioArrivals(scenario: Scenario, which: (arrival: Arrival) => boolean = () => true): (t: number) => number {
  const peaks = new Map(scenario.peaks.map((p) => [p.date, p.multiplier]));
  const shapes = scenario.arrivals.filter(which).map((a) => ({ ordersPerDay: a.ordersPerDay, hourProfile: a.hourProfile, weekdayProfile: a.weekdayProfile, peaks }));
  return expectedArrivals(shapes, scenario.start, Math.ceil((scenario.horizonDays * MS.day) / MS.hour));
}

/** The orders a run of `scenario` is expected to create: its arrival plan up to the horizon, at most `cap`. */
export function expectedOrders(scenario: Scenario, cap: number | undefined): number {
  const planned = Math.round(scenarioArrivals(scenario)(scenario.start + scenario.horizonDays * MS.day));
  return cap === undefined ? planned : Math.min(cap, planned);
}
