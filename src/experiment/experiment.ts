/**
 * An experiment: replications of the points of a design, run on this machine (in the calling
 * thread or on worker threads) or unit by unit anywhere, and its result with confidence intervals.
 */
import { ValidationError } from '../domain/errors.js';
import { reportToJson } from '../sim/report/render.js';
import { createSimulation } from '../sim/simulation.js';
import { defineExperiment, type ExperimentDefinition } from './definition.js';
import { ExperimentError } from './errors.js';
import { outputIssues } from './outputs.js';
import { createUnitPool } from './pool.js';
import { experimentResult, type ExperimentResult } from './results.js';
import { runUnit, type ReplicationReport, type UnitJob, type UnitOutcome } from './run-unit.js';
import type { ExperimentInput } from './schema.js';
import { pendingUnits, unitCount, unitPlan, type UnitFacts, type UnitPlan } from './units.js';

/** Options of {@link createExperiment}. */
export interface ExperimentOptions {
  /** Where a scenario path in the experiment is resolved from; the working directory by default. */
  readonly baseDir?: string;
  /** Worker threads that run replications, 1 (the default: the calling thread) or more. The result does not depend on it. */
  readonly workers?: number;
}

/** Progress of an experiment run, after each finished replication. */
export interface ExperimentProgress {
  /** Replications finished (including those handed in with `done`). */
  readonly done: number;
  /** Replications known to be needed so far; a sequential rule may add more rounds. */
  readonly total: number;
  /** The replication that just finished. */
  readonly unit: UnitPlan;
}

/** A finished replication, as {@link ExperimentRunOptions.onReplication} receives it. */
export interface FinishedReplication {
  readonly facts: UnitFacts;
  /** Its own report, as JSON and Markdown. */
  readonly report: ReplicationReport;
}

/** Options of {@link Experiment.run}. */
export interface ExperimentRunOptions {
  /** Called after each replication, for progress bars. */
  readonly onProgress?: (progress: ExperimentProgress) => void;
  /** Stops the run: replications in progress are dropped and the run rejects; those finished were handed on. */
  readonly signal?: AbortSignal;
  /** Receives each replication with its own report (to keep it); awaited before the next is handed on. */
  readonly onReplication?: (replication: FinishedReplication) => void | Promise<void>;
  /** Replications already run (e.g. from an earlier, interrupted run): they are not run again. */
  readonly done?: readonly UnitFacts[];
}

/** A prepared experiment. */
export interface Experiment {
  /** The checked experiment: points, factors, outputs, replication rule, fingerprint. */
  readonly definition: ExperimentDefinition;
  /**
   * Checks the outputs against the report of a one-order run of the base scenario.
   *
   * @throws {@link ExperimentError} naming each output path the report does not have, or that is not one number
   */
  check(): Promise<void>;
  /** The units still needed given those `done`: the first round at the start, then each later round of a sequential rule; none when finished. */
  pending(done?: readonly UnitFacts[]): UnitPlan[];
  /**
   * Runs one unit of work (one replication of one point), as an array job's task does.
   *
   * @throws {@link ValidationError} naming `index` when it is not one of the experiment's units
   */
  runUnit(index: number): Promise<Required<UnitOutcome>>;
  /**
   * Runs every replication the design needs and resolves to the result.
   *
   * @throws {@link ExperimentError} for an output the report does not have; {@link ExperimentRunError} when a replication fails or the run is aborted
   */
  run(options?: ExperimentRunOptions): Promise<ExperimentResult>;
  /**
   * The result from finished units (from any machines, in any order): the same as {@link Experiment.run}'s.
   *
   * @throws {@link ExperimentError} for a unit of another experiment; {@link ExperimentRunError} listing the units still needed
   */
  merge(units: readonly UnitFacts[]): ExperimentResult;
}

function unitsOf(definition: ExperimentDefinition, units: readonly UnitFacts[]): UnitFacts[] {
  const foreign = units.filter((u) => u.fingerprint !== definition.fingerprint);
  if (foreign.length > 0) {
    throw new ExperimentError(foreign.map((u) => ({ path: ['units', u.index], value: u.fingerprint, reason: `belongs to another experiment (fingerprint ${u.fingerprint}, this one is ${definition.fingerprint}).` })));
  }
  return [...units];
}

/**
 * Prepares an experiment: checks it against its base scenario (every factor path, level, design
 * point, baseline and output path) and says how to run it.
 *
 * @throws {@link ExperimentError} listing every problem with its path in the experiment
 * @throws {@link ValidationError} naming `workers` when it is not a whole number from 1
 * @example
 * ```ts
 * const experiment = createExperiment(loadExperiment('examples/experiments/customs-capacity.json'), { workers: 2 });
 * const result = await experiment.run({ onProgress: (p) => console.log(`${p.done}/${p.total}`) });
 * console.log(experimentToMarkdown(result));
 * ```
 */
export function createExperiment(input: ExperimentInput, options: ExperimentOptions = {}): Experiment {
  const workers = options.workers ?? 1;
  if (!Number.isSafeInteger(workers) || workers < 1) throw new ValidationError([{ path: ['workers'], value: workers, reason: 'must be a whole number from 1.' }], 'Invalid option');
  const definition = defineExperiment(input, options.baseDir);
  const job = (unit: UnitPlan, keepReport: boolean): UnitJob => ({
    unit,
    fingerprint: definition.fingerprint,
    scenario: definition.points[unit.point]!.scenario,
    orders: definition.orders,
    outputs: definition.outputs,
    keepReport,
  });
  let checked: Promise<void> | undefined;
  const check = () =>
    (checked ??= (async () => {
      const probe = await createSimulation(definition.points[definition.baseline]!.scenario, { seed: definition.seed, orders: 1 }).run();
      const issues = outputIssues(definition.outputs, JSON.parse(reportToJson(probe)));
      if (issues.length > 0) throw new ExperimentError(issues);
    })());
  return {
    definition,
    check,
    pending: (done = []) => pendingUnits(definition, new Map(unitsOf(definition, done).map((u) => [u.index, u]))),
    async runUnit(index) {
      if (!Number.isSafeInteger(index) || index < 0 || index >= unitCount(definition)) {
        throw new ValidationError([{ path: ['index'], value: index, reason: `must be a unit of this experiment, 0 to ${unitCount(definition) - 1}.` }], 'Invalid option');
      }
      await check();
      return (await runUnit(job(unitPlan(definition, index), true))) as Required<UnitOutcome>;
    },
    async run({ onProgress, signal, onReplication, done = [] } = {}) {
      await check();
      const facts = new Map(unitsOf(definition, done).map((u) => [u.index, u]));
      const pool = createUnitPool(workers);
      try {
        for (let round = pendingUnits(definition, facts); round.length > 0; round = pendingUnits(definition, facts)) {
          const total = facts.size + round.length;
          await pool.run(
            round.map((unit) => job(unit, onReplication !== undefined)),
            async (outcome) => {
              facts.set(outcome.facts.index, outcome.facts);
              if (onReplication && outcome.report) await onReplication({ facts: outcome.facts, report: outcome.report });
              onProgress?.({ done: facts.size, total, unit: unitPlan(definition, outcome.facts.index) });
            },
            signal,
          );
        }
      } finally {
        pool.close();
      }
      return experimentResult(definition, [...facts.values()]);
    },
    merge: (units) => experimentResult(definition, unitsOf(definition, units)),
  };
}
