/**
 * The result of an experiment, built from its finished units alone: per point, each output's
 * mean with its interval, and its difference from the baseline point. A local run and a merge of
 * units run anywhere build it from the same facts, so they give the same bytes.
 */
import type { JsonValue } from './design.js';
import type { ExperimentDefinition } from './definition.js';
import { ExperimentRunError } from './errors.js';
import { estimateMean, pairedDifference, welchDifference, type Difference, type Estimate } from './estimate.js';
import { pendingUnits, pointDecision, unitIndex, type UnitFacts } from './units.js';

/** One point's results. */
export interface PointResult {
  readonly index: number;
  readonly label: string;
  /** The level of each factor, by factor path. */
  readonly levels: Readonly<Record<string, JsonValue>>;
  readonly replications: number;
  /** Replications whose report reconciled (should be all of them). */
  readonly reconciled: number;
  /** Under a sequential rule: whether the target precision was met before the maximum. */
  readonly targetMet?: boolean;
  /** Each output's mean and interval, by output path. */
  readonly estimates: Readonly<Record<string, Estimate>>;
  /** Each output's difference from the baseline point (point minus baseline), by output path; absent on the baseline. */
  readonly differences?: Readonly<Record<string, Difference>>;
}

/** What an experiment found: the JSON report's content. */
export interface ExperimentResult {
  readonly experiment: {
    readonly name: string;
    readonly scenario: string;
    readonly seed: number;
    readonly orders?: number;
    readonly factors: readonly { readonly path: string; readonly levels: readonly JsonValue[] }[];
    /** The outputs in file order: each report figure's path, and its title when it has one. */
    readonly outputs: readonly { readonly path: string; readonly title?: string }[];
    readonly confidence: number;
    readonly commonRandomNumbers: boolean;
    /** `{ count }`, or the sequential rule. */
    readonly replications: Readonly<Record<string, number | readonly string[]>>;
    /** Position of the baseline point. */
    readonly baseline: number;
    /** Identifies the experiment's units (see `experiment.json`). */
    readonly fingerprint: string;
  };
  readonly points: readonly PointResult[];
}

function replicationsSummary(definition: ExperimentDefinition): ExperimentResult['experiment']['replications'] {
  const rule = definition.replications;
  if (rule.kind === 'fixed') return { count: rule.count };
  return { initial: rule.initial, step: rule.step, max: rule.max, relativeHalfWidth: rule.relativeHalfWidth, outputs: rule.outputs.map((o) => definition.outputs[o]!.path) };
}

/**
 * The result of `definition` from its units. Units beyond what each point settled on are left out.
 *
 * @throws {@link ExperimentRunError} listing the units still needed, when some are missing
 */
export function experimentResult(definition: ExperimentDefinition, units: readonly UnitFacts[]): ExperimentResult {
  const facts = new Map(units.map((u) => [u.index, u]));
  const missing = pendingUnits(definition, facts);
  if (missing.length > 0) {
    const shown = missing.slice(0, 20).map((u) => u.index).join(', ');
    throw new ExperimentRunError(`The experiment needs ${missing.length} more unit${missing.length === 1 ? '' : 's'} before its report: ${shown}${missing.length > 20 ? ', ...' : ''}. Run them (cbec-sim experiment unit --index N), then merge again.`);
  }
  const counts = definition.points.map((p) => pointDecision(definition, facts, p.index));
  const column = (point: number, output: number) => {
    const decision = counts[point]!;
    const n = decision.settled ? decision.replications : 0;
    return Array.from({ length: n }, (_, r) => facts.get(unitIndex(definition, point, r))!.values[output] ?? null);
  };
  const difference = definition.commonRandomNumbers ? pairedDifference : welchDifference;
  const points = definition.points.map((p): PointResult => {
    const decision = counts[p.index]!;
    const replications = decision.settled ? decision.replications : 0;
    const own = Array.from({ length: replications }, (_, r) => facts.get(unitIndex(definition, p.index, r))!);
    const byOutput = <T>(f: (o: number) => T) => Object.fromEntries(definition.outputs.map((o, i) => [o.path, f(i)]));
    return {
      index: p.index,
      label: p.label,
      levels: Object.fromEntries(definition.factors.map((f, i) => [f.path, f.levels[p.levels[i]!]!])),
      replications,
      reconciled: own.filter((u) => u.reconciled).length,
      ...(decision.settled && decision.targetMet !== undefined ? { targetMet: decision.targetMet } : {}),
      estimates: byOutput((o) => estimateMean(column(p.index, o), definition.confidence)),
      ...(p.index === definition.baseline ? {} : { differences: byOutput((o) => difference(column(p.index, o), column(definition.baseline, o), definition.confidence)) }),
    };
  });
  return {
    experiment: {
      name: definition.name,
      scenario: definition.scenarioName,
      seed: definition.seed,
      ...(definition.orders === undefined ? {} : { orders: definition.orders }),
      factors: definition.factors.map((f) => ({ path: f.path, levels: f.levels })),
      outputs: definition.outputs.map((o) => (o.title === undefined ? { path: o.path } : { path: o.path, title: o.title })),
      confidence: definition.confidence,
      commonRandomNumbers: definition.commonRandomNumbers,
      replications: replicationsSummary(definition),
      baseline: definition.baseline,
      fingerprint: definition.fingerprint,
    },
    points,
  };
}
