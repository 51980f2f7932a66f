/**
 * Simulates one shard of a run, start to end, and hands back its {@link ShardFacts}. A shard
 * shares no state with the others: its own engine, buyers, warehouse, customs lane and random
 * streams, so it gives the same facts on whichever thread, and after whichever shard, it runs.
 */
import { CHANNEL_IDS } from '../../channels/registry.js';
import { money } from '../../money/money.js';
import { orderTax } from '../../rules/describe-tax.js';
import { modeAt } from '../../rules/modes.js';
import { createArrivalProcess } from '../arrivals.js';
import { isWorkingDay, MS, shanghaiDate, shanghaiHour, type WorkCalendar } from '../clock.js';
import { Engine } from '../engine/engine.js';
import { RunLedgers } from '../ledgers.js';
import type { TransitionLog } from '../log.js';
import { OrderFlow } from '../order-flow.js';
import { DEFAULT_COMPANIES } from '../parties/companies.js';
import { CustomsDesk } from '../parties/customs-desk.js';
import { bondedEmsNo, CHANNEL_PROFILES, createOrderFactory, type OrderFactory } from '../parties/platform.js';
import { createPopulation } from '../parties/population.js';
import { createRng, type Rng } from '../rng.js';
import type { OrderRunner } from '../runner/types.js';
import type { Scenario } from '../scenario/schema.js';
import { SummaryBook } from '../summary-book.js';
import type { DailyStock, HourlyQueue, ShardFacts, SummaryFacts } from './facts.js';
import { shardScenario, shardSerial, type ShardTask } from './plan.js';
import type { RunProgress } from './progress.js';

/** How a shard reports while it runs. */
export interface ShardHooks {
  /** Called after every chunk of events. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Stops the shard at the next chunk boundary; its facts then show what was in flight. */
  readonly signal?: AbortSignal;
  /** Where the shard's transitions go, as NDJSON. */
  readonly log?: TransitionLog;
}

/** How a run of several shards reports while it runs: progress by shard. */
export interface ShardsHooks extends Omit<ShardHooks, 'onProgress'> {
  readonly onProgress?: (shard: number, progress: RunProgress) => void;
  /** Where worker threads spool their shards' logs (default: the system's temporary directory). */
  readonly tempDir?: string;
}

/** Events between progress reports (and between yields to the event loop). */
const CHUNK = 20_000;

/**
 * The shard's random streams: with one shard, the run's root generator itself (so a one-shard run
 * draws exactly as an unsharded one); otherwise the root's stream `shard-<k>`. Buyers are drawn from
 * the root's `buyers` stream in every shard, so a buyer is the same person whichever shard holds them.
 */
function shardRng(root: Rng, shard: number, shards: number): Rng {
  return shards === 1 ? root : root.stream(`shard-${shard}`);
}

/** A shard's parties and ledgers, ready to run. */
interface ShardWorld {
  readonly scenario: Scenario;
  readonly rng: Rng;
  readonly engine: Engine;
  readonly ledgers: RunLedgers;
  readonly desk: CustomsDesk;
  readonly flow: OrderFlow;
  readonly summaries: SummaryBook;
  readonly calendar: WorkCalendar;
  readonly makeOrder: OrderFactory;
  readonly horizon: number;
  readonly end: number;
}

/** Builds shard `task.shard`'s engine, parties and ledgers from its own part of the scenario. */
function buildWorld(task: ShardTask, runner: OrderRunner, log: TransitionLog | undefined): ShardWorld {
  const { seed, shard, shards } = task;
  const scenario = shardScenario(task.scenario, shard, shards);
  const root = createRng(seed);
  const rng = shardRng(root, shard, shards);
  const calendar: WorkCalendar = { holidays: new Set(scenario.calendar.holidays), workdays: new Set(scenario.calendar.workdays) };
  const engine = new Engine(scenario.start);
  const ledgers = new RunLedgers(scenario, rng);
  const desk = new CustomsDesk(scenario.start, scenario.customs.capacityPerHour, scenario.faults.outages);
  const hours = { openHour: scenario.customs.openHour, closeHour: scenario.customs.closeHour, isWorkingDay: (t: number) => isWorkingDay(t, calendar) };
  const flow = new OrderFlow({ scenario, engine, runner, desk, ledgers, hours, rng, listSerial: (n) => shardSerial(n, shard, shards), ...(log ? { log } : {}) });
  const summaries = new SummaryBook(scenario, rng.stream('destinations'));
  flow.onSummary = (docs, invtNo, at) => summaries.add(docs, invtNo, at);
  const makeOrder = createOrderFactory({
    scenario,
    rng: rng.stream('platform'),
    population: createPopulation(scenario.buyers.population, root.stream('buyers'), { shard, shards }),
    companies: DEFAULT_COMPANIES,
    modeAt: (at, wanted) => modeAt(at, wanted),
    withheldTax: (order, buyerIndex) => {
      if (!order.buyer) return money(0);
      ledgers.bookPrior(order.buyer.idNumber, buyerIndex, order.placedAt);
      const tax = orderTax(order, ledgers.used(order.buyer.idNumber, order.placedAt).toFixed(2));
      return tax.route === 'general-trade' ? money(0) : tax.total;
    },
  });
  const horizon = scenario.start + scenario.horizonDays * MS.day;
  return { scenario, rng, engine, ledgers, desk, flow, summaries, calendar, makeOrder, horizon, end: horizon + scenario.drainDays * MS.day };
}

/** Schedules every arrival stream of the shard up to its horizon; returns how to read the count of orders created. */
function scheduleArrivals(w: ShardWorld, task: ShardTask): () => number {
  const { engine, flow, makeOrder, scenario, horizon } = w;
  let created = 0;
  const peaks = new Map(scenario.peaks.map((p) => [p.date, p.multiplier]));
  for (const arrival of scenario.arrivals) {
    const channel = arrival.channel;
    const process = createArrivalProcess({ ordersPerDay: arrival.ordersPerDay, hourProfile: arrival.hourProfile, weekdayProfile: arrival.weekdayProfile, peaks }, w.rng.stream(`arrivals-${channel}`));
    const scheduleNext = (after: number) => {
      const next = process.next(after);
      if (next === undefined || next >= horizon) return;
      const t = Math.max(Math.round(next), after + 1);
      engine.at(t, (e) => {
        if (task.maxOrders !== undefined && created >= task.maxOrders) return;
        created++;
        flow.arrive(makeOrder(channel, e.now, shardSerial(created, task.shard, task.shards)));
        scheduleNext(e.now);
      });
    };
    scheduleNext(scenario.start);
  }
  return () => created;
}

/**
 * Samples the bonded stock at the end of every day and the customs queue at the end of every hour while arrivals last (and a day after).
 * Each sample schedules the next when it runs, so the engine holds one pending sample of each kind whatever the horizon.
 */
function scheduleSamples(w: ShardWorld, emsNo: string, bondedItems: readonly string[]): { dailyStock: DailyStock[]; hourlyQueue: HourlyQueue[] } {
  const { engine, ledgers, desk, scenario, horizon, end } = w;
  const dailyStock: DailyStock[] = [];
  const hourlyQueue: HourlyQueue[] = [];
  every(engine, scenario.start + MS.day - 1, MS.day, end, (e) => dailyStock.push({ date: shanghaiDate(e.now), units: ledgers.onHand(emsNo, bondedItems) }));
  every(engine, scenario.start + MS.hour - 1, MS.hour, horizon + MS.day - 1, (e) => hourlyQueue.push({ hour: shanghaiHour(e.now), ...desk.sampleHour() }));
  return { dailyStock, hourlyQueue };
}

/** Runs `sample` at `first`, then every `step` ms up to `last`, scheduling each run when the one before it runs. */
function every(engine: Engine, first: number, step: number, last: number, sample: (e: Engine) => void): void {
  const at = (t: number) => {
    if (t > last) return;
    engine.at(t, (e) => {
      sample(e);
      at(t + step);
    });
  };
  at(first);
}

/**
 * Runs shard `task.shard` of a run to its end (arrivals, then the drain period) with `runner`.
 *
 * @example
 * ```ts
 * const facts = await runShard({ scenario, seed: 7, shard: 0, shards: 2, maxOrders: 500 }, RUNNERS.compiled);
 * facts.created; // at most 500
 * ```
 */
export async function runShard(task: ShardTask, runner: OrderRunner, hooks: ShardHooks = {}): Promise<ShardFacts> {
  const { onProgress, signal, log } = hooks;
  const w = buildWorld(task, runner, log);
  const { engine, scenario, end } = w;
  const emsNo = bondedEmsNo(scenario.customsCode);
  const bondedItems = stockBondedItems(scenario, w.ledgers, scenario.start);
  const samples = scheduleSamples(w, emsNo, bondedItems);
  const created = scheduleArrivals(w, task);
  for (;;) {
    const reason = engine.run({ until: end, maxEvents: CHUNK, ...(signal ? { signal } : {}) });
    onProgress?.({ now: engine.now, events: engine.executed, pending: engine.pending, orders: created(), share: Math.min(1, (engine.now - scenario.start) / (end - scenario.start)) });
    if (log?.congested) await log.drained();
    if (reason !== 'max-events') break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return collectFacts(w, task, created(), samples, emsNo, bondedItems);
}

/** The shard's facts at its end. */
function collectFacts(w: ShardWorld, task: ShardTask, created: number, samples: Pick<ShardFacts['bonded'], 'dailyStock'> & Pick<ShardFacts, 'hourlyQueue'>, emsNo: string, bondedItems: readonly string[]): ShardFacts {
  const { flow, ledgers, engine, scenario } = w;
  const inFlight = flow.inFlight();
  const live = flow.liveCopNos();
  const where = task.shards > 1 ? `shard ${task.shard} item ` : '';
  return {
    shard: task.shard,
    end: engine.now,
    created,
    events: engine.executed,
    channels: CHANNEL_IDS.filter((c) => scenario.arrivals.some((a) => a.channel === c)).map((c) => flow.metricsOf(c).toFacts(inFlight.get(c) ?? new Map())),
    customs: w.desk.summary(scenario.start, engine.now),
    hourlyQueue: samples.hourlyQueue,
    bonded: {
      dailyStock: samples.dailyStock,
      replenishments: ledgers.replenishments,
      shortages: ledgers.shortages,
      itemRecords: bondedItems.length,
      negativeStock: ledgers.negativeStock(emsNo, bondedItems).map((text) => `${where}${text}`),
      orphanedReservations: [...ledgers.openStockReservations()].filter((ref) => !live.has(ref)).length,
    },
    summaries: w.summaries.applications(w.calendar).map(
      (a): SummaryFacts => ({ key: [a.month, a.customsCode, a.consignorCode, a.trafMode, a.ownerCode, a.destinationCountry, a.exitPort].join('|'), lists: a.lists, deadline: a.deadline }),
    ),
    violations: {
      receiptOrderViolations: flow.receiptOrderViolations,
      unmatchedReleases: flow.unmatchedReleases,
      quotaOverruns: ledgers.quotaOverruns,
      transitionErrorExamples: [...flow.transitionErrorExamples],
    },
  };
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
    // a warehouse may open empty (initialStock 0, or a shard's share of a small stock) and wait for its first reorder
    if (scenario.bonded.initialStock > 0) ledgers.bonded.credit({ op: 'credit', ref: `OPENING-${itemRecordNo}`, emsNo, lines: [{ itemRecordNo, quantity: money(scenario.bonded.initialStock) }], at: start });
  });
  return items;
}
