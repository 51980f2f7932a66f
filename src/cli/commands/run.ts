import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { ScenarioError, type ValidationIssue } from '../../domain/errors.js';
import { createNdjsonLog, type TransitionLog } from '../../sim/log.js';
import { reportToCsv, reportToJson, reportToMarkdown } from '../../sim/report/render.js';
import { reportToHtml } from '../../sim/report/html/report-to-html.js';
import { chartLibraries } from '../../sim/report/html/render-chart.js';
import { parseScenario, scenarioJson } from '../../sim/scenario/load.js';
import { scenarioDir } from '../../sim/scenario/reference.js';
import { SCENARIO_LIMITS } from '../../sim/scenario/ranges.js';
import { RUNNERS, type RunnerName } from '../../sim/runner/registry.js';
import { ShardError } from '../../sim/shard/errors.js';
import { MAX_SHARDS, shardCountIssues, workerCountIssues } from '../../sim/shard/plan.js';
import { createSimulation, type Simulation } from '../../sim/simulation.js';
import type { Report } from '../../sim/report/types.js';
import { OutputError, systemReason, UsageError } from '../errors.js';
import { exampleScenario } from '../examples.js';
import { EXIT } from '../exit-codes.js';
import { outDirProblem } from '../output/out-dir.js';
import { StagedOutputs } from '../output/staged-outputs.js';
import { progressDisplay } from '../progress.js';
import { interruptedExit } from '../signals.js';
import { printable } from '../terminal.js';
import type { Command, CommandIo } from './command.js';
import { badArgument, fileArgument, usageLine } from './file-argument.js';
import { inputBytes } from './input-file.js';

/** Each report format and its renderer (HTML draws charts, so it is asynchronous). */
const FORMATS: Record<'md' | 'json' | 'csv' | 'html', (report: Report) => string | Promise<string>> = { md: reportToMarkdown, json: reportToJson, csv: reportToCsv, html: reportToHtml };
type Format = keyof typeof FORMATS;

const HELP = `Usage: cbec-sim run <scenario.json> [options]
       cbec-sim run --example NAME [options]

Simulates every order the scenario's arrivals create, through its channel's state machine, and
reports orders by final state, clearance and lead times, taxes, customs queue, bonded stock,
export summary declarations and a reconciliation that proves every order is accounted for.

Options:
  --example NAME    run a scenario the package ships, by name (see 'cbec-sim examples'), e.g.
                    peak-day-11-11 or just peak-day
  --seed N          seed of the run, any safe integer (default: the scenario's); same scenario and
                    seed, same bytes
  --orders N        stop creating orders after N (1 to ${SCENARIO_LIMITS.maxOrders.toLocaleString('en-US')})
  --out DIR         write report.<format> (and orders.ndjson with --log) to DIR instead of printing;
                    the files appear only when the run succeeds, all at once, replacing the previous
                    run's outputs; one run at a time writes into DIR (DIR/.cbec-sim.lock names it)
  --format LIST     comma-separated: md, json, csv, html (default md); html is one offline file
                    with charts, best written with --out (needs the optional vega and vega-lite)
  --log             write every transition as NDJSON to DIR/orders.ndjson (needs --out)
  --shards N        split the run into N independent shards, 1 to ${MAX_SHARDS} (default: the scenario's,
                    1 unless it says): each has its own buyers, bonded warehouse, customs lane with
                    1/N of the capacity, and 1/N of every arrival stream; the report depends on N
  --workers N       simulate the shards on N worker threads, 1 to the number of shards (default 1);
                    the report and the log are the same bytes whatever N
  --runner NAME     how machines are driven: ${Object.keys(RUNNERS).join(', ')} (default lean; compiled
                    and xstate build every order's documents, xstate is the slow reference); all
                    give the same report
  --debug           print the stack of an error
  -h, --help        this text

Progress goes to stderr by work done: a bar on a terminal, otherwise a line every 5 seconds.
Times are Shanghai time with the offset (+08:00).

Ctrl-C (SIGINT) or SIGTERM stops the run at its next chunk and writes the report of what was
simulated, marked partial; a second one stops at once, writing nothing.

Exit code: 0 when the reconciliation passes, 1 when it fails, 2 for a bad scenario or option,
74 when an output cannot be written, 75 when another run holds DIR, 130 or 143 when stopped by
SIGINT or SIGTERM, 70 for an internal error.
`;

const OPTIONS = {
  seed: { type: 'string' },
  orders: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string', default: 'md' },
  log: { type: 'boolean', default: false },
  shards: { type: 'string' },
  workers: { type: 'string' },
  runner: { type: 'string', default: 'lean' },
} as const;

/** The whole number `text` of option `--name`, within `min` to `max`. */
function integer(name: string, text: string | undefined, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) throw badArgument(HELP, `--${name}`, text, 'must be a whole number.');
  if (n < min || n > max) throw badArgument(HELP, `--${name}`, text, `must be from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`);
  return n;
}

/** Refuses `issues` with a library option, naming the flag that set it. */
function refuse(flag: string, issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new UsageError(issues.map((issue) => ({ ...issue, path: [`--${flag}`] })), usageLine(HELP));
}

function runnerName(text: string): RunnerName {
  if (Object.hasOwn(RUNNERS, text)) return text as RunnerName;
  throw badArgument(HELP, '--runner', text, `must be one of ${Object.keys(RUNNERS).join(', ')}.`);
}

function formats(text: string): Format[] {
  const list = text.split(',').map((f) => f.trim());
  const bad = list.filter((f) => !Object.hasOwn(FORMATS, f));
  if (bad.length > 0 || list.length === 0) throw badArgument(HELP, '--format', text, `must be a comma-separated list of ${Object.keys(FORMATS).join(', ')}.`);
  return [...new Set(list)] as Format[];
}

/** The arguments with `--example NAME` replaced by the path of that shipped scenario. */
function withExample(args: readonly string[]): readonly string[] {
  const at = args.findIndex((a) => a === '--example' || a.startsWith('--example='));
  if (at === -1) return args;
  const inline = args[at]!.startsWith('--example=') ? args[at]!.slice('--example='.length) : undefined;
  const name = inline ?? args[at + 1];
  if (name === undefined || name === '') throw badArgument(HELP, '--example', name, "needs a scenario's name; 'cbec-sim examples' lists them.");
  return [exampleScenario(name), ...args.slice(0, at), ...args.slice(at + (inline === undefined ? 2 : 1))];
}

/** Runs `simulation` showing its progress on stderr, stopping when `signal` aborts. */
async function simulate(simulation: Simulation, io: CommandIo, signal: AbortSignal | undefined, log?: TransitionLog, tempDir?: string): Promise<Report> {
  const progress = progressDisplay({ tty: process.stderr.isTTY && !process.env['CI'] ? process.stderr : undefined, line: io.err });
  try {
    return await simulation.run({ onProgress: progress.update, ...(signal ? { signal } : {}), ...(log ? { log } : {}), ...(tempDir ? { tempDir } : {}) });
  } finally {
    progress.stop();
  }
}

/** The transition log, written to the staging directory; a write error aborts the run through `controller`. */
function stagedLog(staged: StagedOutputs, controller: AbortController): { log: TransitionLog; failure: () => unknown } {
  const stream = createWriteStream(staged.staged('orders.ndjson'));
  let failure: unknown;
  stream.on('error', (e) => {
    failure ??= e;
    controller.abort('log');
  });
  return { log: createNdjsonLog(stream), failure: () => failure };
}

/** The outputs of a run into `out`: staged, then installed all at once when everything is written. */
async function runIntoDir(simulation: Simulation, out: string, wanted: readonly Format[], withLog: boolean, io: CommandIo): Promise<Report> {
  const staged = StagedOutputs.open(out, `cbec-sim run ${simulation.scenario.name}`);
  const names = [...wanted.map((f) => `report.${f}`), ...(withLog ? ['orders.ndjson'] : [])];
  try {
    staged.checkTargets(names);
    const controller = new AbortController();
    io.signal?.addEventListener('abort', () => controller.abort(io.signal?.reason), { once: true });
    const log = withLog ? stagedLog(staged, controller) : undefined;
    let report: Report;
    try {
      report = await simulate(simulation, io, controller.signal, log?.log, staged.stage);
      await log?.log.close();
    } catch (e) {
      if (log?.failure() !== undefined) throw new OutputError(staged.final('orders.ndjson'), systemReason(log.failure()), log.failure());
      if (e instanceof ShardError && /^E[A-Z]+$/.test(String((e.cause as { code?: unknown }).code))) throw new OutputError(out, systemReason(e.cause), e);
      throw e;
    }
    for (const format of wanted) {
      const name = `report.${format}`;
      await writeFile(staged.staged(name), await FORMATS[format](report)).catch((e: unknown) => {
        throw new OutputError(staged.final(name), systemReason(e), e);
      });
    }
    staged.commit(names);
    return report;
  } finally {
    staged.abandon();
  }
}

export const runCommand: Command = {
  name: 'run',
  summary: 'simulate a scenario and print (or write) its reconciled report',
  help: HELP,
  interruptible: true,
  async run(args, io) {
    const parsed = fileArgument(withExample(args), io, this.help, OPTIONS, 'scenario file');
    if ('exit' in parsed) return parsed.exit;
    const { file, values } = parsed;
    if (values.log && values.out === undefined) throw badArgument(HELP, '--log', true, 'needs --out DIR to write orders.ndjson into.');
    const wanted = formats(values.format);
    const seed = integer('seed', values.seed);
    const orders = integer('orders', values.orders, 1, SCENARIO_LIMITS.maxOrders);
    const shards = integer('shards', values.shards);
    const workers = integer('workers', values.workers) ?? 1;
    const runner = runnerName(values.runner);
    if (wanted.includes('html')) await chartLibraries(); // before simulating: say at once if the charts cannot be drawn
    const scenario = parseScenario(scenarioJson(inputBytes(file, HELP), (reason) => new ScenarioError([{ path: [file], value: file, reason }])), { baseDir: scenarioDir(file) });
    if (shards !== undefined) refuse('shards', shardCountIssues(shards, scenario));
    refuse('workers', workerCountIssues(workers, shards ?? scenario.shards));
    // created only for a run that can start
    const outProblem = values.out === undefined ? undefined : outDirProblem(values.out);
    if (outProblem !== undefined) throw badArgument(HELP, '--out', values.out, outProblem);
    const simulation = createSimulation(scenario, { ...(seed !== undefined ? { seed } : {}), ...(orders !== undefined ? { orders } : {}), ...(shards !== undefined ? { shards } : {}), workers, runner });
    let report: Report;
    if (values.out === undefined) {
      report = await simulate(simulation, io, io.signal);
      for (const format of wanted) io.out(await FORMATS[format](report));
    } else {
      report = await runIntoDir(simulation, values.out, wanted, values.log, io);
      const partial = report.partial ? ` Partial: stopped when simulated up to ${report.partial.simulatedUntil}.` : '';
      io.out(`Wrote ${wanted.map((f) => `report.${f}`).join(', ')}${values.log ? ', orders.ndjson' : ''} to ${printable(values.out)}: ${report.totals.orders} orders, reconciliation ${report.reconciliation.ok ? 'passed' : 'FAILED'}.${partial}\n`);
    }
    // a signal that came after the last event stopped nothing: the outputs are the whole run's
    return (report.partial ? interruptedExit(io.signal) : undefined) ?? (report.reconciliation.ok ? EXIT.ok : EXIT.failed);
  },
};
