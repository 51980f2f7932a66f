// npm run bench: measures the simulator on this machine.
//   node bench/run.mjs [--quick] [--full] [--record]
// Every figure runs in its own child process (bench/figure.mjs) so that its peak RSS is its own,
// and is printed with its baseline from the same bench run and its bar. Each figure gives its
// wall-clock time and the CPU time of its process (worker threads included): on a machine others
// are using, the wall clock is stretched by their work, and the CPU time (and the ratios between
// figures of the same run) say more.
// --quick: small counts, a smoke check of a minute or two. The large figures are sized to the lean
// runner's measured speed: one that would take longer than its budget (120 s, 10 s with --quick)
// runs fewer orders, is scaled linearly, and says so. --full: every count as given however long it
// takes: one million orders, ten million orders over 30 days for memory, the 20,000,000-list peak day.
// Results go to bench/results.local.json (not tracked); --record writes bench/results.json, the
// tracked baseline, instead.
// CBEC_SIM_DIST=<path to index.js> measures another build than dist/.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hasLeanRunner, hasShards, packagePath } from './library.mjs';
import { mixedScenario, peakDayScenario } from './scenarios.mjs';

const PEAK_LISTS = 20_000_000;
/** Worker threads (and shards) of the threaded runs: the machine's two cores. */
const WORKERS = 2;
const MILLION = 1_000_000;
const TEN_MILLION = 10_000_000;
const GiB_MiB = 1024;
/** Days of arrivals of the memory runs: their orders wait out 30-day return windows. */
const MEMORY_DAYS = 30;

/**
 * Orders per figure. `baseline`: the count the xstate and compiled runners run end to end, and
 * the lean runner beside them; `memory`: the two counts of the 30-day runs whose peak RSS is
 * compared; `budgetSeconds`: the wall time a large figure may take at the measured speed.
 */
const PROFILES = {
  quick: { record: 2_000, minSeconds: 0.5, baseline: 2_000, e2e: 20_000, memory: [20_000, 60_000], peak: 20_000, determinism: 2_000, budgetSeconds: 10 },
  default: { record: 4_000, minSeconds: 1.5, baseline: 20_000, e2e: MILLION, memory: [500_000, 2 * MILLION], peak: MILLION, determinism: 10_000, budgetSeconds: 120 },
};

const flags = new Set(process.argv.slice(2));
const unknown = [...flags].filter((f) => f !== '--quick' && f !== '--full' && f !== '--record');
if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}; use --quick, --full and/or --record`);
const full = flags.has('--full');
const mode = flags.has('--quick') ? 'quick' : 'default';
const counts = { ...PROFILES[mode], ...(full && { e2e: MILLION, memory: [MILLION, TEN_MILLION], peak: PEAK_LISTS }) };

// ---- running figures -------------------------------------------------------------------------

const FIGURE_SCRIPT = fileURLToPath(new URL('./figure.mjs', import.meta.url));
// A child may use most of the machine's memory: the bench measures memory, it should not fail on V8's default heap cap.
const HEAP_MiB = Math.floor((totalmem() / 2 ** 20) * 0.75);
const failures = [];

/** Runs `node bench/figure.mjs ...args` and returns its JSON line, or undefined when it failed. */
function runFigure(label, args) {
  process.stdout.write(`  ${label} ... `);
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MiB}`, FIGURE_SCRIPT, ...args.map(String)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: process.env });
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status === 0 && last.startsWith('{')) {
    console.log(`${took} s (load average ${loadavg()[0].toFixed(1)})`);
    return JSON.parse(last);
  }
  // The head of stderr holds the figure's error message, or V8's out-of-memory report.
  const why = (child.stderr || child.error?.message || `exit ${child.status ?? child.signal}`).trim().split('\n').slice(0, 10).join('\n    ');
  console.log(`FAILED after ${took} s\n    ${why}`);
  failures.push(label);
  return undefined;
}

// ---- arithmetic ------------------------------------------------------------------------------

const MiB = (kib) => kib / 1024;
const perSecond = (f) => f.orders / f.seconds;
const perCpuSecond = (f) => f.orders / f.runCpuSeconds;
const round = (x, digits = 3) => Number(x.toFixed(digits));
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** `n` rounded down to two significant digits (93,456 -> 93,000). */
function roundDown(n) {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.max(1, Math.floor(n / unit)) * unit;
}

/** The large counts, cut to what the lean runner simulates in the budget at the speed `probe` measured (not with --full). Prints what it cut. */
function sizedToSpeed(nominal, probe) {
  if (full || probe === undefined) return nominal;
  const affordable = roundDown(perSecond(probe) * nominal.budgetSeconds);
  const cut = (n) => Math.min(n, affordable);
  const sized = { ...nominal, e2e: cut(nominal.e2e), memory: nominal.memory.map(cut), peak: cut(nominal.peak) };
  if (sized.memory[0] === sized.memory[1]) sized.memory = [roundDown(sized.memory[1] / 4), sized.memory[1]];
  if (sized.e2e !== nominal.e2e || sized.peak !== nominal.peak || sized.memory[1] !== nominal.memory[1]) {
    console.log(`  at the measured ${fmt(perSecond(probe))} orders/s (wall), ${fmt(nominal.e2e)} orders would take about ${fmt(nominal.e2e / perSecond(probe))} s a run:`);
    console.log(`  end to end ${fmt(sized.e2e)} orders, memory ${sized.memory.map(fmt).join(' and ')}, peak day ${fmt(sized.peak)}, scaled linearly where a bar needs more (--full runs them as given)`);
  }
  return sized;
}

// ---- the figures -----------------------------------------------------------------------------

const started = performance.now();
const startLoad = loadavg()[0];
console.log(`cbec-sim bench, ${mode}${full ? ', --full' : ''}, ${process.version}, ${cpus().length} CPUs, load average ${startLoad.toFixed(1)} at the start, package ${packagePath}${hasLeanRunner ? '' : ' [no lean runner: the compiled runner stands in for it]'}`);
console.log(`  replay: ${fmt(counts.record)} orders of examples/scenarios/guangzhou-three-channels.json as it is, recorded through the xstate runner`);
console.log(`  end to end: ${mixedScenario(counts.baseline).change} (the other end-to-end runs: the same change scaled to their count)`);
console.log('');

const replay = runFigure(`replay of ${fmt(counts.record)} recorded orders`, ['replay', counts.record, counts.minSeconds]);
const xstateE2e = runFigure(`end to end, xstate runner, ${fmt(counts.baseline)} orders`, ['e2e', 'xstate', counts.baseline, 'off']);
const compiledE2e = runFigure(`end to end, compiled runner, ${fmt(counts.baseline)} orders`, ['e2e', 'compiled', counts.baseline, 'off']);
// The lean runner on the baselines' count: the same-count comparison, and the speed the large figures are sized to.
const sameCount = runFigure(`end to end, lean runner, ${fmt(counts.baseline)} orders`, ['e2e', 'lean', counts.baseline, 'off']);
const large = sizedToSpeed(counts, sameCount);
const logOff = runFigure(`end to end, lean, ${fmt(large.e2e)} orders, one thread, log off`, ['e2e', 'lean', large.e2e, 'off']);
const logOn = runFigure(`end to end, lean, ${fmt(large.e2e)} orders, one thread, log on`, ['e2e', 'lean', large.e2e, 'on']);
const threaded = hasShards ? `, ${WORKERS} shards on ${WORKERS} workers` : '';
const onWorkers = hasShards ? runFigure(`end to end, lean, ${fmt(large.e2e)} orders${threaded}, log off`, ['e2e', 'lean', large.e2e, 'off', WORKERS]) : undefined;
const memory = large.memory.map((n) => runFigure(`memory, lean, ${fmt(n)} orders over ${MEMORY_DAYS} days and their return windows`, ['memory', n, MEMORY_DAYS]));
console.log(`  peak-day scenario: ${peakDayScenario(large.peak).change}`);
const peak = runFigure(`peak day, lean, ${fmt(large.peak)} lists${threaded}`, ['peak', large.peak, hasShards ? WORKERS : 1]);
const determinism = runFigure(`determinism, ${fmt(counts.determinism)} orders`, ['determinism', counts.determinism]);

// ---- rows of the table -----------------------------------------------------------------------

const rows = [];
const ratios = {};
const targets = {};

/** Records a bar under `key`: its measured value and whether it is met; returns the row's [text, met]. */
function bar(key, text, value, met) {
  targets[key] = { bar: text, value: round(value), met };
  return [text, met];
}

/** Records a ratio under `key` and returns its text for the table. */
function ratio(key, value, digits = 2, label = key) {
  ratios[key] = round(value, 2);
  return `${label} ${value.toFixed(digits)}x`;
}

/** Adds a row for the figure `f`; `describe(f)` gives its ratio text and bars. A failed figure gets a failed row. */
function addRow(name, f, describe = () => ({})) {
  if (f === undefined) {
    rows.push({ name, ratio: '', bars: [['figure failed', false]], failed: true });
    return;
  }
  const { ratio: text = '', bars = [] } = describe(f);
  rows.push({ name, orders: f.orders, seconds: f.seconds, cpuSeconds: f.runCpuSeconds, ordersPerSecond: perSecond(f), rssMiB: MiB(f.maxRssKiB), ratio: text, bars });
}

/** Seconds for a million orders at `f`'s wall-clock speed (scaled linearly when it ran another count). */
const perMillion = (f) => (f.seconds / f.orders) * MILLION;

if (replay === undefined) addRow('replay', undefined);
else {
  // The replay figures share one process, so they share its peak RSS.
  const [imports, all] = [replay['9610-import'], replay['all channels']].map((set) => Object.fromEntries(Object.entries(set).map(([k, f]) => [k, { ...f, maxRssKiB: replay.maxRssKiB, runCpuSeconds: f.seconds }])));
  addRow('replay 9610-import: hand reducer', imports.hand, () => ({ ratio: 'baseline' }));
  addRow('replay 9610-import: compiled', imports.compiled, (f) => {
    const handOverCompiled = f.seconds / imports.hand.seconds;
    return {
      ratio: `${ratio('hand/compiled', handOverCompiled)}, ${ratio('compiled/xstate, 9610-import', imports.xstate.seconds / f.seconds, 1)}`,
      bars: [bar('compiled within 3x of the hand reducer', 'within 3x of hand', handOverCompiled, handOverCompiled <= 3)],
    };
  });
  addRow('replay 9610-import: lean, from documents', imports.lean, (f) => ({ ratio: `${ratio('hand/lean', f.seconds / imports.hand.seconds)}, ${ratio('lean/xstate, 9610-import', imports.xstate.seconds / f.seconds, 1)}` }));
  addRow('replay 9610-import: xstate', imports.xstate, () => ({ ratio: 'baseline' }));
  addRow('replay all channels: compiled', all.compiled, (f) => ({ ratio: ratio('compiled/xstate, all channels', all.xstate.seconds / f.seconds, 1) }));
  addRow('replay all channels: lean, from documents', all.lean, (f) => ({ ratio: ratio('lean/xstate, all channels', all.xstate.seconds / f.seconds, 1) }));
  addRow('replay all channels: xstate', all.xstate, () => ({ ratio: 'baseline' }));
}

addRow('end to end, xstate runner', xstateE2e, () => ({ ratio: 'baseline' }));
addRow('end to end, compiled runner', compiledE2e, () => ({ ratio: 'baseline' }));
addRow('end to end, lean, same count', sameCount, (f) => {
  if (xstateE2e === undefined || compiledE2e === undefined) return {};
  const speedup = perSecond(f) / perSecond(xstateE2e);
  return {
    ratio: `${ratio('lean/xstate, same count', speedup, 1)}, ${ratio('lean/compiled, same count', perSecond(f) / perSecond(compiledE2e), 1)} per order`,
    bars: [bar('xstate runner at least 20x slower than the default', 'xstate >= 20x slower', speedup, speedup >= 20)],
  };
});
addRow('end to end, lean, one thread, log off', logOff, (f) => {
  const speed = perSecond(f);
  const cpu = perCpuSecond(f);
  return {
    ratio: `${fmt(cpu)} orders per CPU second`,
    bars: [bar('one thread at least 50,000 orders/s', `>= 50k orders/s (wall ${fmt(speed)}, CPU ${fmt(cpu)})`, speed, speed >= 50_000)],
  };
});
addRow('end to end, lean, one thread, log on', logOn, (f) => {
  if (logOff === undefined) return {};
  const onOverOff = f.seconds / logOff.seconds;
  return {
    ratio: `${ratio('log on/off', onOverOff)} wall, ${ratio('log on/off, CPU', f.runCpuSeconds / logOff.runCpuSeconds, 2, 'CPU')}; ${fmt(f.logBytes / 2 ** 20)} MiB of NDJSON`,
    bars: [bar('log on at most 2x log off', '<= 2x log off', onOverOff, onOverOff <= 2)],
  };
});
if (hasShards) {
  addRow(`end to end, lean, ${WORKERS} workers, log off`, onWorkers, (f) => {
    const seconds = perMillion(f);
    return {
      ratio: logOff === undefined ? '' : ratio(`1 thread/${WORKERS} workers`, logOff.seconds / f.seconds),
      bars: [bar(`1,000,000 orders in at most 10 s, ${WORKERS} workers`, `1M in <= 10 s${f.orders === MILLION ? '' : ` (scaled: ${seconds.toFixed(1)} s)`}`, seconds, seconds <= 10)],
    };
  });
}

// Memory: the peak RSS of the two 30-day runs, and the line through them.
const [smaller, larger] = memory;
addRow(`memory, ${MEMORY_DAYS} days, the smaller run`, smaller, () => ({ ratio: 'baseline' }));
addRow(`memory, ${MEMORY_DAYS} days, the larger run`, larger, (f) => {
  if (smaller === undefined) return {};
  const bytesPerOrder = ((MiB(f.maxRssKiB) - MiB(smaller.maxRssKiB)) * 2 ** 20) / (f.orders - smaller.orders);
  const at10M = f.orders >= TEN_MILLION ? MiB(f.maxRssKiB) : MiB(f.maxRssKiB) + (bytesPerOrder * (TEN_MILLION - f.orders)) / 2 ** 20;
  ratios['bytes per order in flight'] = Math.round(bytesPerOrder);
  return {
    ratio: `${fmt(bytesPerOrder)} bytes per order more (${fmt(f.inFlight)} still in flight at the end)`,
    bars: [
      bar('10,000,000 orders over 30 days in at most 1 GiB', `10M in <= 1 GiB${f.orders >= TEN_MILLION ? '' : ` (extrapolated: ${fmt(at10M)} MiB)`}`, at10M, at10M <= GiB_MiB),
      bar('at most 100 bytes per parked order', '<= 100 bytes per order', bytesPerOrder, bytesPerOrder <= 100),
    ],
  };
});

const simulatedPeak = large.peak >= PEAK_LISTS;
addRow(`peak day${threaded ? `, ${WORKERS} workers` : ''}`, peak, (f) => {
  const for20M = (f.seconds / f.listsDeclared) * PEAK_LISTS;
  const cpu20M = (f.runCpuSeconds / f.listsDeclared) * PEAK_LISTS;
  const text = simulatedPeak ? '20M in <= 240 s' : `20M in <= 240 s (extrapolated: ${fmt(for20M)} s)`;
  return { ratio: `${fmt(f.listsDeclared)} lists${simulatedPeak ? '' : `; 20M extrapolated ${fmt(for20M)} s wall, ${fmt(cpu20M)} CPU s`}`, bars: [bar('20,000,000-list peak day in at most 4 minutes', text, for20M, for20M <= 240)] };
});

// ---- printing --------------------------------------------------------------------------------

/** Columns: title, whether numbers (right-aligned), and the cell of a row. */
const COLUMNS = [
  ['figure', false, (r) => r.name],
  ['orders', true, (r) => (r.orders === undefined ? '-' : fmt(r.orders))],
  ['wall s', true, (r) => (r.seconds === undefined ? '-' : r.seconds < 0.1 ? r.seconds.toFixed(4) : r.seconds.toFixed(2))],
  ['CPU s', true, (r) => (r.cpuSeconds === undefined ? '-' : r.cpuSeconds < 0.1 ? r.cpuSeconds.toFixed(4) : r.cpuSeconds.toFixed(2))],
  ['orders/s', true, (r) => (r.ordersPerSecond === undefined ? '-' : fmt(r.ordersPerSecond))],
  ['RSS MiB', true, (r) => (r.rssMiB === undefined ? '-' : fmt(r.rssMiB))],
  ['vs baseline', false, (r) => r.ratio],
  ['bar', false, (r) => r.bars.map(([text, met]) => `${text}: ${met ? 'met' : 'NOT MET'}`).join('; ')],
];

function printTable() {
  const cells = [COLUMNS.map(([title]) => title), ...rows.map((r) => COLUMNS.map(([, , cell]) => cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  for (const line of cells) console.log(line.map((c, i) => (COLUMNS[i][1] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd());
}

console.log('');
printTable();
console.log('  orders/s: wall clock. CPU s: the run\'s CPU time, every thread of its process (on a busy machine the wall clock also counts others\' work).');
console.log('  replay rows: median pass over the recorded events, all in one process (its peak RSS includes the recording); wall and CPU alike.');

if (replay !== undefined) {
  const { hand, compiled, lean } = replay.checks;
  console.log(`hand reducer agrees with the machine on ${fmt(hand.orders)} orders (${fmt(hand.steps)} events: acceptance, effects and final state)`);
  for (const [name, check] of [['compiled runner', compiled], ['lean runner', lean]]) {
    if (check.agrees) console.log(`${name} agrees with the machine on ${fmt(check.orders)} orders of all channels (${fmt(check.steps)} events)`);
    else {
      console.log(`${name} DISAGREES with the machine on ${check.disagreeing} of ${fmt(check.steps)} events or final states:\n  ${check.disagreements.join('\n  ')}`);
      failures.push(`${name} agreement`);
    }
  }
}

let determinismVerdict;
if (determinism !== undefined) {
  const { twoRuns, workers } = determinism;
  console.log(`determinism: same seed, two runs of ${fmt(twoRuns.orders)} orders: ${twoRuns.identical ? 'identical' : 'DIFFERENT'} hash of report and log (${twoRuns.hashes.join(', ')})`);
  if (workers.available) console.log(`determinism: ${workers.shards} shards, 1 vs 2 workers: ${workers.identical ? 'identical' : 'DIFFERENT'} hash of report and log (${workers.hashes.join(', ')})`);
  else console.log(`determinism: 1 vs 2 workers not measured: ${workers.reason}`);
  const met = twoRuns.identical && (!workers.available || workers.identical);
  determinismVerdict = { bar: 'identical output hash across two runs and across 1 vs 2 worker threads', met, workersMeasured: workers.available };
  console.log(`  bar (${determinismVerdict.bar}): ${met ? (workers.available ? 'met' : 'met for two runs; workers not measured') : 'NOT MET'}`);
}

const seconds = (performance.now() - started) / 1000;
const target = flags.has('--record') ? 'results.json' : 'results.local.json';
console.log(`\nbench took ${fmt(seconds)} s, load average ${startLoad.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end on ${cpus().length} CPUs; results in bench/${target}`);

// ---- results (keys in a fixed order, so two files diff line by line) -------------------------

const figures = {};
for (const r of rows) {
  figures[r.name] = r.failed ? { failed: true } : { orders: r.orders, seconds: round(r.seconds, 4), cpuSeconds: round(r.cpuSeconds, 4), ordersPerSecond: Math.round(r.ordersPerSecond), peakRssMiB: Math.round(r.rssMiB) };
}
const results = {
  node: process.version,
  package: packagePath,
  cpus: cpus().length,
  loadAverage: { start: round(startLoad, 1), end: round(loadavg()[0], 1) },
  mode,
  full,
  counts: large,
  figures,
  ratios,
  targets,
  checks: replay === undefined ? null : { handAgrees: replay.checks.hand.agrees, compiledAgrees: replay.checks.compiled.agrees, leanAgrees: replay.checks.lean.agrees, orders: replay.checks.hand.orders },
  determinism: determinism === undefined ? null : { twoRuns: determinism.twoRuns, workers: determinism.workers, verdict: determinismVerdict },
  failures,
};
writeFileSync(fileURLToPath(new URL(`./${target}`, import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
if (failures.length > 0) {
  console.error(`\nFAILED: ${failures.join('; ')}`);
  process.exitCode = 1;
}
