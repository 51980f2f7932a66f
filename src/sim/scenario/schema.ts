/**
 * The scenario file: everything a run needs, validated at the boundary. Every field has a
 * default; where the default is a fact from DOMAIN.md the comment says so, otherwise it is an
 * assumption [A] chosen to give plausible volumes, and a scenario can override it.
 */
import { z } from 'zod';
import { hsCodeField, countryField, instantField } from '../../domain/fields.js';
import { money } from '../../money/money.js';
import { CHANNEL_IDS, type ChannelId } from '../../channels/registry.js';
import { MAX_SHARDS, shardCountIssues } from '../shard/plan.js';
import { between, calendarDateField, ordersPerDayField, plainText, positiveUpTo, probabilityUpTo, scenarioRangeIssues, SCENARIO_LIMITS as L, wholeBetween } from './ranges.js';

const CHANNEL_ENUM = z.enum(CHANNEL_IDS as [ChannelId, ...ChannelId[]]);

const probability = probabilityUpTo(1);
const minutesField = positiveUpTo(L.durationMinutes);
/** Decimal text of at most 8 digits and 2 decimals, no more than the price limit. */
const isPrice = (s: string): boolean => /^\d{1,8}(\.\d{1,2})?$/.test(s) && money(s).lessThanOrEqualTo(L.price);
const priceText = z.string().refine(isPrice, `must be an amount in CNY as decimal text with at most two decimals, from 0 to ${L.price}, e.g. '199.00'`);

/** A duration distribution in minutes: lognormal by median and spread, or fixed. */
export const durationSchema = z.union([
  z.object({ medianMinutes: minutesField, sigma: between(0, L.sigma).default(0.5) }).strict(),
  z.object({ fixedMinutes: between(0, L.durationMinutes) }).strict(),
]);

/** A duration distribution as read from a scenario. */
export type Duration = z.output<typeof durationSchema>;

const minutes = (median: number, sigma = 0.5) => ({ medianMinutes: median, sigma });

const arrivalSchema = z
  .object({
    channel: CHANNEL_ENUM,
    /** Mean orders per day before profiles and peaks. */
    ordersPerDay: ordersPerDayField,
    /** Relative weight of each hour of the day (Shanghai), 24 numbers. [A] evening-heavy retail curve. */
    hourProfile: z.array(between(0, L.profileWeight)).length(24, 'must have 24 numbers, one per hour from 00:00').optional(),
    /** Relative weight of each weekday, Monday first, 7 numbers. */
    weekdayProfile: z.array(between(0, L.profileWeight)).length(7, 'must have 7 numbers, Monday first').optional(),
  })
  .strict();

const peakSchema = z.object({ date: calendarDateField, multiplier: positiveUpTo(L.peakMultiplier) }).strict();

const goodsSchema = z
  .object({
    itemNo: plainText(30),
    itemName: plainText(250),
    hsCode: hsCodeField([10]),
    unit: z.string().regex(/^\d{3}$/, "must be a 3-digit customs unit code, e.g. '011'"),
    originCountry: countryField,
    minPrice: priceText,
    maxPrice: priceText,
    /** Relative popularity. */
    weight: positiveUpTo(L.profileWeight).default(1),
    /** Channels that sell it; all when absent. */
    channels: z.array(CHANNEL_ENUM).optional(),
  })
  .strict()
  .refine((g) => !isPrice(g.minPrice) || !isPrice(g.maxPrice) || money(g.minPrice).lessThanOrEqualTo(money(g.maxPrice)), { message: 'minPrice must not exceed maxPrice', path: ['maxPrice'] });

/** The scenario schema (zod). `scenario.schema.json` is generated from it. */
export const scenarioSchema = z
  .object({
    /** Editor hint pointing at the JSON schema; ignored by the simulator. */
    $schema: z.string().optional(),
    name: plainText(200).default('unnamed scenario'),
    /** Seed of the run, any safe integer (-(2^53 - 1) to 2^53 - 1); the CLI's --seed overrides it. */
    seed: z.number().int('must be a whole number').safe('must be a safe integer, from -(2^53 - 1) to 2^53 - 1').default(1),
    start: instantField.meta({ description: 'ISO date-time with its zone, or epoch milliseconds; from 2010-09-01 (Shanghai), and start + horizonDays + drainDays before 2200-01-01.' }),
    /** Simulated days of arrivals; in-flight orders are reported at the horizon. */
    horizonDays: positiveUpTo(L.horizonDays).default(7),
    /** Extra days after arrivals stop, to let orders finish before the report. */
    drainDays: between(0, L.drainDays).default(60),
    /** Stop creating orders after this many (the CLI's --orders overrides it). */
    maxOrders: wholeBetween(1, L.maxOrders).optional(),
    /**
     * Independent partitions of the run (the CLI's --shards overrides it): each shard has its own
     * buyers, bonded warehouse, customs lane (capacityPerHour / shards) and share of every arrival
     * stream. The report depends on the number of shards, never on how many worker threads run them.
     */
    shards: z.number().int('must be a whole number').min(1, `must be from 1 to ${MAX_SHARDS}`).max(MAX_SHARDS, `must be from 1 to ${MAX_SHARDS}`).default(1),
    /** Customs district (JGS/T 18). [P] 5141 is used for Guangzhou in peer samples. */
    customsCode: z.string().regex(/^[0-9A-Z]{4}$/, 'must be a 4-character customs district code').default('5141'),
    calendar: z
      .object({
        holidays: z.array(calendarDateField).max(L.listLength).default([]),
        workdays: z.array(calendarDateField).max(L.listLength).default([]),
      })
      .strict()
      .default({ holidays: [], workdays: [] }),
    arrivals: z.array(arrivalSchema).min(1, 'must list at least one channel with its arrival rate').max(64),
    peaks: z.array(peakSchema).max(L.listLength).default([]),
    catalogue: z.array(goodsSchema).min(1, 'must list at least one product').max(L.listLength),
    buyers: z
      .object({
        /** Distinct buyers; repeat buyers use up their annual quota. [A] */
        population: wholeBetween(1, L.population).default(20_000),
        /** Items per order: 1 to this. [A] */
        maxLinesPerOrder: z.number().int().min(1).max(20).default(3),
        cancelRate: probability.default(0.01),
        returnRate: probability.default(0.02),
        /** Orders whose payer is not the buyer (three-document mismatch). [A] */
        payerMismatchRate: probability.default(0.002),
        /** Buyer's annual quota already used at the start, as a share of the limit, uniform in [0, this]. [A] */
        priorQuotaShareMax: probability.default(0.5),
      })
      .strict()
      .default({ population: 20_000, maxLinesPerOrder: 3, cancelRate: 0.01, returnRate: 0.02, payerMismatchRate: 0.002, priorQuotaShareMax: 0.5 }),
    customs: z
      .object({
        /** Share of lists sent to manual review (300). No official figure [A]. */
        reviewRate: probability.default(0.03),
        /** Share of lists inspected (500). No official figure (DOMAIN.md 5) [A]. */
        inspectionRate: probability.default(0.02),
        /** Of inspected lists, the share detained (501-503, 599). [A] */
        detentionRate: probability.default(0.05),
        /** Of inspected lists, the share re-exported (700). [A] */
        reexportRate: probability.default(0.02),
        /** Lists customs can decide per hour while open. [A] */
        capacityPerHour: between(L.capacityPerHour.min, L.capacityPerHour.max).default(2_000),
        /** Opening hours for manual work (review, inspection), Shanghai time. [A] */
        openHour: z.number().int().min(0).max(23).default(8),
        closeHour: z.number().int().min(1).max(24).default(22),
        /** How long a list waits for missing documents before rejection. [A] */
        documentWaitMinutes: between(1, L.durationMinutes).default(24 * 60),
        acceptance: durationSchema.default(minutes(2)),
        review: durationSchema.default(minutes(90)),
        inspection: durationSchema.default(minutes(240)),
      })
      .strict()
      .default({
        reviewRate: 0.03,
        inspectionRate: 0.02,
        detentionRate: 0.05,
        reexportRate: 0.02,
        capacityPerHour: 2_000,
        openHour: 8,
        closeHour: 22,
        documentWaitMinutes: 24 * 60,
        acceptance: minutes(2),
        review: minutes(90),
        inspection: minutes(240),
      }),
    carrier: z
      .object({
        filing: durationSchema.default(minutes(10)),
        domesticDelivery: durationSchema.default(minutes(2 * 24 * 60)),
        /** Export: from release to arrival report at the exit site. [A] */
        toExitSite: durationSchema.default(minutes(12 * 60)),
        /** Export: from arrival at the exit site to departure. [A] */
        toDeparture: durationSchema.default(minutes(18 * 60)),
        /** Export lists whose arrival report is never sent. [A] */
        arrivalMissingRate: probability.default(0.001),
        /** Declarations that fail to send (status 4) and are resent, at most 0.9. [A] */
        sendFailureRate: probabilityUpTo(L.retryRate).default(0.002),
      })
      .strict()
      .default({
        filing: minutes(10),
        domesticDelivery: minutes(2 * 24 * 60),
        toExitSite: minutes(12 * 60),
        toDeparture: minutes(18 * 60),
        arrivalMissingRate: 0.001,
        sendFailureRate: 0.002,
      }),
    bonded: z
      .object({
        /** Stock per item record at the start. [A] */
        initialStock: wholeBetween(0, L.stockUnits).default(5_000),
        /** Reorder when stock falls to this. [A] */
        reorderPoint: wholeBetween(0, L.stockUnits).default(500),
        reorderQuantity: wholeBetween(1, L.stockUnits).default(5_000),
        /** First-line entry lead time. [A] */
        replenishment: durationSchema.default(minutes(7 * 24 * 60)),
      })
      .strict()
      .default({ initialStock: 5_000, reorderPoint: 500, reorderQuantity: 5_000, replenishment: minutes(7 * 24 * 60) }),
    faults: z
      .object({
        outages: z.array(z.object({ start: instantField, end: instantField }).strict()).max(L.listLength).default([]),
        /** Receipts lost on the way (resent after resendAfterMinutes), at most 0.9. */
        lostReceiptRate: probabilityUpTo(L.retryRate).default(0),
        duplicateReceiptRate: probability.default(0),
        /** Resend a declaration whose receipt has not come back after this long. [A] */
        resendAfterMinutes: between(1, L.durationMinutes).default(30),
      })
      .strict()
      .default({ outages: [], lostReceiptRate: 0, duplicateReceiptRate: 0, resendAfterMinutes: 30 }),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    for (const issue of [...shardCountIssues(scenario.shards, scenario), ...scenarioRangeIssues(scenario)]) ctx.addIssue({ code: 'custom', path: [...issue.path], input: issue.value, message: issue.reason });
    scenario.arrivals.forEach((arrival, i) => {
      if (scenario.catalogue.some((goods) => goods.channels === undefined || goods.channels.includes(arrival.channel))) return;
      ctx.addIssue({ code: 'custom', path: ['arrivals', i, 'channel'], input: arrival.channel, message: `has no goods in the catalogue to sell: list ${arrival.channel} in the channels of at least one product, or drop this stream.` });
    });
  });

/** A scenario after validation, with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;

/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
