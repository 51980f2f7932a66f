/**
 * Runs one unit of work: one replication of one point, through the public simulation API, and
 * reads the outputs from its JSON report. The same function runs in the calling thread, in a
 * worker thread, or in `cbec-sim experiment unit` on another machine.
 */
import { reportToJson, reportToMarkdown } from '../sim/report/render.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { createSimulation } from '../sim/simulation.js';
import { ExperimentRunError } from './errors.js';
import { figure, type Output } from './outputs.js';
import type { UnitFacts, UnitPlan } from './units.js';

/** Everything a unit needs; plain data, so it crosses to worker threads. */
export interface UnitJob {
  readonly unit: UnitPlan;
  readonly fingerprint: string;
  /** The point's scenario. */
  readonly scenario: Scenario;
  readonly orders: number | undefined;
  readonly outputs: readonly Output[];
  /** Hand back the replication's own report (JSON and Markdown) with its facts. */
  readonly keepReport: boolean;
}

/** A replication's own report, as JSON and Markdown. */
export interface ReplicationReport {
  readonly json: string;
  readonly markdown: string;
}

/** A finished unit: its facts, and its report when the job kept it. */
export interface UnitOutcome {
  readonly facts: UnitFacts;
  readonly report?: ReplicationReport;
}

/**
 * Simulates `job`'s replication and reads its outputs.
 *
 * @throws {@link ExperimentRunError} when `signal` aborts the replication (a cut-short replication is no sample)
 */
export async function runUnit(job: UnitJob, signal?: AbortSignal): Promise<UnitOutcome> {
  const { unit } = job;
  const simulation = createSimulation(job.scenario, { seed: unit.seed, ...(job.orders === undefined ? {} : { orders: job.orders }) });
  const report = await simulation.run(signal ? { signal } : {});
  if (signal?.aborted) throw new ExperimentRunError(`The experiment was aborted during unit ${unit.index} (point ${unit.point}, replication ${unit.replication}).`);
  const json = reportToJson(report);
  const document: unknown = JSON.parse(json);
  const facts: UnitFacts = {
    fingerprint: job.fingerprint,
    index: unit.index,
    point: unit.point,
    replication: unit.replication,
    seed: unit.seed,
    values: job.outputs.map((o) => figure(document, o)),
    reconciled: report.reconciliation.ok,
  };
  return job.keepReport ? { facts, report: { json, markdown: reportToMarkdown(report) } } : { facts };
}
