import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { ValidationError } from '../../domain/errors.js';
import { loadExperiment } from '../../experiment/definition.js';
import { createExperiment, type Experiment, type ExperimentProgress } from '../../experiment/experiment.js';
import { claimFolder, keepReplication, readFolderExperiment, readUnits, writeFileAtomic } from '../../experiment/files.js';
import { experimentToHtml } from '../../experiment/report/html.js';
import { experimentToJson } from '../../experiment/report/json.js';
import { experimentToMarkdown } from '../../experiment/report/markdown.js';
import type { ExperimentResult } from '../../experiment/results.js';
import { experimentJsonSchema } from '../../experiment/schema.js';
import type { Command, CommandIo } from './command.js';
import { fileArgument } from './file-argument.js';

const FORMATS: Record<'md' | 'json' | 'html', (result: ExperimentResult) => string | Promise<string>> = { md: experimentToMarkdown, json: experimentToJson, html: experimentToHtml };
type Format = keyof typeof FORMATS;

function formats(text: string): Format[] {
  const list = text.split(',').map((f) => f.trim());
  if (list.some((f) => !(f in FORMATS))) throw new ValidationError([{ path: ['--format'], value: text, reason: `must be a comma-separated list of ${Object.keys(FORMATS).join(', ')}.` }], 'Invalid option');
  return list as Format[];
}

function wholeNumber(flag: string, text: string, least: number): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < least) throw new ValidationError([{ path: [`--${flag}`], value: text, reason: `must be a whole number from ${least}.` }], 'Invalid option');
  return Number(text);
}

/** A progress bar of replications on a terminal; nothing when not a TTY or under CI. */
function progressBar(): { update(p: ExperimentProgress): void; stop(): void } {
  if (!process.stderr.isTTY || process.env['CI']) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ format: 'replications [{bar}] {value}/{total} | point {point}, replication {replication}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(1, 0, { point: '-', replication: '-' });
  return {
    update: (p) => {
      bar.setTotal(p.total);
      bar.update(p.done, { point: p.unit.point, replication: p.unit.replication });
    },
    stop: () => bar.stop(),
  };
}

/** Writes the report in each format to `dir`, or prints it. */
async function emit(result: ExperimentResult, wanted: readonly Format[], dir: string | undefined, io: CommandIo): Promise<void> {
  for (const format of wanted) {
    const text = await FORMATS[format](result);
    if (dir === undefined) io.out(text);
    else await writeFileAtomic(join(dir, `report.${format}`), text);
  }
  if (dir !== undefined) io.out(`Wrote ${wanted.map((f) => `report.${f}`).join(', ')} to ${dir}: ${result.points.length} points, ${result.points.reduce((n, p) => n + p.replications, 0)} replications.\n`);
}

const unreconciled = (result: ExperimentResult) => result.points.some((p) => p.reconciled < p.replications);

async function runLocally(file: string, args: readonly string[], io: CommandIo, help: string): Promise<number> {
  const parsed = fileArgument([file, ...args], io, help, { out: { type: 'string' }, workers: { type: 'string', default: '1' }, format: { type: 'string' } });
  if ('exit' in parsed) return parsed.exit;
  const { out } = parsed.values;
  const wanted = formats(parsed.values.format ?? (out === undefined ? 'md' : 'md,json,html'));
  const experiment = createExperiment(loadExperiment(parsed.file), { workers: wholeNumber('workers', parsed.values.workers, 1) });
  const done = out === undefined ? [] : await folderUnits(out, experiment);
  const progress = progressBar();
  let result: ExperimentResult;
  try {
    result = await experiment.run({
      done,
      onProgress: progress.update,
      ...(out === undefined ? {} : { onReplication: (replication) => keepReplication(out, experiment.definition, replication) }),
    });
  } finally {
    progress.stop();
  }
  await emit(result, wanted, out, io);
  return unreconciled(result) ? 1 : 0;
}

/** The units already in `dir` (after claiming it for `experiment`). */
async function folderUnits(dir: string, experiment: Experiment) {
  await claimFolder(dir, experiment.definition);
  return readUnits(dir, experiment.definition);
}

async function plan(args: readonly string[], io: CommandIo, help: string): Promise<number> {
  const parsed = fileArgument(args, io, help, { done: { type: 'string' } });
  if ('exit' in parsed) return parsed.exit;
  const experiment = createExperiment(loadExperiment(parsed.file));
  await experiment.check();
  const done = parsed.values.done === undefined ? [] : await readUnits(parsed.values.done, experiment.definition);
  for (const unit of experiment.pending(done)) io.out(`${JSON.stringify(unit)}\n`);
  return 0;
}

async function unit(args: readonly string[], io: CommandIo, help: string): Promise<number> {
  const parsed = fileArgument(args, io, help, { index: { type: 'string' }, out: { type: 'string' } });
  if ('exit' in parsed) return parsed.exit;
  const { index, out } = parsed.values;
  if (index === undefined || out === undefined) throw new ValidationError([{ path: [index === undefined ? '--index' : '--out'], value: undefined, reason: 'is required: unit runs one unit (--index N) and writes it to a folder (--out DIR).' }], 'Invalid option');
  const experiment = createExperiment(loadExperiment(parsed.file));
  await claimFolder(out, experiment.definition);
  const outcome = await experiment.runUnit(wholeNumber('index', index, 0));
  await keepReplication(out, experiment.definition, outcome);
  const { facts } = outcome;
  io.out(`Unit ${facts.index} (point ${facts.point}, replication ${facts.replication}, seed ${facts.seed}): wrote units/unit-${facts.index}.json and points/${facts.point}/replications/${facts.replication}/ to ${out}.\n`);
  return facts.reconciled ? 0 : 1;
}

async function merge(args: readonly string[], io: CommandIo, help: string): Promise<number> {
  const parsed = fileArgument(args, io, help, { format: { type: 'string', default: 'md,json,html' } });
  if ('exit' in parsed) return parsed.exit;
  const dir = parsed.file;
  const input = await readFolderExperiment(dir);
  if (input === undefined) throw new ValidationError([{ path: [dir], value: dir, reason: 'holds no experiment.json: give the --out folder of experiment unit or of a local run.' }], 'Invalid option');
  const experiment = createExperiment(input);
  const result = experiment.merge(await readUnits(dir, experiment.definition));
  await emit(result, formats(parsed.values.format), dir, io);
  return unreconciled(result) ? 1 : 0;
}

export const experimentCommand: Command = {
  name: 'experiment',
  summary: 'replications and parameter sweeps with confidence intervals, here or as array jobs',
  help: `Usage: cbec-sim experiment <experiment.json> [--out DIR] [--workers N] [--format LIST]
       cbec-sim experiment plan <experiment.json> [--done DIR]
       cbec-sim experiment unit <experiment.json> --index N --out DIR
       cbec-sim experiment merge <DIR> [--format LIST]
       cbec-sim experiment schema

Runs the replications of every point of an experiment (a base scenario, factors and their levels,
a design, replications, the report figures to estimate) and reports each figure's mean with its
confidence interval at each point, and each point's difference from the baseline point.

Local run:
  --out DIR         keep everything in DIR: experiment.json, each replication's own report under
                    points/<point>/replications/<r>/, the unit facts under units/, and the report;
                    units already in DIR are not run again
  --workers N       run replications on N worker threads (default 1); the report is the same bytes
  --format LIST     comma-separated: md, json, html (default md when printing, md,json,html with --out)

Beyond one machine (each unit is one replication of one point):
  plan              list the units still to run, one JSON line each ({"index": N, ...}); with
                    --done DIR, those not yet in DIR (the next round of a sequential rule)
  unit              run unit --index N and write it, with its replication's report, to --out DIR
  merge DIR         the report from the units in DIR, the same bytes as a local run
  schema            print the JSON Schema of experiment files

Exit code: 0 when every replication reconciled, 1 when one did not or units are missing,
2 for a bad experiment file or option.
`,
  async run(args, io) {
    const [first, ...rest] = args;
    if (first === 'plan') return plan(rest, io, this.help);
    if (first === 'unit') return unit(rest, io, this.help);
    if (first === 'merge') return merge(rest, io, this.help);
    if (first === 'schema') {
      io.out(`${JSON.stringify(experimentJsonSchema(), null, 2)}\n`);
      return 0;
    }
    if (first === undefined || first === '--help' || first === '-h') {
      (first === undefined ? io.err : io.out)(this.help);
      return first === undefined ? 2 : 0;
    }
    return runLocally(first, rest, io, this.help);
  },
};
