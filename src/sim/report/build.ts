/**
 * Builds the report of a finished run and the reconciliation that proves nothing was lost.
 */
import type { ChannelId } from '../../channels/registry.js';
import type { SummaryApplication } from '../../customs/summary.js';
import { shanghaiDate } from '../clock.js';
import type { RunLedgers } from '../ledgers.js';
import type { OrderFlow } from '../order-flow.js';
import type { CustomsDesk } from '../parties/customs-desk.js';
import { bondedEmsNo } from '../parties/platform.js';
import type { Scenario } from '../scenario/schema.js';
import { rulesAt } from '../../rules/rule-sets.js';
import type { ChannelReport, ReconciliationCheck, Report } from './types.js';

/** Everything a run knows at its end. */
export interface RunFacts {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly runner: string;
  readonly start: number;
  readonly horizon: number;
  readonly end: number;
  readonly created: number;
  readonly events: number;
  readonly flow: OrderFlow;
  readonly ledgers: RunLedgers;
  readonly desk: CustomsDesk;
  readonly dailyStock: readonly { readonly date: string; readonly units: number }[];
  readonly hourlyQueue: readonly { readonly hour: string; readonly lists: number; readonly utilisation: number }[];
  readonly bondedItems: readonly string[];
  readonly summaries: readonly SummaryApplication[];
  readonly channels: readonly ChannelId[];
}

const iso = (t: number) => new Date(t).toISOString();

function check(name: string, ok: boolean, detail: string): ReconciliationCheck {
  return { name, ok, detail };
}

/** The report of a run, with its reconciliation. */
export function buildReport(f: RunFacts): Report {
  const inFlight = f.flow.inFlight();
  const channels: ChannelReport[] = f.channels.map((c) => f.flow.metricsOf(c).toReport(inFlight.get(c) ?? new Map()));
  const terminal = channels.reduce((n, c) => n + c.terminal, 0);
  const flying = channels.reduce((n, c) => n + c.inFlight, 0);
  const ordersCounted = channels.reduce((n, c) => n + c.orders, 0);
  const byStateTotal = channels.reduce((n, c) => n + Object.values(c.byState).reduce((a, b) => a + b, 0), 0);
  const transitionErrors = channels.reduce((n, c) => n + c.transitionErrors, 0);
  const emsNo = bondedEmsNo(f.scenario.customsCode);
  const live = f.flow.liveCopNos();
  const orphanReservations = [...f.ledgers.openStockReservations()].filter((ref) => !live.has(ref));
  const negative = f.ledgers.negativeStock(emsNo, f.bondedItems);
  const negativeTax = channels.filter((c) => c.taxes.total.startsWith('-'));

  const checks = [
    check('every order accounted for', f.created === terminal + flying && f.created === ordersCounted, `${f.created} created, ${terminal} finished, ${flying} in flight`),
    check('counts by state add up', byStateTotal === f.created, `${byStateTotal} orders counted by state`),
    check('every event accepted by its machine', transitionErrors === 0, transitionErrors === 0 ? 'no transition errors' : `${transitionErrors} refused: ${f.flow.transitionErrorExamples.join('; ')}`),
    check('receipt codes in allowed order', f.flow.receiptOrderViolations === 0, `${f.flow.receiptOrderViolations} finished orders with receipts out of order`),
    check('no release without the three documents matched', f.flow.unmatchedReleases === 0, `${f.flow.unmatchedReleases} unmatched releases`),
    check('bonded stock never negative', negative.length === 0, negative.length === 0 ? `${f.bondedItems.length} item records checked` : negative.join('; ')),
    check('stock reservations held only by orders in flight', orphanReservations.length === 0, `${orphanReservations.length} orphaned reservations`),
    check('annual quota never exceeded', f.ledgers.quotaOverruns === 0, `${f.ledgers.quotaOverruns} overruns`),
    check('taxes never negative', negativeTax.length === 0, negativeTax.length === 0 ? 'all channel totals at or above zero' : negativeTax.map((c) => c.channel).join(', ')),
  ];
  const customs = f.desk.summary(f.start, f.end);
  return {
    scenario: {
      name: f.scenario.name,
      seed: f.seed,
      start: iso(f.start),
      horizon: iso(f.horizon),
      end: iso(f.end),
      rules: rulesAt(f.start).id,
    },
    runner: f.runner,
    totals: { orders: f.created, terminal, inFlight: flying, events: f.events },
    channels,
    customs: { queue: { mean: Math.round(customs.queue.mean * 1000) / 1000, max: customs.queue.max }, utilisation: Math.round(customs.utilisation * 1e6) / 1e6, decisions: customs.decisions, hourlyQueue: f.hourlyQueue },
    bonded: { dailyStock: f.dailyStock, replenishments: f.ledgers.replenishments, shortages: f.ledgers.shortages },
    exportSummary: {
      applications: f.summaries.length,
      lists: f.summaries.reduce((n, a) => n + a.invtNos.length, 0),
      deadlines: [...new Set(f.summaries.map((a) => shanghaiDate(a.deadline)))].sort(),
    },
    reconciliation: { ok: checks.every((c) => c.ok), ordersCreated: f.created, terminal, inFlight: flying, checks },
  };
}
