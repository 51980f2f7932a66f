/**
 * The experiment file: a base scenario, factors with their levels, the design, the replications,
 * the outputs to estimate and the confidence level. Validated at the boundary like a scenario;
 * `experiment.schema.json` is generated from it.
 */
import { z } from 'zod';

/** The most replications of one point, and the most points of a design. */
export const MAX_REPLICATIONS = 10_000;

/** The most points a design may have. */
export const MAX_POINTS = 10_000;

const count = (least: number) => z.number().int('must be a whole number').min(least, `must be at least ${least}`).max(MAX_REPLICATIONS, `must be at most ${MAX_REPLICATIONS}`);

/** A factor's level: any JSON value the scenario accepts at the factor's path. */
const level = /* @__PURE__ */ (() =>
  z.json())();

/** Levels by factor path: one point of a listed design. */
const pointSchema = /* @__PURE__ */ (() =>
  z.record(z.string(), level))();

const sequentialSchema = /* @__PURE__ */ (() =>
  z
  .object({
    /** Replications every point gets first (Law and Kelton suggest at least 10). */
    initial: count(2).default(10),
    /** Replications added to a point, each round, while its target is not met. */
    step: count(1).default(5),
    /** A point stops here even if its target is not met (the report says so). */
    max: count(2).default(100),
    /** Target: the confidence interval's half-width over the absolute mean, e.g. 0.05 for +-5%. */
    relativeHalfWidth: z.number().positive('must be above zero'),
    /** The outputs the target applies to (paths from `outputs`); all of them when absent. */
    outputs: z.array(z.string()).min(1, 'must name at least one output, or be left out to mean all').optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.max < s.initial) ctx.addIssue({ code: 'custom', path: ['max'], input: s.max, message: `must be at least initial (${s.initial})` });
  }))();

/** The experiment schema (zod). */
export const experimentSchema = /* @__PURE__ */ (() =>
  z
  .object({
    /** Editor hint pointing at the JSON schema; ignored. */
    $schema: z.string().optional(),
    /** A title for the report; by default "Experiment on" the scenario's name. */
    name: z.string().min(1).optional(),
    /** The base scenario: a file path (relative to the experiment file) or the scenario itself. */
    scenario: z.union([z.string().min(1), z.record(z.string(), z.unknown())], { message: "must be a scenario file's path (relative to the experiment file) or a scenario object" }),
    /** Root seed: every replication's seed is derived from it. */
    seed: z.number().int('must be a whole number').safe().default(1),
    /** Caps the orders of every replication (the scenario's maxOrders), for quick runs. */
    orders: z.number().int('must be a whole number').positive('must be above zero').optional(),
    /** Factors by JSON path into the scenario, each with its levels: `{ "customs.capacityPerHour": [1000, 2000] }`. */
    factors: z.record(z.string(), z.array(level).min(1, 'must list at least one level')).default({}),
    /** Every combination of the levels, or a listed set of points (levels by factor path). */
    design: z
      .union([z.literal('full-factorial'), z.object({ points: z.array(pointSchema).min(1, 'must list at least one point') }).strict()], { message: "must be 'full-factorial' or { points: [...] }" })
      .default('full-factorial'),
    /** The point differences are taken against: its position in the design, or its levels. The first point by default. */
    baseline: z.union([z.number().int('must be a whole number').min(0, 'must be a position from 0'), pointSchema], { message: "must be a point's position (from 0) or its levels" }).optional(),
    /** Replications per point, or a sequential rule that adds replications until a target precision is met. */
    replications: z.union([count(2), sequentialSchema], { message: 'must be a whole number of replications (at least 2) or { relativeHalfWidth, initial, step, max, outputs }' }),
    /**
     * Report figures to estimate, by path into the JSON report: `channels[9610-import].clearance.p90`;
     * or `{ path, title, absentAs }`: a title for the report, and the value of a figure a report
     * lists only when it occurs (counts by state or reason), e.g.
     * `{ "path": "channels[9610-import].rejections[customs-refused]", "absentAs": 0 }`.
     */
    outputs: z
      .array(
        z.union([z.string(), z.object({ path: z.string(), title: z.string().min(1).optional(), absentAs: z.number().optional() }).strict()], {
          message: 'must be a path into the report, or { path, title, absentAs }',
        }),
      )
      .min(1, 'must name at least one report figure'),
    /** Confidence level of the intervals. */
    confidence: z.number().gt(0, 'must be between 0 and 1, e.g. 0.95').lt(1, 'must be between 0 and 1, e.g. 0.95').default(0.95),
    /** Replication r of every point uses the same seed, so differences between points are not noise from the seeds. */
    commonRandomNumbers: z.boolean().default(true),
  })
  .strict())();

/** An experiment as written in a file (defaults optional). */
export type ExperimentInput = z.input<typeof experimentSchema>;

/** An experiment file after validation, defaults filled in. */
export type ExperimentFile = z.output<typeof experimentSchema>;

/**
 * The JSON Schema (draft 2020-12) of experiment files, for editor completion: point an
 * experiment's `$schema` at `cbec-sim/experiment.schema.json`.
 */
export function experimentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'cbec-sim experiment',
    description: 'A cbec-sim experiment: a base scenario, factors and their levels, the design, replications, the report figures to estimate and the confidence level.',
  };
}
