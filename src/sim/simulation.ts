/**
 * A simulation run: a scenario and a seed in, a reconciled report out.
 */
import { CHANNEL_IDS, type ChannelId } from '../channels/registry.js';
import { bondedEmsNo, CHANNEL_PROFILES, createOrderFactory } from './parties/platform.js';
import { DEFAULT_COMPANIES } from './parties/companies.js';
import { createPopulation } from './parties/population.js';
import { CustomsDesk } from './parties/customs-desk.js';
import { createArrivalProcess } from './arrivals.js';
import { isWorkingDay, MS, shanghaiDate, shanghaiHour, type WorkCalendar } from './clock.js';
import { Engine, type Progress } from './engine/engine.js';
import { RunLedgers } from './ledgers.js';
import type { TransitionLog } from './log.js';
import { OrderFlow } from './order-flow.js';
import { createRng } from './rng.js';
import { xstateRunner } from './runner/xstate.js';
import type { OrderRunner } from './runner/types.js';
import type { Scenario } from './scenario/schema.js';
import { buildReport, type RunFacts } from './report/build.js';
import type { Report } from './report/types.js';
import { modeAt } from '../rules/modes.js';
import { orderTax } from '../rules/describe-tax.js';
import { money } from '../money/money.js';
import { SummaryBook } from './summary-book.js';

/** Options of {@link createSimulation}. */
export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Overrides the scenario's order cap. */
  readonly orders?: number;
  /** How machines are driven; the xstate reference runner by default. */
  readonly runner?: OrderRunner;
}

/** Progress of a run, for progress bars. */
export interface RunProgress extends Progress {
  /** Orders created so far. */
  readonly orders: number;
  /** Share of simulated time elapsed, 0 to 1. */
  readonly share: number;
}

/** Options of {@link Simulation.run}. */
export interface RunOptions {
  /** Called after every chunk of events, for progress bars. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Stops the run at the next chunk boundary; the report then shows what was in flight. */
  readonly signal?: AbortSignal;
  /** Where every transition goes, as NDJSON. */
  readonly log?: TransitionLog;
}

/** A prepared run. */
export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Runs to the scenario's end (arrivals, then the drain period) and resolves to the reconciled report. */
  run(options?: RunOptions): Promise<Report>;
}

const CHUNK = 20_000;

/**
 * Prepares a run of `scenario`.
 *
 * @example
 * ```ts
 * const sim = createSimulation(loadScenario('examples/scenarios/guangzhou-three-channels.json'), { seed: 7 });
 * const report = await sim.run({ onProgress: (p) => bar.update(p.share) });
 * report.reconciliation.ok; // true
 * ```
 */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed;
  const runner = options.runner ?? xstateRunner;
  return {
    scenario,
    seed,
    run: (runOptions = {}) => execute(scenario, seed, options.orders ?? scenario.maxOrders, runner, runOptions),
  };
}

async function execute(scenario: Scenario, seed: number, maxOrders: number | undefined, runner: OrderRunner, options: RunOptions): Promise<Report> {
  const rng = createRng(seed);
  const start = scenario.start;
  const horizon = start + scenario.horizonDays * MS.day;
  const end = horizon + scenario.drainDays * MS.day;
  const calendar: WorkCalendar = { holidays: new Set(scenario.calendar.holidays), workdays: new Set(scenario.calendar.workdays) };
  const engine = new Engine(start);
  const ledgers = new RunLedgers(scenario, rng);
  const desk = new CustomsDesk(start, scenario.customs.capacityPerHour, scenario.faults.outages);
  const hours = { openHour: scenario.customs.openHour, closeHour: scenario.customs.closeHour, isWorkingDay: (t: number) => isWorkingDay(t, calendar) };
  const flow = new OrderFlow({ scenario, engine, runner, desk, ledgers, hours, rng, ...(options.log ? { log: options.log } : {}) });
  const summaries = new SummaryBook(scenario, rng.stream('destinations'));
  flow.onSummary = (docs, invtNo, at) => summaries.add(docs, invtNo, at);
  const population = createPopulation(scenario.buyers.population, rng.stream('buyers'));
  const makeOrder = createOrderFactory({
    scenario,
    rng: rng.stream('platform'),
    population,
    companies: DEFAULT_COMPANIES,
    modeAt: (at, wanted) => modeAt(at, wanted),
    withheldTax: (order, buyerIndex) => {
      if (!order.buyer) return money(0);
      ledgers.bookPrior(order.buyer.idNumber, buyerIndex, order.placedAt);
      const tax = orderTax(order, ledgers.used(order.buyer.idNumber, order.placedAt).toFixed(2));
      return tax.route === 'general-trade' ? money(0) : tax.total;
    },
  });

  const bondedItems = stockBondedItems(scenario, ledgers, start);
  const dailyStock: { date: string; units: number }[] = [];
  for (let day = start + MS.day - 1; day <= end; day += MS.day) {
    engine.at(day, (e) => dailyStock.push({ date: shanghaiDate(e.now), units: ledgers.onHand(bondedEmsNo(scenario.customsCode), bondedItems) }));
  }

  const hourlyQueue: { hour: string; lists: number; utilisation: number }[] = [];
  for (let hour = start + MS.hour; hour <= horizon + MS.day; hour += MS.hour) {
    engine.at(hour - 1, (e) => hourlyQueue.push({ hour: shanghaiHour(e.now), ...desk.sampleHour() }));
  }

  let created = 0;
  const peaks = new Map(scenario.peaks.map((p) => [p.date, p.multiplier]));
  for (const arrival of scenario.arrivals) {
    const channel = arrival.channel;
    const process = createArrivalProcess({ ordersPerDay: arrival.ordersPerDay, hourProfile: arrival.hourProfile, weekdayProfile: arrival.weekdayProfile, peaks }, rng.stream(`arrivals-${channel}`));
    const scheduleNext = (after: number) => {
      const next = process.next(after);
      if (next === undefined || next >= horizon) return;
      const t = Math.max(Math.round(next), after + 1);
      engine.at(t, (e) => {
        if (maxOrders !== undefined && created >= maxOrders) return;
        created++;
        flow.arrive(makeOrder(channel, e.now, created));
        scheduleNext(e.now);
      });
    };
    scheduleNext(start);
  }

  const progress = () => options.onProgress?.({ now: engine.now, events: engine.executed, pending: engine.pending, orders: created, share: Math.min(1, (engine.now - start) / (end - start)) });
  for (;;) {
    const reason = engine.run({ until: end, maxEvents: CHUNK, ...(options.signal ? { signal: options.signal } : {}) });
    progress();
    if (options.log?.congested) await options.log.drained();
    if (reason !== 'max-events') break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  const facts: RunFacts = {
    scenario,
    seed,
    runner: runner.name,
    start,
    horizon,
    end: engine.now,
    created,
    events: engine.executed,
    flow,
    ledgers,
    desk,
    dailyStock,
    hourlyQueue,
    bondedItems,
    summaries: summaries.applications(calendar),
    channels: CHANNEL_IDS.filter((c: ChannelId) => scenario.arrivals.some((a) => a.channel === c)),
  };
  return buildReport(facts);
}

/** Credits the opening stock of every item bonded import channels sell; returns their record numbers. */
function stockBondedItems(scenario: Scenario, ledgers: RunLedgers, start: number): string[] {
  const emsNo = bondedEmsNo(scenario.customsCode);
  const items: string[] = [];
  scenario.catalogue.forEach((goods, index) => {
    const channels = goods.channels ?? CHANNEL_IDS;
    if (!channels.some((c) => CHANNEL_PROFILES[c].bonded && CHANNEL_PROFILES[c].ieFlag === 'I')) return;
    const itemRecordNo = String(index + 1);
    items.push(itemRecordNo);
    ledgers.bonded.credit({ op: 'credit', ref: `OPENING-${itemRecordNo}`, emsNo, lines: [{ itemRecordNo, quantity: money(scenario.bonded.initialStock) }], at: start });
  });
  return items;
}

