// One figure of the bench, in its own process so that its peak RSS is its own:
//   node bench/figure.mjs replay <orders> <minSeconds>
//   node bench/figure.mjs e2e <lean|compiled|xstate> <orders> <off|on> [workers]
//   node bench/figure.mjs memory <orders> <days>
//   node bench/figure.mjs peak <orders> [workers]
//   node bench/figure.mjs determinism <orders>
// Prints one JSON line at the end: the figure's measurements, `maxRssKiB` and `cpuSeconds` (the
// CPU time of the whole process, worker threads included, from start to end).
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { handRunner } from './hand-reducer.mjs';
import { hasShards, lib, runnerNamed, runners } from './library.mjs';
import { compareRunners, record, timeReplays } from './replay.mjs';
import { exampleScenario, mixedScenario, peakDayScenario } from './scenarios.mjs';

/** Orders of the warm-up run before a timed end-to-end run. */
const WARM_UP_ORDERS = 1_000;

/**
 * Records a simulation's event sequences, checks the hand reducer (and the compiled runner)
 * against the machine on them, then times the replays: 9610-import on all three, every channel
 * on the package's two runners.
 */
async function replay(orders, minSeconds) {
  const recorded = await record(exampleScenario(), orders);
  const imports = recorded.filter((r) => r.channel === '9610-import');
  const hand = compareRunners(handRunner, lib.xstateRunner, imports);
  if (!hand.agrees) throw new Error(`the hand reducer disagrees with the machine on ${hand.disagreeing} of ${hand.steps} steps and final states:\n  ${hand.disagreements.join('\n  ')}`);
  const compiled = compareRunners(runners.compiled, lib.xstateRunner, recorded);
  const lean = compareRunners(runners.lean, lib.xstateRunner, recorded);
  // The hand reducer and the table runners take turns (their ratio has a bar); xstate's passes
  // are far longer and are timed on their own. The lean runner here drives orders from their
  // documents (reading facts from the objects, giving back effect objects), as a single order
  // does; in a run it steps rows of numbers and builds no objects.
  return {
    checks: { hand, compiled, lean },
    '9610-import': {
      ...timeReplays({ hand: handRunner, compiled: runners.compiled, lean: runners.lean }, imports, minSeconds),
      ...timeReplays({ xstate: lib.xstateRunner }, imports, minSeconds),
    },
    'all channels': {
      ...timeReplays({ compiled: runners.compiled, lean: runners.lean }, recorded, minSeconds),
      ...timeReplays({ xstate: lib.xstateRunner }, recorded, minSeconds),
    },
  };
}

/**
 * Runs `scenario` for its orders on `runner` with `workers` threads (its shards spread over them),
 * optionally logging to the file `logTo`; returns the report and the seconds it took.
 */
async function timedRun(scenario, { runner, workers = 1, logTo }) {
  const log = logTo === undefined ? undefined : lib.createNdjsonLog(createWriteStream(logTo));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const options = { runner, orders: scenario.maxOrders, ...(workers > 1 && { workers }) };
  const report = await lib.createSimulation(scenario, options).run(log === undefined ? {} : { log });
  if (log !== undefined) await log.close();
  const cpu = process.cpuUsage(c0);
  return { report, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** What every end-to-end figure reports of its run. */
function runFacts({ report, seconds, cpuSeconds }) {
  return {
    orders: report.totals.orders,
    listsDeclared: report.channels.reduce((n, c) => n + c.listsDeclared, 0),
    events: report.totals.events,
    inFlight: report.totals.inFlight,
    seconds,
    runCpuSeconds: cpuSeconds,
    reconciled: report.reconciliation.ok,
    transitionErrors: report.channels.reduce((n, c) => n + c.transitionErrors, 0),
  };
}

/**
 * Times `build(orders)` after a small warm-up run of the same kind, so the timed run is not charged
 * for compiling the hot paths (worker threads are new isolates and compile their own). With
 * `logging` 'on' the transition log goes to a temporary file, removed afterwards.
 */
async function measure(build, orders, { runner, workers, logging }) {
  const shards = workers > 1 ? { shards: workers } : {};
  await timedRun(build(WARM_UP_ORDERS, shards).scenario, { runner, workers });
  const { scenario } = build(orders, shards);
  if (logging !== 'on') return runFacts(await timedRun(scenario, { runner, workers }));
  const dir = mkdtempSync(join(tmpdir(), 'cbec-bench-'));
  try {
    const logTo = join(dir, 'orders.ndjson');
    const facts = runFacts(await timedRun(scenario, { runner, workers, logTo }));
    return { ...facts, logBytes: statSync(logTo).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The output of one run of `scenario` with `options`, as a hash: the report's JSON and the whole
 * transition log (NDJSON), hashed as they are produced.
 */
async function outputHash(scenario, options) {
  const hash = createHash('sha256');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      hash.update(chunk);
      done();
    },
  });
  const log = lib.createNdjsonLog(sink);
  const report = await lib.createSimulation(scenario, { runner: runners.lean, orders: scenario.maxOrders, ...options }).run({ log });
  await log.close();
  return hash.update(lib.reportToJson(report)).digest('hex').slice(0, 16);
}

/** Output hashes of runs of `scenario`, one per entry of `optionsList`, one after another. */
async function hashes(scenario, optionsList) {
  const out = [];
  for (const options of optionsList) out.push(await outputHash(scenario, options));
  return out;
}

/**
 * The same scenario and seed twice: the same report and log. And, where the package can shard a
 * run, the same report and log from one worker thread and from two, with the scenario in two shards.
 */
async function determinism(orders) {
  const [first, second] = await hashes(mixedScenario(orders).scenario, [{}, {}]);
  const twoRuns = { orders, hashes: [first, second], identical: first === second };
  if (!hasShards) return { twoRuns, workers: { available: false, reason: "the package's scenario schema has no `shards` field" } };
  const [one, two] = await hashes(mixedScenario(orders, { shards: 2 }).scenario, [{ workers: 1 }, { workers: 2 }]);
  return { twoRuns, workers: { available: true, orders, shards: 2, hashes: [one, two], identical: one === two } };
}

/**
 * A run of `days` days of mixed orders (one thread, log off), held to the end of the drain so
 * every import order's 30-day return window passes: its peak RSS is reached with the most orders
 * waiting to close. No warm-up run: memory, not speed, is measured.
 */
async function memory(orders, days) {
  const { scenario } = mixedScenario(orders, { horizonDays: days, drainDays: 40 });
  return runFacts(await timedRun(scenario, { runner: runners.lean }));
}

const FIGURES = {
  replay: (orders, minSeconds) => replay(Number(orders), Number(minSeconds)),
  e2e: (runner, orders, logging, workers = 1) => measure(mixedScenario, Number(orders), { runner: runnerNamed(runner), workers: Number(workers), logging }),
  memory: (orders, days) => memory(Number(orders), Number(days)),
  peak: (orders, workers = 1) => measure(peakDayScenario, Number(orders), { runner: runners.lean, workers: Number(workers) }),
  determinism: (orders) => determinism(Number(orders)),
};

const [name, ...args] = process.argv.slice(2);
const figure = FIGURES[name];
if (figure === undefined) throw new Error(`no figure '${name}'; use one of ${Object.keys(FIGURES).join(', ')}`);
try {
  const result = await figure(...args);
  // resourceUsage().maxRSS is the process's peak resident set, in KiB; cpuUsage() counts every thread.
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ figure: name, ...result, maxRssKiB: process.resourceUsage().maxRSS, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
} catch (error) {
  // The message first: the bench shows the head of a failed figure's stderr.
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
}
