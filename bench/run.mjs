// npm run bench: measures the simulator on this machine and writes bench/results.json.
//   node bench/run.mjs [--quick] [--full]
// Every figure runs in its own child process (bench/figure.mjs) so that its peak RSS is its own,
// and is printed with its baseline from the same bench run and the bar of DESIGN.md section 7.
// --quick: small counts, a smoke check of about a minute. The large figures are sized to the
// compiled runner's measured speed: one that would take longer than its budget (60 s, 8 s with
// --quick) runs fewer orders, is scaled linearly, and says so. --full: every count as given however
// long it takes, and the 20,000,000-list peak day simulated for real, not extrapolated.
// CBEC_SIM_DIST=<path to index.js> measures another build than dist/.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hasCompiledRunner, hasShards, packagePath } from './library.mjs';
import { mixedScenario, peakDayScenario } from './scenarios.mjs';

const PEAK_LISTS = 20_000_000;
/** Worker threads (and shards) of the threaded runs: the machine's two cores. */
const WORKERS = 2;
const MILLION = 1_000_000;
const TEN_MILLION = 10_000_000;

/**
 * Orders per figure. `memory` are the two end-to-end counts whose peak RSS is compared;
 * `budgetSeconds` is the time a large figure may take at the measured speed (without --full).
 */
const PROFILES = {
  quick: { record: 2_000, minSeconds: 0.5, xstate: 2_000, e2e: 20_000, memory: [5_000, 20_000], peak: 20_000, determinism: 2_000, budgetSeconds: 8 },
  default: { record: 4_000, minSeconds: 1.5, xstate: 20_000, e2e: MILLION, memory: [250_000, MILLION], peak: MILLION, determinism: 10_000, budgetSeconds: 60 },
};

const flags = new Set(process.argv.slice(2));
const unknown = [...flags].filter((f) => f !== '--quick' && f !== '--full');
if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}; use --quick and/or --full`);
// Without the compiled runner every figure runs on xstate actors (~600 orders/s): only the quick counts are practical.
const mode = flags.has('--quick') || !hasCompiledRunner ? 'quick' : 'default';
const counts = { ...PROFILES[mode], ...(flags.has('--full') && { peak: PEAK_LISTS }) };

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
    console.log(`${took} s`);
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
const round = (x, digits = 3) => Number(x.toFixed(digits));
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Peak RSS of `at` orders, on the line through two measured (orders, MiB) points. */
function extrapolateRss([a, b], at) {
  const slope = (b.rssMiB - a.rssMiB) / (b.orders - a.orders);
  return b.rssMiB + slope * (at - b.orders);
}

/** `n` rounded down to two significant digits (93,456 -> 93,000). */
function roundDown(n) {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.max(1, Math.floor(n / unit)) * unit;
}

/**
 * The large counts, cut to what the compiled runner simulates in the budget at the speed `probe`
 * measured (not with --full). Prints what it cut.
 */
function sizedToSpeed(nominal, probe) {
  if (flags.has('--full') || probe === undefined) return nominal;
  const affordable = roundDown(perSecond(probe) * nominal.budgetSeconds);
  if (affordable >= nominal.e2e && affordable >= nominal.peak) return nominal;
  const e2e = Math.min(nominal.e2e, affordable);
  const sized = { ...nominal, e2e, memory: e2e === nominal.e2e ? nominal.memory : [roundDown(e2e / 4), e2e], peak: Math.min(nominal.peak, affordable) };
  const speed = `${fmt(perSecond(probe))} orders/s`;
  console.log(`  at the measured ${speed}, ${fmt(nominal.e2e)} orders would take about ${fmt(nominal.e2e / perSecond(probe))} s a run:`);
  console.log(`  the end-to-end runs use ${fmt(sized.e2e)} orders (memory: ${sized.memory.map(fmt).join(' and ')}), the peak day ${fmt(sized.peak)}, scaled linearly where a bar needs more (--full runs them as given)`);
  return sized;
}

// ---- the figures -----------------------------------------------------------------------------

const started = performance.now();
const runnerNote = hasCompiledRunner ? '' : ' [compiledRunner is not exported by the package: xstateRunner stands in for it, at the --quick counts]';
console.log(`cbec-sim bench, ${mode}${flags.has('--full') ? ', --full' : ''}, ${process.version}, package ${packagePath}${runnerNote}`);
console.log(`  replay: ${fmt(counts.record)} orders of examples/scenarios/guangzhou-three-channels.json as it is, recorded through the xstate runner`);
console.log('');

const replay = runFigure(`replay of ${fmt(counts.record)} recorded orders`, ['replay', counts.record, counts.minSeconds]);
const xstateE2e = runFigure(`end to end, xstate runner, ${fmt(counts.xstate)} orders`, ['e2e', 'xstate', counts.xstate, 'off']);
// The compiled runner on the baseline's count: the same-count comparison, and the speed the large figures are sized to.
const sameCount = runFigure(`end to end, compiled runner, ${fmt(counts.xstate)} orders`, ['e2e', 'compiled', counts.xstate, 'off']);
const large = sizedToSpeed(counts, sameCount);
const scenarios = {
  'end to end': mixedScenario(large.e2e).change,
  'peak day': peakDayScenario(large.peak).change,
};
console.log(`  end-to-end scenario: ${scenarios['end to end']} (the other end-to-end runs: the same change scaled to their count)`);
console.log(`  peak-day scenario: ${scenarios['peak day']}`);
const logOff = runFigure(`end to end, compiled runner, ${fmt(large.e2e)} orders, log off`, ['e2e', 'compiled', large.e2e, 'off']);
const logOn = runFigure(`end to end, compiled runner, ${fmt(large.e2e)} orders, log on`, ['e2e', 'compiled', large.e2e, 'on']);
const smaller = runFigure(`end to end, compiled runner, ${fmt(large.memory[0])} orders, log off (memory)`, ['e2e', 'compiled', large.memory[0], 'off']);
// Where the package can shard a run, the threaded figures use both cores; the peak day runs that way.
const threaded = hasShards ? `, ${WORKERS} shards on ${WORKERS} workers` : '';
const onWorkers = hasShards ? runFigure(`end to end, compiled runner, ${fmt(large.e2e)} orders${threaded}, log off`, ['e2e', 'compiled', large.e2e, 'off', WORKERS]) : undefined;
const peak = runFigure(`peak day, compiled runner, ${fmt(large.peak)} orders${threaded}`, ['peak', large.peak, hasShards ? WORKERS : 1]);
const determinism = runFigure(`determinism, ${fmt(counts.determinism)} orders`, ['determinism', counts.determinism]);

// ---- rows of the table -----------------------------------------------------------------------

const rows = [];
const ratios = {};
const targets = {};

/** Records a bar of DESIGN.md 7 under `key`: its measured value and whether it is met; returns the row's [text, met]. */
function bar(key, text, value, met) {
  targets[key] = { bar: text, value: round(value), met };
  return [text, met];
}

/** Records a ratio under `key` and returns its text for the table (`label`, the key by default). */
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
  rows.push({ name, orders: f.orders, seconds: f.seconds, ordersPerSecond: perSecond(f), rssMiB: MiB(f.maxRssKiB), ratio: text, bars });
}

/** The 1M-orders-in-10-s bar for an end-to-end figure (scaled linearly when it ran another count). */
function millionBar(key, f) {
  const per1M = (f.seconds / f.orders) * MILLION;
  return bar(key, `1M in <= 10 s${f.orders === MILLION ? '' : ` (scaled: ${per1M.toFixed(1)} s)`}`, per1M, per1M <= 10);
}

if (replay === undefined) addRow('replay', undefined);
else {
  // The replay figures share one process, so they share its peak RSS.
  const [imports, all] = [replay['9610-import'], replay['all channels']].map((set) => Object.fromEntries(Object.entries(set).map(([k, f]) => [k, { ...f, maxRssKiB: replay.maxRssKiB }])));
  addRow('replay 9610-import: hand reducer', imports.hand, () => ({ ratio: 'baseline' }));
  addRow('replay 9610-import: compiled', imports.compiled, (f) => {
    const handOverCompiled = f.seconds / imports.hand.seconds;
    return {
      ratio: `${ratio('hand/compiled', handOverCompiled)}, ${ratio('compiled/xstate, 9610-import', imports.xstate.seconds / f.seconds, 1)}`,
      bars: [bar('compiled within 3x of the hand reducer', 'within 3x of hand', handOverCompiled, handOverCompiled <= 3)],
    };
  });
  addRow('replay 9610-import: xstate', imports.xstate, () => ({ ratio: 'baseline' }));
  addRow('replay all channels: compiled', all.compiled, (f) => ({ ratio: ratio('compiled/xstate, all channels', all.xstate.seconds / f.seconds, 1) }));
  addRow('replay all channels: xstate', all.xstate, () => ({ ratio: 'baseline' }));
}

addRow('end to end, xstate runner, log off', xstateE2e, () => ({ ratio: 'baseline' }));
addRow('end to end, compiled, same count', sameCount, (f) => ({ ratio: xstateE2e === undefined ? '' : `${ratio('compiled/xstate, same count', perSecond(f) / perSecond(xstateE2e), 1)} per order` }));
addRow('end to end, compiled, log off', logOff, (f) => {
  if (xstateE2e === undefined) return { bars: [millionBar('1,000,000 orders in at most 10 s', f)] };
  const speedup = perSecond(f) / perSecond(xstateE2e);
  return {
    ratio: `${ratio('compiled/xstate, end to end', speedup, 1)} per order`,
    bars: [millionBar('1,000,000 orders in at most 10 s', f), bar('end to end at least 10x the xstate runner', '>= 10x xstate', speedup, speedup >= 10)],
  };
});
addRow('end to end, compiled, log on', logOn, (f) => {
  if (logOff === undefined) return {};
  const onOverOff = f.seconds / logOff.seconds;
  return { ratio: ratio('log on/off', onOverOff), bars: [bar('log on at most 2x log off', '<= 2x log off', onOverOff, onOverOff <= 2)] };
});
if (hasShards) {
  addRow(`end to end, compiled, ${WORKERS} workers, log off`, onWorkers, (f) => ({
    ratio: logOff === undefined ? '' : ratio(`1 thread/${WORKERS} workers`, logOff.seconds / f.seconds),
    bars: [millionBar(`1,000,000 orders in at most 10 s, ${WORKERS} workers`, f)],
  }));
}

// Memory: the peak RSS of two end-to-end runs (this one and the log-off one above), and the line through them.
addRow('RSS vs orders (the smaller run)', smaller, (f) => {
  if (logOff === undefined) return {};
  const points = [f, logOff].map((g) => ({ orders: g.orders, rssMiB: MiB(g.maxRssKiB) }));
  const at10M = extrapolateRss(points, TEN_MILLION);
  return {
    ratio: ratio('peak RSS, larger/smaller run', points[1].rssMiB / points[0].rssMiB, 2, `RSS ${fmt(points[1].orders)}/${fmt(points[0].orders)} orders`),
    bars: [bar('10,000,000 orders in at most 1 GiB', `10M in <= 1 GiB (extrapolated: ${fmt(at10M)} MiB)`, at10M, at10M <= 1024)],
  };
});

const simulatedPeak = large.peak >= PEAK_LISTS;
addRow(`peak day${threaded ? `, ${WORKERS} workers` : ''}`, peak, (f) => {
  const for20M = (f.seconds / f.orders) * PEAK_LISTS;
  const text = simulatedPeak ? '20M in <= 240 s' : `20M in <= 240 s (extrapolated: ${fmt(for20M)} s)`;
  return { ratio: simulatedPeak ? '' : `scaled day; 20M extrapolated: ${fmt(for20M)} s`, bars: [bar('20,000,000-list peak day in at most 4 minutes', text, for20M, for20M <= 240)] };
});

// ---- printing --------------------------------------------------------------------------------

/** Columns: title, whether numbers (right-aligned), and the cell of a row. */
const COLUMNS = [
  ['figure', false, (r) => r.name],
  ['orders', true, (r) => (r.orders === undefined ? '-' : fmt(r.orders))],
  ['seconds', true, (r) => (r.seconds === undefined ? '-' : r.seconds < 0.1 ? r.seconds.toFixed(4) : r.seconds.toFixed(2))],
  ['orders/s', true, (r) => (r.ordersPerSecond === undefined ? '-' : fmt(r.ordersPerSecond))],
  ['RSS MiB', true, (r) => (r.rssMiB === undefined ? '-' : fmt(r.rssMiB))],
  ['vs baseline', false, (r) => r.ratio],
  ['bar (DESIGN.md 7)', false, (r) => r.bars.map(([text, met]) => `${text}: ${met ? 'met' : 'NOT MET'}`).join('; ')],
];

function printTable() {
  const cells = [COLUMNS.map(([title]) => title), ...rows.map((r) => COLUMNS.map(([, , cell]) => cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  for (const line of cells) console.log(line.map((c, i) => (COLUMNS[i][1] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd());
}

console.log('');
printTable();
console.log('  replay rows: median pass over the recorded events, all in one process (its peak RSS includes the recording);');
console.log('  guards run the same work in each (the three-document match and decimal quota sums of the package).');
if (xstateE2e !== undefined) console.log(`  end-to-end baseline: the xstate runner on ${fmt(xstateE2e.orders)} orders, compared per order.`);

if (replay !== undefined) {
  const { hand, compiled } = replay.checks;
  console.log(`hand reducer agrees with the machine on ${fmt(hand.orders)} orders (${fmt(hand.steps)} events: acceptance, effects and final state)`);
  const name = hasCompiledRunner ? 'compiled runner' : 'compiled runner (xstate standing in)';
  if (compiled.agrees) console.log(`${name} agrees with the machine on ${fmt(compiled.orders)} orders of all channels (${fmt(compiled.steps)} events)`);
  else {
    console.log(`${name} DISAGREES with the machine on ${compiled.disagreeing} of ${fmt(compiled.steps)} events or final states:\n  ${compiled.disagreements.join('\n  ')}`);
    failures.push('compiled runner agreement');
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
console.log(`\nbench took ${seconds.toFixed(0)} s; results in bench/results.json`);

// ---- results.json (keys in a fixed order, so two files diff line by line) -----------------

const figures = {};
for (const r of rows) {
  figures[r.name] = r.failed
    ? { failed: true }
    : { orders: r.orders, seconds: round(r.seconds, 4), ordersPerSecond: Math.round(r.ordersPerSecond), peakRssMiB: Math.round(r.rssMiB) };
}
const results = {
  node: process.version,
  package: packagePath,
  compiledRunner: hasCompiledRunner,
  workers: hasShards,
  mode,
  fullPeakDay: flags.has('--full'),
  counts: large,
  scenarios,
  figures,
  ratios,
  targets,
  checks: replay === undefined ? null : { handAgrees: replay.checks.hand.agrees, compiledAgrees: replay.checks.compiled.agrees, orders: replay.checks.hand.orders },
  determinism: determinism === undefined ? null : { twoRuns: determinism.twoRuns, workers: determinism.workers, verdict: determinismVerdict },
  failures,
};
writeFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
if (failures.length > 0) {
  console.error(`\nFAILED: ${failures.join('; ')}`);
  process.exitCode = 1;
}
