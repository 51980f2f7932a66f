/**
 * Simulates one shard of a run, start to end, and hands back its {@link ShardFacts}. A shard
 * shares no state with the others: its own queue, orders, buyers, warehouse, customs lane and
 * random streams, so it gives the same facts on whichever thread, and after whichever shard, it runs.
 */
import { CHANNEL_IDS } from '../../channels/registry.js';
import { isWorkingDay, MS, shanghaiDate, shanghaiHour, type WorkCalendar } from '../clock.js';
import { EventQueue } from '../engine/event-queue.js';
import { scenarioWorkCalendar } from '../holidays.js';
import type { TransitionLog } from '../log.js';
import { ChannelMetrics } from '../metrics/channel-metrics.js';
import { OrderDocumentsSource } from '../flow/documents.js';
import { FlowEffects } from '../flow/effects.js';
import { OrderFlow } from '../flow/flow.js';
import { TransitionLines } from '../flow/log-lines.js';
import { LEAN_TABLES, LeanMachines, type LineSource, type OrderMachines } from '../flow/machines.js';
import { ObjectMachines } from '../flow/object-machines.js';
import { OrderDraws, OrderLines } from '../flow/order-draws.js';
import { counterWord, keyOf, OrderRandom } from '../flow/order-random.js';
import { OrderTaxes } from '../flow/order-tax.js';
import { QuotaBook } from '../flow/quota-book.js';
import { ARRIVAL, REPLENISH, SAMPLE_DAY, SAMPLE_HOUR } from '../flow/queue-codes.js';
import { OrderRows } from '../flow/rows.js';
import { StockBook } from '../flow/stock-book.js';
import { DEFAULT_COMPANIES } from '../parties/companies.js';
import { CustomsDesk } from '../parties/customs-desk.js';
import { CHANNEL_PROFILES } from '../parties/platform.js';
import { createPopulation } from '../parties/population.js';
import { createRng, type Rng } from '../rng.js';
import { leanRunner } from '../runner/lean/instance.js';
import type { OrderRunner } from '../runner/types.js';
import type { Scenario } from '../scenario/schema.js';
import { RULE_SETS } from '../../rules/rule-sets.js';
import type { RuleSet } from '../../rules/types.js';
import { stockingPolicy, type StockingPolicy } from '../stocking.js';
import { SummaryBook } from '../summary-book.js';
import { createArrivalProcess, type ArrivalProcess } from '../arrivals.js';
import type { DailyStock, HourlyQueue, ShardFacts } from './facts.js';
import { shardScenario, shardSerial, type ShardTask } from './plan.js';
import { expectedOrders } from '../scenario/expected.js';
import type { ShardProgress } from './progress.js';

/** How a shard reports while it runs. */
export interface ShardHooks {
  /** Called after every chunk of events, and once more when the shard has finished. */
  readonly onProgress?: (progress: ShardProgress) => void;
  /** Stops the shard at the next chunk boundary; its facts then show what was in flight. */
  readonly signal?: AbortSignal;
  /** Where the shard's transitions go, as NDJSON. */
  readonly log?: TransitionLog;
}

/** How a run of several shards reports while it runs: progress by shard. */
export interface ShardsHooks extends Omit<ShardHooks, 'onProgress'> {
  readonly onProgress?: (shard: number, progress: ShardProgress) => void;
  /** Where worker threads spool their shards' logs (default: the system's temporary directory). */
  readonly tempDir?: string;
}

/** Events between progress reports (and between yields to the event loop): small enough for about ten reports a second. */
const CHUNK = 2_000;
/** Simulated time one bucket of the event queue holds: about 70 minutes. */
const BUCKET_MS = 2 ** 22;

/**
 * The shard's random streams: with one shard, the run's root generator itself (so a one-shard run
 * draws exactly as an unsharded one); otherwise the root's stream `shard-<k>`. Buyers are drawn from
 * the root's `buyers` stream in every shard, so a buyer is the same person whichever shard holds them.
 */
function shardRng(root: Rng, shard: number, shards: number): Rng {
  return shards === 1 ? root : root.stream(`shard-${shard}`);
}

/** A shard's parties, books and orders, ready to run. */
interface ShardWorld {
  readonly scenario: Scenario;
  readonly rng: Rng;
  readonly queue: EventQueue;
  readonly rows: OrderRows;
  readonly flow: OrderFlow;
  readonly effects: FlowEffects;
  readonly quota: QuotaBook;
  readonly stock: StockBook;
  readonly desk: CustomsDesk;
  readonly summaries: SummaryBook;
  readonly calendar: WorkCalendar;
  readonly stocking: StockingPolicy;
  readonly metrics: (channel: number) => ChannelMetrics;
  /** The transition lines, when the shard logs. */
  readonly lines: TransitionLines | undefined;
  readonly byChannel: readonly (ChannelMetrics | undefined)[];
  readonly horizon: number;
  readonly end: number;
}

/** The Shanghai calendar year of an instant. */
const yearOf = (at: number): number => new Date(at + 8 * MS.hour).getUTCFullYear();

/**
 * About how many orders a shard has in flight at most: every order it may create (its cap, or
 * its arrival rate at its busiest all through its horizon). The rows grow if it has more.
 */
function likelyInFlight(scenario: Scenario, maxOrders: number | undefined): number {
  if (maxOrders !== undefined) return maxOrders + 1;
  const peak = Math.max(1, ...scenario.peaks.map((p) => p.multiplier));
  const busiest = (profile: readonly number[] | undefined, length: number) => (profile === undefined ? 2.5 : (Math.max(...profile) * length) / Math.max(1e-9, profile.reduce((a, b) => a + b, 0)));
  const perDay = scenario.arrivals.reduce((n, a) => n + a.ordersPerDay * busiest(a.hourProfile, 24) * busiest(a.weekdayProfile, 7), 0);
  return Math.min(2 ** 26, Math.ceil(perDay * peak * scenario.horizonDays) + 1024);
}

/** The share of the annual limit each buyer had used before the run began, from a key of the shard's own. */
function priorShares(rng: Rng, max: number): (buyer: number) => number {
  const key = keyOf(rng.stream('prior-quota').words());
  return (buyer) => ((counterWord(key, buyer, 0) >>> 5) * 67108864 + (counterWord(key, buyer, 1) >>> 6)) / 9007199254740992 * max;
}

/** The machines `runner` drives the shard's orders with: the rows themselves for the lean runner, instances over documents otherwise. */
function machinesOf(runner: OrderRunner, parts: { scenario: Scenario; rows: OrderRows; effects: FlowEffects; source: LineSource; documents: OrderDocumentsSource; firstYear: number; rules: RuleSet | undefined }): OrderMachines {
  if (runner === leanRunner) return new LeanMachines(parts.rows, parts.effects, new OrderTaxes(parts.scenario, parts.rules), parts.source);
  return new ObjectMachines(runner, parts.rows, parts.effects, parts.documents, parts.firstYear, parts.rules);
}

/** Builds shard `task.shard`'s parties, books and orders from its own part of the scenario. */
function buildWorld(task: ShardTask, runner: OrderRunner, log: TransitionLog | undefined): ShardWorld {
  const { seed, shard, shards } = task;
  const scenario = shardScenario(task.scenario, shard, shards);
  const root = createRng(seed);
  const rng = shardRng(root, shard, shards);
  const calendar: WorkCalendar = scenarioWorkCalendar(scenario.calendar);
  const horizon = scenario.start + scenario.horizonDays * MS.day;
  const end = horizon + scenario.drainDays * MS.day;
  const firstYear = yearOf(scenario.start);
  const queue = new EventQueue(BUCKET_MS);
  const rows = new OrderRows(likelyInFlight(scenario, task.maxOrders));
  const desk = new CustomsDesk(scenario.start, scenario.customs.capacityPerHour, scenario.faults.outages);
  const workingDays = new Map<number, boolean>();
  const isWorking = (t: number): boolean => {
    const day = Math.floor((t + 8 * MS.hour) / MS.day);
    let working = workingDays.get(day);
    if (working === undefined) {
      working = isWorkingDay(t, calendar);
      workingDays.set(day, working);
    }
    return working;
  };
  const hours = { openHour: scenario.customs.openHour, closeHour: scenario.customs.closeHour, isWorkingDay: isWorking };
  const population = createPopulation(scenario.buyers.population, root.stream('buyers'), { shard, shards });
  const draws = new OrderDraws(scenario, population.size);
  const random = new OrderRandom(keyOf(rng.stream('platform').words()));
  const source: LineSource = { draws, random, lines: new OrderLines(scenario.buyers.maxLinesPerOrder) };
  const rules = RULE_SETS.find((r) => r.id === scenario.rules);
  const quota = new QuotaBook(priorShares(rng, scenario.buyers.priorQuotaShareMax), rules);
  const stock = new StockBook(scenario.catalogue.length);
  const summaries = new SummaryBook(scenario, rng.stream('destinations'), DEFAULT_COMPANIES.exporter.code);
  const byChannel: (ChannelMetrics | undefined)[] = CHANNEL_IDS.map(() => undefined);
  const metrics = (channel: number) => (byChannel[channel] ??= new ChannelMetrics(CHANNEL_IDS[channel]!));
  const schedule = (slot: number, time: number, code: number, payload: number) => flow.at(slot, time, code, payload);
  const lines = log ? new TransitionLines(log, LEAN_TABLES) : undefined;
  // Replenishment lead times come from the carrier's stream, the flow's own.
  const carrier = () => flow.carrier;
  const stocking = stockingPolicy(scenario);
  const effects = new FlowEffects({ scenario, rows, schedule, lines: source, quota, stock, summaries, metrics, carrier, stocking, firstYear });
  const flow: OrderFlow = new OrderFlow({
    scenario,
    queue,
    rows,
    effects,
    desk,
    hours,
    quota,
    population,
    lines: source,
    rng,
    metrics,
    firstYear,
    listSerial: (n) => shardSerial(n, shard, shards),
    ...(lines ? { log: lines } : {}),
  });
  const documents = new OrderDocumentsSource(scenario, DEFAULT_COMPANIES, population, draws, new OrderRandom(keyOf(rng.stream('platform').words())), rows);
  const machines = machinesOf(runner, { scenario, rows, effects, source, documents, firstYear, rules });
  effects.machines = machines;
  flow.machines = machines;
  return { scenario, rng, queue, rows, flow, effects, quota, stock, desk, summaries, calendar, stocking, metrics, lines, byChannel, horizon, end };
}

/** The arrival streams of a shard, by the index ARRIVAL events carry. */
interface Arrivals {
  readonly processes: readonly ArrivalProcess[];
  readonly channels: readonly number[];
  created: number;
}

function startArrivals(w: ShardWorld): Arrivals {
  const { scenario, rng } = w;
  const peaks = new Map(scenario.peaks.map((p) => [p.date, p.multiplier]));
  const arrivals: Arrivals = {
    processes: scenario.arrivals.map((a) => createArrivalProcess({ ordersPerDay: a.ordersPerDay, hourProfile: a.hourProfile, weekdayProfile: a.weekdayProfile, peaks }, rng.stream(`arrivals-${a.channel}`))),
    channels: scenario.arrivals.map((a) => CHANNEL_IDS.indexOf(a.channel)),
    created: 0,
  };
  arrivals.processes.forEach((_, i) => nextArrival(w, arrivals, i, scenario.start));
  return arrivals;
}

/** Queues stream `i`'s next arrival after `after`, if it comes before the horizon. */
function nextArrival(w: ShardWorld, arrivals: Arrivals, i: number, after: number): void {
  const next = arrivals.processes[i]!.next(after);
  if (next === undefined || next >= w.horizon) return;
  w.queue.push(Math.max(Math.round(next), after + 1), -1, ARRIVAL, i);
}

/** Samples of the bonded stock at the end of every day, and of the customs queue at the end of every hour while arrivals last (and a day after). */
interface Samples {
  readonly dailyStock: DailyStock[];
  readonly hourlyQueue: HourlyQueue[];
  readonly bondedItems: readonly number[];
}

function startSamples(w: ShardWorld, bondedItems: readonly number[]): Samples {
  const { scenario, queue, end, horizon } = w;
  if (scenario.start + MS.day - 1 <= end) queue.push(scenario.start + MS.day - 1, -1, SAMPLE_DAY, 0);
  if (scenario.start + MS.hour <= horizon + MS.day) queue.push(scenario.start + MS.hour - 1, -1, SAMPLE_HOUR, 0);
  return { dailyStock: [], hourlyQueue: [], bondedItems };
}

/** Handles one of the shard's own events at `now`. */
function handleRunEvent(w: ShardWorld, task: ShardTask, arrivals: Arrivals, samples: Samples, code: number, payload: number, now: number): void {
  switch (code) {
    case ARRIVAL:
      if (task.maxOrders !== undefined && arrivals.created >= task.maxOrders) return;
      arrivals.created++;
      w.flow.arrive(arrivals.channels[payload]!, shardSerial(arrivals.created, task.shard, task.shards));
      return nextArrival(w, arrivals, payload, now);
    case SAMPLE_DAY:
      samples.dailyStock.push({ date: shanghaiDate(now), units: samples.bondedItems.reduce((n, item) => n + w.stock.onHand[item]!, 0) });
      if (now + MS.day <= w.end) w.queue.push(now + MS.day, -1, SAMPLE_DAY, 0);
      return;
    case SAMPLE_HOUR:
      samples.hourlyQueue.push({ hour: shanghaiHour(now), ...w.desk.sampleHour() });
      if (now + 1 + MS.hour <= w.horizon + MS.day) w.queue.push(now + MS.hour, -1, SAMPLE_HOUR, 0);
      return;
    case REPLENISH:
      w.stock.replenish(payload);
      return;
  }
}

/**
 * Runs shard `task.shard` of a run to its end (arrivals, then the drain period) with `runner`.
 *
 * @example
 * ```ts
 * const facts = await runShard({ scenario, seed: 7, shard: 0, shards: 2, maxOrders: 500 }, RUNNERS.lean);
 * facts.created; // at most 500
 * ```
 */
export async function runShard(task: ShardTask, runner: OrderRunner, hooks: ShardHooks = {}): Promise<ShardFacts> {
  const { onProgress, signal, log } = hooks;
  const w = buildWorld(task, runner, log);
  const { queue, rows, flow, scenario, end } = w;
  const samples = startSamples(w, stockBondedItems(w));
  const arrivals = startArrivals(w);
  const expected = expectedOrders(scenario, task.maxOrders);
  let executed = 0;
  let now = scenario.start;
  const progress = (done: boolean): ShardProgress => ({ now, events: executed, pending: queue.size, orders: arrivals.created, expectedOrders: expected, done });
  for (let stopped = false; !stopped; ) {
    for (let ran = 0; ran < CHUNK; ) {
      if (signal?.aborted) {
        stopped = true;
        break;
      }
      // An event after the end (its order still in flight) stops the run.
      if (!queue.pop() || queue.time > end) {
        now = end;
        stopped = true;
        break;
      }
      now = queue.time;
      flow.now = now;
      const slot = queue.slot;
      if (slot < 0) handleRunEvent(w, task, arrivals, samples, queue.code, queue.payload, now);
      else if (rows.popped(slot)) flow.handle(slot, queue.code, queue.payload);
      else continue;
      executed++;
      ran++;
    }
    w.lines?.flush();
    if (log?.congested) await log.drained();
    if (stopped) break;
    onProgress?.(progress(false));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  onProgress?.(progress(true));
  return collectFacts(w, task, arrivals.created, executed, now, samples);
}

/** The shard's facts at its end. */
function collectFacts(w: ShardWorld, task: ShardTask, created: number, events: number, end: number, samples: Samples): ShardFacts {
  const { flow, stock, scenario } = w;
  const inFlight = flow.inFlight();
  const where = task.shards > 1 ? `shard ${task.shard} item ` : '';
  return {
    shard: task.shard,
    end,
    created,
    events,
    channels: CHANNEL_IDS.flatMap((c, i) => (scenario.arrivals.some((a) => a.channel === c) ? [w.metrics(i).toFacts(inFlight.get(i) ?? new Map())] : [])),
    customs: w.desk.summary(scenario.start, end),
    hourlyQueue: samples.hourlyQueue,
    bonded: {
      dailyStock: samples.dailyStock,
      replenishments: stock.replenishments,
      shortages: stock.shortages,
      itemRecords: samples.bondedItems.length,
      negativeStock: samples.bondedItems.flatMap((item) => {
        const onHand = stock.onHand[item]!;
        const available = stock.available(item);
        return onHand < 0 || available < 0 ? [`${where}${item + 1}: on hand ${onHand}, available ${available}`] : [];
      }),
      orphanedReservations: flow.orphanedReservations,
    },
    summaries: w.summaries.facts(w.calendar),
    violations: {
      receiptOrderViolations: flow.receiptOrderViolations,
      unmatchedReleases: flow.unmatchedReleases,
      quotaOverruns: w.quota.overruns,
      transitionErrorExamples: [...flow.transitionErrorExamples],
    },
  };
}

/** Credits the opening stock of every item bonded import channels sell; returns their catalogue indexes. */
function stockBondedItems(w: ShardWorld): number[] {
  const items: number[] = [];
  w.scenario.catalogue.forEach((goods, index) => {
    const channels = goods.channels ?? CHANNEL_IDS;
    if (!channels.some((c) => CHANNEL_PROFILES[c].bonded && CHANNEL_PROFILES[c].ieFlag === 'I')) return;
    items.push(index);
    w.stock.credit(index, w.stocking.opening(String(index + 1)));
  });
  return items;
}
