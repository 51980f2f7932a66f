import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError, type ValidationIssue } from '../../domain/errors.js';
import { createNdjsonLog } from '../../sim/log.js';
import { reportToCsv, reportToJson, reportToMarkdown } from '../../sim/report/render.js';
import { reportToHtml } from '../../sim/report/html/report-to-html.js';
import { chartLibraries } from '../../sim/report/html/render-chart.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { RUNNERS, type RunnerName } from '../../sim/runner/registry.js';
import { MAX_SHARDS, shardCountIssues, workerCountIssues } from '../../sim/shard/plan.js';
import { createSimulation } from '../../sim/simulation.js';
import { progressDisplay } from '../progress.js';
import type { Report } from '../../sim/report/types.js';
import type { Command } from './command.js';
import { exampleScenario } from '../examples.js';
import { fileArgument } from './file-argument.js';

/** Each report format and its renderer (HTML draws charts, so it is asynchronous). */
const FORMATS: Record<'md' | 'json' | 'csv' | 'html', (report: Report) => string | Promise<string>> = { md: reportToMarkdown, json: reportToJson, csv: reportToCsv, html: reportToHtml };
type Format = keyof typeof FORMATS;

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new ValidationError([{ path: [`--${name}`], value: text, reason: 'must be a whole number.' }], 'Invalid option');
  return Number(text);
}

/** Refuses `issues` with a library option, naming the flag that set it. */
function refuse(flag: string, issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues.map((issue) => ({ ...issue, path: [`--${flag}`] })), 'Invalid option');
}

function runnerName(text: string): RunnerName {
  if (Object.hasOwn(RUNNERS, text)) return text as RunnerName;
  throw new ValidationError([{ path: ['--runner'], value: text, reason: `must be one of ${Object.keys(RUNNERS).join(', ')}.` }], 'Invalid option');
}

function formats(text: string): Format[] {
  const list = text.split(',').map((f) => f.trim());
  const bad = list.filter((f) => !(f in FORMATS));
  if (bad.length > 0 || list.length === 0) throw new ValidationError([{ path: ['--format'], value: text, reason: `must be a comma-separated list of ${Object.keys(FORMATS).join(', ')}.` }], 'Invalid option');
  return list as Format[];
}

/** The arguments with `--example NAME` replaced by the path of that shipped scenario. */
function withExample(args: readonly string[]): readonly string[] {
  const at = args.findIndex((a) => a === '--example' || a.startsWith('--example='));
  if (at === -1) return args;
  const inline = args[at]!.startsWith('--example=') ? args[at]!.slice('--example='.length) : undefined;
  const name = inline ?? args[at + 1];
  if (name === undefined || name === '') throw new ValidationError([{ path: ['--example'], value: name, reason: "needs a scenario's name; 'cbec-sim examples' lists them." }], 'Invalid option');
  return [exampleScenario(name), ...args.slice(0, at), ...args.slice(at + (inline === undefined ? 2 : 1))];
}

export const runCommand: Command = {
  name: 'run',
  summary: 'simulate a scenario and print (or write) its reconciled report',
  help: `Usage: cbec-sim run <scenario.json> [options]
       cbec-sim run --example NAME [options]

Simulates every order the scenario's arrivals create, through its channel's state machine, and
reports orders by final state, clearance and lead times, taxes, customs queue, bonded stock,
export summary declarations and a reconciliation that proves every order is accounted for.

Options:
  --example NAME    run a scenario the package ships, by name (see 'cbec-sim examples'), e.g.
                    peak-day-11-11 or just peak-day
  --seed N          seed of the run (default: the scenario's); same scenario and seed, same bytes
  --orders N        stop creating orders after N
  --out DIR         write report.<format> (and orders.ndjson with --log) to DIR instead of printing
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
  -h, --help        this text

Progress goes to stderr by work done: a bar on a terminal, otherwise a line every 5 seconds.
Times are Shanghai time with the offset (+08:00).

Exit code: 0 when the reconciliation passes, 1 when it fails, 2 for a bad scenario or option.
`,
  async run(args, io) {
    const parsed = fileArgument(withExample(args), io, this.help, {
      seed: { type: 'string' },
      orders: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string', default: 'md' },
      log: { type: 'boolean', default: false },
      shards: { type: 'string' },
      workers: { type: 'string' },
      runner: { type: 'string', default: 'lean' },
    });
    if ('exit' in parsed) return parsed.exit;
    const { file, values } = parsed;
    if (values.log && !values.out) throw new ValidationError([{ path: ['--log'], value: true, reason: 'needs --out DIR to write orders.ndjson into.' }], 'Invalid option');
    const wanted = formats(values.format);
    const seed = integer('seed', values.seed);
    const orders = integer('orders', values.orders);
    const shards = integer('shards', values.shards);
    const workers = integer('workers', values.workers) ?? 1;
    const runner = runnerName(values.runner);
    if (wanted.includes('html')) await chartLibraries(); // before simulating: say at once if the charts cannot be drawn
    const scenario = loadScenario(file);
    if (shards !== undefined) refuse('shards', shardCountIssues(shards, scenario));
    refuse('workers', workerCountIssues(workers, shards ?? scenario.shards));
    const simulation = createSimulation(scenario, { ...(seed !== undefined ? { seed } : {}), ...(orders !== undefined ? { orders } : {}), ...(shards !== undefined ? { shards } : {}), workers, runner });
    if (values.out) await mkdir(values.out, { recursive: true });
    const log = values.log && values.out ? createNdjsonLog(createWriteStream(join(values.out, 'orders.ndjson'))) : undefined;
    const progress = progressDisplay({ tty: process.stderr.isTTY && !process.env['CI'] ? process.stderr : undefined, line: io.err });
    let report: Report;
    try {
      report = await simulation.run({ onProgress: progress.update, ...(log ? { log } : {}) });
    } finally {
      progress.stop();
      await log?.close();
    }
    if (values.out) {
      for (const format of wanted) await writeFile(join(values.out, `report.${format}`), await FORMATS[format](report));
      io.out(`Wrote ${wanted.map((f) => `report.${f}`).join(', ')}${log ? ', orders.ndjson' : ''} to ${values.out}: ${report.totals.orders} orders, reconciliation ${report.reconciliation.ok ? 'passed' : 'FAILED'}.\n`);
    } else for (const format of wanted) io.out(await FORMATS[format](report));
    return report.reconciliation.ok ? 0 : 1;
  },
};
