/**
 * A simulation run: a scenario and a seed in, a reconciled report out.
 *
 * A run is split into the scenario's `shards` (1 by default): independent partitions by buyer,
 * bonded warehouse and customs lane (see `shard/plan.ts`). Shards are part of the model; worker
 * threads only execute them. With `workers: 1` every shard runs in the calling thread, one after
 * another; with W workers, shard k runs on worker k mod W. Either way the shards' facts are merged
 * in shard order, so the report (and the transition log) depend on the scenario, the seed and the
 * number of shards, never on the number of workers.
 */
import { ValidationError, type ValidationIssue } from '../domain/errors.js';
import { MS } from './clock.js';
import type { TransitionLog } from './log.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { RUNNERS, runnerNamed, type RunnerName } from './runner/registry.js';
import type { OrderRunner } from './runner/types.js';
import { SCENARIO_LIMITS } from './scenario/ranges.js';
import type { Scenario } from './scenario/schema.js';
import { runShardsInThread } from './shard/in-thread.js';
import { mergeShardFacts } from './shard/merge.js';
import { shardCountIssues, workerCountIssues, type RunPlan } from './shard/plan.js';
import { runShardsOnWorkers } from './shard/pool.js';
import { combineProgress, type RunProgress } from './shard/progress.js';
import type { ShardsHooks } from './shard/run-shard.js';
import { positiveList, type PositiveListData } from '../rules/positive-list.js';

export type { RunProgress } from './shard/progress.js';

/** Options of {@link createSimulation}. */
export interface SimulationOptions {
  /** Overrides the scenario's seed: any safe integer, -(2^53 - 1) to 2^53 - 1. */
  readonly seed?: number;
  /**
   * Overrides the scenario's order cap, a whole number from 1 to 1,000,000,000; shard k gets its
   * share (the floor of cap / shards, plus one for the first cap mod shards shards).
   */
  readonly orders?: number;
  /** Overrides the scenario's number of shards (1 to 64). The report depends on it. */
  readonly shards?: number;
  /**
   * Worker threads that simulate the shards, 1 (the default: all in the calling thread) to the
   * number of shards. The report does not depend on it.
   */
  readonly workers?: number;
  /**
   * How machines are driven: a runner's name, `'lean'` (the default: orders as rows of numbers,
   * their documents built only when asked), `'compiled'` (the compiled table over each order's
   * documents) or `'xstate'` (the reference, one actor per order), or an {@link OrderRunner},
   * which drives each order over its documents. All give the same report for the same scenario and
   * seed. Worker threads cannot receive functions, so with more than one worker the runner must be
   * named (or be one of `RUNNERS`, which is looked up by name).
   */
  readonly runner?: RunnerName | OrderRunner;
  /**
   * The CBEC positive list (`{ version, lines }`), replacing the scenario's: retail imports of goods
   * off it are refused with reason `not-on-positive-list`. Without one, nothing is refused on that ground.
   */
  readonly positiveList?: PositiveListData;
}

/** Options of {@link Simulation.run}. */
export interface RunOptions {
  /** Called about ten times a second while the run goes, and once at its end, for progress bars: work done against the expected total, figures summed over the shards. */
  readonly onProgress?: (progress: RunProgress) => void;
  /**
   * Stops the run at the next chunk boundary (on every worker thread); the run still resolves to
   * the report of what was simulated, with the orders then in flight, marked `partial`.
   */
  readonly signal?: AbortSignal;
  /**
   * Where a run on worker threads spools its shards' transition logs until they are appended to
   * `log` in shard order (default: the system's temporary directory); removed when the run ends.
   */
  readonly tempDir?: string;
  /** Where every transition goes, as NDJSON: shard 0's records, then shard 1's, and so on. */
  readonly log?: TransitionLog;
}

/** A prepared run. */
export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** The partitions the run is split into. */
  readonly shards: number;
  /**
   * Runs to the scenario's end (arrivals, then the drain period) and resolves to the reconciled report.
   *
   * @throws `ShardError` naming the shard when a shard's simulation throws or its worker thread dies
   */
  run(options?: RunOptions): Promise<Report>;
}

/** What is wrong with the `seed` and `orders` options (numbers of the right kind and range, never text or NaN). */
function optionIssues(options: SimulationOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    issues.push({ path: ['seed'], value: options.seed, reason: 'must be a safe integer, from -(2^53 - 1) to 2^53 - 1.' });
  }
  if (options.orders !== undefined && !(Number.isInteger(options.orders) && options.orders >= 1 && options.orders <= SCENARIO_LIMITS.maxOrders)) {
    issues.push({ path: ['orders'], value: options.orders, reason: `must be a whole number from 1 to ${SCENARIO_LIMITS.maxOrders.toLocaleString('en-US')}.` });
  }
  return issues;
}

/** The runner `choice` names or is; with worker threads, the name a worker can load it by. */
function chooseRunner(choice: RunnerName | OrderRunner, workers: number): { runner: OrderRunner; name: RunnerName | undefined } {
  if (typeof choice === 'string') return { runner: runnerNamed(choice), name: choice };
  const name = (Object.keys(RUNNERS) as RunnerName[]).find((n) => RUNNERS[n] === choice);
  if (name === undefined && workers > 1) {
    throw new ValidationError([{ path: ['runner'], value: choice.name, reason: `must be a runner's name (${Object.keys(RUNNERS).join(', ')}) when workers is above 1: worker threads cannot receive a runner object.` }], 'Invalid option');
  }
  return { runner: choice, name };
}

/** `scenario` with `list` as its positive list, checked. */
function withPositiveList(scenario: Scenario, list: PositiveListData): Scenario {
  const { version, lines } = positiveList(list);
  return { ...scenario, positiveList: { version, lines: [...lines] } };
}

/**
 * Prepares a run of `scenario`.
 *
 * @throws {@link ValidationError} naming `seed`, `orders`, `shards`, `workers` or `runner` when an option is out of range, or the field of a bad `positiveList`
 * @example
 * ```ts
 * const sim = createSimulation(loadScenario('examples/scenarios/guangzhou-three-channels.json'), { seed: 7 });
 * const report = await sim.run({ onProgress: (p) => bar.update(p.share) });
 * report.reconciliation.ok; // true
 *
 * // four shards on two worker threads: the same report as on one
 * await createSimulation(scenario, { shards: 4, workers: 2 }).run();
 * ```
 */
export function createSimulation(given: Scenario, options: SimulationOptions = {}): Simulation {
  const scenario = options.positiveList === undefined ? given : withPositiveList(given, options.positiveList);
  const seed = options.seed ?? scenario.seed;
  const shards = options.shards ?? scenario.shards;
  const workers = options.workers ?? 1;
  const shardIssues = shardCountIssues(shards, scenario);
  const issues = [...optionIssues(options), ...(shardIssues.length > 0 ? shardIssues : workerCountIssues(workers, shards))];
  if (issues.length > 0) throw new ValidationError(issues, 'Invalid option');
  const { runner, name } = chooseRunner(options.runner ?? 'lean', workers);
  const plan: RunPlan = { scenario, seed, shards, maxOrders: options.orders ?? scenario.maxOrders };
  return {
    scenario,
    seed,
    shards,
    run: async ({ onProgress, ...rest } = {}) => {
      const hooks: ShardsHooks = { ...rest, ...(onProgress ? { onProgress: combineProgress(shards, scenario.start, onProgress) } : {}) };
      const facts = name !== undefined && workers > 1 ? await runShardsOnWorkers({ ...plan, workers, runner: name }, hooks) : await runShardsInThread(plan, runner, hooks);
      const report = buildReport({ scenario, seed, runner: runner.name, facts: mergeShardFacts(facts) });
      // a run that was not stopped ends every shard at the scenario's end (arrivals, then the drain period)
      const reached = Math.min(...facts.map((f) => f.end));
      const end = scenario.start + (scenario.horizonDays + scenario.drainDays) * MS.day;
      return reached < end ? { ...report, partial: { simulatedUntil: new Date(reached).toISOString() } } : report;
    },
  };
}
