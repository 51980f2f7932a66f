import type { Report } from '../sim/report/types.js';
import type { Violation } from './violation.js';

const violation = (subject: string, message: string): Violation => ({ invariant: 'every-order-accounted-for', subject, message });

/**
 * Every order of a run is accounted for: per channel and in total, the orders created equal the
 * orders finished plus those in flight, the counts by state add up to the orders, and the
 * channels add up to the run.
 *
 * @returns the violations, empty when the report reconciles
 * @example
 * ```ts
 * const report = await createSimulation(scenario).run();
 * everyOrderAccountedFor(report); // []
 * ```
 */
export function everyOrderAccountedFor(report: Report): Violation[] {
  const found: Violation[] = [];
  const { totals } = report;
  if (totals.orders !== totals.terminal + totals.inFlight) {
    found.push(violation('run', `${totals.orders} orders were created but ${totals.terminal} finished and ${totals.inFlight} are in flight (${totals.terminal + totals.inFlight}).`));
  }
  if (report.reconciliation.ordersCreated !== totals.orders) {
    found.push(violation('run', `the reconciliation counts ${report.reconciliation.ordersCreated} orders created, the totals ${totals.orders}.`));
  }
  const byChannel = report.channels.reduce((n, c) => n + c.orders, 0);
  if (byChannel !== totals.orders) found.push(violation('run', `the channels count ${byChannel} orders, the totals ${totals.orders}.`));
  for (const c of report.channels) {
    if (c.orders !== c.terminal + c.inFlight) {
      found.push(violation(c.channel, `${c.orders} orders but ${c.terminal} finished and ${c.inFlight} in flight.`));
    }
    const counted = Object.values(c.byState).reduce((a, b) => a + b, 0);
    if (counted !== c.orders) found.push(violation(c.channel, `the counts by state add up to ${counted}, not to the channel's ${c.orders} orders.`));
  }
  return found;
}
