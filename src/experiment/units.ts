/**
 * Units of work: one replication of one point. Unit `index` is replication `floor(index / P)` of
 * point `index mod P` (P points), so the first replications of every point come first, and a
 * sequential rule's later rounds only add indexes. What units an experiment still needs follows
 * from the units it has, whichever machine ran them and in whatever order.
 */
import type { ExperimentDefinition, ReplicationRule } from './definition.js';
import { estimateMean } from './estimate.js';
import { replicationSeed } from './seeds.js';

/** What one finished unit found: its outputs' values (in output order; `null` where its report lacks one). */
export interface UnitFacts {
  /** The {@link ExperimentDefinition.fingerprint} of the experiment it belongs to. */
  readonly fingerprint: string;
  readonly index: number;
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  readonly values: readonly (number | null)[];
  /** The replication's report reconciled (every order accounted for, ledgers balanced). */
  readonly reconciled: boolean;
}

/** A unit to run, as `cbec-sim experiment plan` lists it. */
export interface UnitPlan {
  readonly index: number;
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  /** The point's label: its factors' levels. */
  readonly label: string;
}

/** How many replications a point has settled on, or how many it needs before it can say. */
export type PointDecision = { readonly settled: true; readonly replications: number; readonly targetMet: boolean | undefined } | { readonly settled: false; readonly needs: number };

/** The unit of replication `replication` of point `point`. */
export function unitIndex(definition: ExperimentDefinition, point: number, replication: number): number {
  return replication * definition.points.length + point;
}

/** The unit plan of unit `index`. */
export function unitPlan(definition: ExperimentDefinition, index: number): UnitPlan {
  const point = index % definition.points.length;
  const replication = Math.floor(index / definition.points.length);
  return { index, point, replication, seed: replicationSeed(definition.seed, definition.commonRandomNumbers, point, replication), label: definition.points[point]!.label };
}

/** The number of unit indexes the experiment can use: points times the most replications a point can get. */
export function unitCount(definition: ExperimentDefinition): number {
  return definition.points.length * definition.maxReplications;
}

/** True when every one of `outputs` has an interval within `target` of its mean. */
function precise(values: (o: number) => readonly (number | null)[], rule: Extract<ReplicationRule, { kind: 'sequential' }>, confidence: number): boolean {
  return rule.outputs.every((o) => {
    const e = estimateMean(values(o), confidence);
    if (e.halfWidth === null) return false;
    return e.halfWidth === 0 || (e.relativeHalfWidth !== null && e.relativeHalfWidth <= rule.relativeHalfWidth);
  });
}

/**
 * What point `point` has settled on given the units in `facts` (by index). Fixed: its count.
 * Sequential: starting from `initial`, a round of `step` more while the target is not met, up to
 * `max`; each round looks only at replications 0 to n - 1, so extra units never change the answer.
 */
export function pointDecision(definition: ExperimentDefinition, facts: ReadonlyMap<number, UnitFacts>, point: number): PointDecision {
  const rule = definition.replications;
  const have = (n: number) => {
    for (let r = 0; r < n; r++) if (!facts.has(unitIndex(definition, point, r))) return false;
    return true;
  };
  if (rule.kind === 'fixed') return have(rule.count) ? { settled: true, replications: rule.count, targetMet: undefined } : { settled: false, needs: rule.count };
  for (let n = rule.initial; ; n = Math.min(n + rule.step, rule.max)) {
    if (!have(n)) return { settled: false, needs: n };
    const values = (o: number) => Array.from({ length: n }, (_, r) => facts.get(unitIndex(definition, point, r))!.values[o] ?? null);
    const met = precise(values, rule, definition.confidence);
    if (met || n >= rule.max) return { settled: true, replications: n, targetMet: met };
  }
}

/** The units the experiment needs next, given those it has, in index order; none when every point has settled. */
export function pendingUnits(definition: ExperimentDefinition, facts: ReadonlyMap<number, UnitFacts>): UnitPlan[] {
  const wanted: number[] = [];
  definition.points.forEach((_, point) => {
    const decision = pointDecision(definition, facts, point);
    if (decision.settled) return;
    for (let r = 0; r < decision.needs; r++) {
      const index = unitIndex(definition, point, r);
      if (!facts.has(index)) wanted.push(index);
    }
  });
  return wanted.sort((a, b) => a - b).map((index) => unitPlan(definition, index));
}
