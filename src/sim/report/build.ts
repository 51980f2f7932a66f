/**
 * Builds the report of a finished run from its merged shard facts, and the reconciliation that
 * proves nothing was lost.
 */
import { MS, shanghaiDate, shanghaiDateTime } from '../clock.js';
import { channelReport } from '../metrics/channel-facts.js';
import type { Scenario } from '../scenario/schema.js';
import type { MergedFacts } from '../shard/facts.js';
import { countryByCode } from '../../domain/codes/index.js';
import { rulesAt } from '../../rules/rule-sets.js';
import type { ChannelReport, ReconciliationCheck, Report, ReportWarning } from './types.js';

/** Everything a run knows at its end. */
export interface RunFacts {
  readonly scenario: Scenario;
  readonly seed: number;
  /** The runner's name. */
  readonly runner: string;
  /** The facts of every shard, merged. */
  readonly facts: MergedFacts;
}


function check(name: string, ok: boolean, detail: string): ReconciliationCheck {
  return { name, ok, detail };
}

/** The reconciliation checks of a run whose channels report `channels`. */
function checks(f: MergedFacts, channels: readonly ChannelReport[]): ReconciliationCheck[] {
  const terminal = channels.reduce((n, c) => n + c.terminal, 0);
  const flying = channels.reduce((n, c) => n + c.inFlight, 0);
  const ordersCounted = channels.reduce((n, c) => n + c.orders, 0);
  const byStateTotal = channels.reduce((n, c) => n + Object.values(c.byState).reduce((a, b) => a + b, 0), 0);
  const transitionErrors = channels.reduce((n, c) => n + c.transitionErrors, 0);
  const { bonded, violations: v } = f;
  const negativeTax = channels.filter((c) => c.taxes.total.startsWith('-'));
  const unbalanced = f.unbalancedShards.length === 0 ? '' : `; shards not adding up: ${f.unbalancedShards.join(', ')}`;
  return [
    check('every order accounted for', f.created === terminal + flying && f.created === ordersCounted && unbalanced === '', `${f.created} created, ${terminal} finished, ${flying} in flight${unbalanced}`),
    check('counts by state add up', byStateTotal === f.created, `${byStateTotal} orders counted by state`),
    check('every event accepted by its machine', transitionErrors === 0, transitionErrors === 0 ? 'no transition errors' : `${transitionErrors} refused: ${v.transitionErrorExamples.join('; ')}`),
    check('receipt codes in allowed order', v.receiptOrderViolations === 0, `${v.receiptOrderViolations} finished orders with receipts out of order`),
    check('no release without the three documents matched', v.unmatchedReleases === 0, `${v.unmatchedReleases} unmatched releases`),
    check('bonded stock never negative', bonded.negativeStock.length === 0, bonded.negativeStock.length === 0 ? `${bonded.itemRecords} item records checked` : bonded.negativeStock.join('; ')),
    check('stock reservations held only by orders in flight', bonded.orphanedReservations === 0, `${bonded.orphanedReservations} orphaned reservations`),
    check('annual quota never exceeded', v.quotaOverruns === 0, `${v.quotaOverruns} overruns`),
    check('taxes never negative', negativeTax.length === 0, negativeTax.length === 0 ? 'all channel totals at or above zero' : negativeTax.map((c) => c.channel).join(', ')),
  ];
}

/** A refusal reason that stops more than this share of a channel's orders is explained in the report. */
export const WARN_SHARE = 0.1;

/** What to change when a reason refuses many orders. */
const ADVICE: Readonly<Record<string, string>> = {
  'stock-shortage': "The bonded warehouse ran out of stock: stock up before the peak (bonded.policy 'look-ahead', a larger bonded.initialStock) or reorder sooner (bonded.reorderPoint, bonded.replenishment).",
  'over-single-limit': 'These orders are over the single-transaction limit and go to general trade; platforms usually split such baskets or stop them at checkout (catalogue prices, buyers.maxLinesPerOrder).',
  'over-parcel-limit': 'These parcels are over the postal-articles parcel limit and must be declared as goods (general trade); lower the catalogue prices or the lines per order to keep parcels small.',
  'quota-exceeded': "These buyers passed their annual limit; a larger buyers.population or a smaller buyers.priorQuotaShareMax spreads the year's purchases.",
  'payer-mismatch': 'The payer was not the buyer (buyers.payerMismatchRate).',
  'arrival-missing': 'The export goods never reached the exit site (carrier.arrivalMissingRate).',
};

function warningsOf(channels: readonly ChannelReport[]): ReportWarning[] {
  return channels.flatMap((c) =>
    Object.entries(c.rejections)
      .filter(([, n]) => c.orders > 0 && n / c.orders > WARN_SHARE)
      .map(([reason, orders]) => {
        const share = orders / c.orders;
        const advice = ADVICE[reason];
        return { channel: c.channel, reason, orders, share, message: `${reason} refused ${orders} of ${c.orders} ${c.channel} orders (${(share * 100).toFixed(1)}%).${advice === undefined ? '' : ` ${advice}`}` };
      }),
  );
}

/** The international leg the report names: only for runs with 9610 import orders. */
function directMailOf(run: RunFacts): Pick<Report['scenario'], 'directMail'> {
  if (!run.scenario.arrivals.some((a) => a.channel === '9610-import')) return {};
  const { origin, carrier, mode } = run.scenario.directMail;
  return { directMail: { origin: origin === 'goods' ? "each parcel's goods' country of origin" : (countryByCode(origin)?.name ?? origin), carrier, mode } };
}

/** What the report says of the scenario's tariff and positive list. */
function referenceData(scenario: Scenario): { tariff: string; positiveList: string } {
  const rows = scenario.tariff?.length ?? 0;
  const list = scenario.positiveList;
  return {
    tariff: rows === 0 ? 'built-in rows (illustrative) and products\' own rates' : `${rows} rows of the scenario's tariff, then the built-in rows (illustrative); products' own rates first`,
    positiveList: list ? `on: the list of ${list.version}, ${list.lines.length} tariff lines; retail imports of other goods are refused` : 'off: no list given, nothing refused on that ground',
  };
}

/**
 * The report of a run, with its reconciliation. With more than one shard, `scenario.shards` says
 * how many (a one-shard report is as it always was).
 */
export function buildReport(run: RunFacts): Report {
  const f = run.facts;
  const start = run.scenario.start;
  const channels = f.channels.map(channelReport);
  const reconciliation = checks(f, channels);
  const terminal = channels.reduce((n, c) => n + c.terminal, 0);
  const flying = channels.reduce((n, c) => n + c.inFlight, 0);
  return {
    scenario: {
      name: run.scenario.name,
      seed: run.seed,
      start: shanghaiDateTime(start),
      horizon: shanghaiDateTime(start + run.scenario.horizonDays * MS.day),
      end: shanghaiDateTime(f.end),
      rules: run.scenario.rules ?? rulesAt(start).id,
      ...referenceData(run.scenario),
      ...(f.shards > 1 ? { shards: f.shards } : {}),
      ...directMailOf(run),
    },
    runner: run.runner,
    totals: { orders: f.created, terminal, inFlight: flying, events: f.events },
    channels,
    customs: { queue: { mean: Math.round(f.customs.queue.mean * 1000) / 1000, max: f.customs.queue.max }, utilisation: Math.round(f.customs.utilisation * 1e6) / 1e6, decisions: f.customs.decisions, hourlyQueue: f.hourlyQueue },
    bonded: { dailyStock: f.bonded.dailyStock, replenishments: f.bonded.replenishments, shortages: f.bonded.shortages },
    exportSummary: {
      applications: f.summaries.length,
      lists: f.summaries.reduce((n, a) => n + a.lists, 0),
      deadlines: [...new Set(f.summaries.map((a) => shanghaiDate(a.deadline)))].sort(),
    },
    warnings: warningsOf(channels),
    reconciliation: { ok: reconciliation.every((c) => c.ok), ordersCreated: f.created, terminal, inFlight: flying, checks: reconciliation },
  };
}
