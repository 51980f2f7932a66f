/**
 * The scenario file: everything a run needs, validated at the boundary. Every field has a
 * default; where the default is a fact from docs/domain.md the comment says so, otherwise it is an
 * assumption [A] chosen to give plausible volumes, and a scenario can override it.
 */
import { z } from 'zod';
import { hsCodeField, countryField, instantField, unitField } from '../../domain/fields.js';
import { money } from '../../money/money.js';
import { CHANNEL_IDS, type ChannelId } from '../../channels/registry.js';
import { MAX_SHARDS, shardCountIssues } from '../shard/plan.js';
import { between, calendarDateField, ordersPerDayField, plainText, positiveUpTo, probabilityUpTo, scenarioRangeIssues, SCENARIO_LIMITS as L, wholeBetween } from './ranges.js';
import { measureSchema, ownRatesSchema, tariffRowSchema, type TariffRowData } from '../../rules/tariff-schema.js';
import { positiveListSchema, type PositiveListData } from '../../rules/positive-list.js';
import { RULE_SETS } from '../../rules/rule-sets.js';

const CHANNEL_ENUM = /* @__PURE__ */ z.enum(CHANNEL_IDS as [ChannelId, ...ChannelId[]]);

const probability = /* @__PURE__ */ probabilityUpTo(1);
const minutesField = /* @__PURE__ */ positiveUpTo(L.durationMinutes);
/** Decimal text of at most 8 digits and 2 decimals, no more than the price limit. */
const isPrice = (s: string): boolean => /^\d{1,8}(\.\d{1,2})?$/.test(s) && money(s).lessThanOrEqualTo(L.price);
const priceText = /* @__PURE__ */ (() =>
  z.string().refine(isPrice, `must be an amount in CNY as decimal text with at most two decimals, from 0 to ${L.price}, e.g. '199.00'`))();

/** A duration distribution in minutes: lognormal by median and spread, or fixed. */
export const durationSchema = /* @__PURE__ */ (() =>
  z.union([
    z.object({ medianMinutes: minutesField, sigma: between(0, L.sigma).default(0.5) }).strict(),
    z.object({ fixedMinutes: between(0, L.durationMinutes) }).strict(),
  ]))();

/** A duration distribution as read from a scenario. */
export type Duration = z.output<typeof durationSchema>;

const minutes = (median: number, sigma = 0.5) => ({ medianMinutes: median, sigma });

const arrivalSchema = /* @__PURE__ */ (() =>
  z
    .object({
      channel: CHANNEL_ENUM,
      /** Mean orders per day before profiles and peaks. */
      ordersPerDay: ordersPerDayField,
      /** Relative weight of each hour of the day (Shanghai), 24 numbers. [A] evening-heavy retail curve. */
      hourProfile: z.array(between(0, L.profileWeight)).length(24, 'must have 24 numbers, one per hour from 00:00').optional(),
      /** Relative weight of each weekday, Monday first, 7 numbers. */
      weekdayProfile: z.array(between(0, L.profileWeight)).length(7, 'must have 7 numbers, Monday first').optional(),
    })
    .strict())();

const peakSchema = /* @__PURE__ */ (() =>
  z.object({ date: calendarDateField, multiplier: positiveUpTo(L.peakMultiplier) }).strict())();

const goodsSchema = /* @__PURE__ */ (() =>
  z
    .object({
      itemNo: plainText(30),
      itemName: plainText(250),
      hsCode: hsCodeField([10]),
      unit: unitField,
      originCountry: countryField,
      minPrice: priceText,
      maxPrice: priceText,
      /** Relative popularity. */
      weight: positiveUpTo(L.profileWeight).default(1),
      /** Channels that sell it; all when absent. */
      channels: z.array(CHANNEL_ENUM).optional(),
      /** Its own rates, each overriding the tariffs (product rates > the scenario's tariff > built-in rows). */
      rates: ownRatesSchema.optional(),
      /** What one unit holds (a 50 ml bottle), for specific consumption taxes and per-quantity high-end tests. */
      measure: measureSchema.optional(),
    })
    .strict()
    .refine((g) => !isPrice(g.minPrice) || !isPrice(g.maxPrice) || money(g.minPrice).lessThanOrEqualTo(money(g.maxPrice)), { message: 'minPrice must not exceed maxPrice', path: ['maxPrice'] }))();

/** The scenario schema (zod). `scenario.schema.json` is generated from it. */
export const scenarioSchema = /* @__PURE__ */ (() =>
  z
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
      /**
       * The retail-import rule set in force for the whole run, by id (`RULES_POSTAL`, `RULES_2016`,
       * `RULES_2019`): `RULES_2016` runs a 2019 peak week under the 2016 limits. When absent, each
       * simulated day uses the built-in set in force on it.
       */
      rules: z.enum(RULE_SETS.map((r) => r.id) as [string, ...string[]], { message: `must be the id of a built-in rule set: ${RULE_SETS.map((r) => r.id).join(', ')}` }).optional(),
      /** Customs district (JGS/T 18). [P] 5141 is used for Guangzhou in peer samples. */
      customsCode: z.string().regex(/^[0-9A-Z]{4}$/, 'must be a 4-character customs district code').default('5141'),
      /**
       * Working days for customs opening hours and deadlines. By default China's official public
       * holidays and make-up working days (2004 onwards, as announced; other years have weekends
       * only); `holidays` and `workdays` listed here win over them.
       */
      calendar: z
        .object({
          /** Follow China's official holidays and make-up working days. */
          official: z.boolean().default(true),
          /** Extra days off, 'YYYY-MM-DD'. */
          holidays: z.array(calendarDateField).max(L.listLength).default([]),
          /** Extra working days, 'YYYY-MM-DD' (a weekend worked in exchange, say). */
          workdays: z.array(calendarDateField).max(L.listLength).default([]),
        })
        .strict()
        .default({ official: true, holidays: [], workdays: [] }),
      arrivals: z.array(arrivalSchema).min(1, 'must list at least one channel with its arrival rate').max(64),
      peaks: z.array(peakSchema).max(L.listLength).default([]),
      catalogue: z.array(goodsSchema).min(1, 'must list at least one product').max(L.listLength),
      /** The user's tariff: a CSV or JSON file (relative to the scenario file) or inline rows; consulted after a product's own rates, before the built-in rows. */
      tariff: z.union([z.string().min(1), z.array(tariffRowSchema)]).optional(),
      /** The CBEC positive list (a JSON file or inline); retail imports of goods off it are refused. Without it, nothing is refused on that ground. */
      positiveList: z.union([z.string().min(1), positiveListSchema]).optional(),
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
          /** Share of lists inspected (500). No official figure (docs/domain.md §5) [A]. */
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
      /**
       * The international leg of 9610 direct-mail imports: the parcel travels from abroad to the port
       * before its list is declared (bonded goods have no such leg). Transit times by origin, carrier
       * and mode are assumptions [A] (docs/domain.md); `transit` overrides them.
       */
      directMail: z
        .object({
          /** Where parcels ship from: a country code, or 'goods' for the origin of the order's first line. [A] */
          origin: z.union([z.literal('goods'), countryField]).default('goods'),
          /** 'express' (a courier's own network) or 'postal' (postal lines such as EMS). [A] */
          carrier: z.enum(['express', 'postal']).default('express'),
          /** 'air' or 'sea'. [A] */
          mode: z.enum(['air', 'sea']).default('air'),
          /** Transit from the order to the port, replacing the table's figure. */
          transit: durationSchema.optional(),
        })
        .strict()
        .default({ origin: 'goods', carrier: 'express', mode: 'air' }),
      bonded: z
        .object({
          /**
           * 'look-ahead': stock up before the run and reorder from the demand the arrival plan
           * (peaks included) makes expected, never below the fixed figures below; 'fixed': exactly
           * the figures below. Bonded warehouses stock up weeks before a peak [M]; the rest is [A].
           */
          policy: z.enum(['look-ahead', 'fixed']).default('look-ahead'),
          /** Stock per item record at the start (look-ahead: at least this). [A] */
          initialStock: wholeBetween(0, L.stockUnits).default(5_000),
          /** Reorder when stock falls to this (look-ahead: at least this). [A] */
          reorderPoint: wholeBetween(0, L.stockUnits).default(500),
          /** Units per reorder (look-ahead: at least this). [A] */
          reorderQuantity: wholeBetween(1, L.stockUnits).default(5_000),
          /** First-line entry lead time. [M] about 1 to 3 weeks. */
          replenishment: durationSchema.default(minutes(7 * 24 * 60)),
          /** Look-ahead: days of expected demand stock must cover beyond the replenishment lead time. [A] */
          coverDays: z.number().min(0).default(14),
          /** Look-ahead: share added to expected demand as safety stock. [A] */
          safety: z.number().min(0).max(10).default(0.2),
        })
        .strict()
        .default({ policy: 'look-ahead', initialStock: 5_000, reorderPoint: 500, reorderQuantity: 5_000, replenishment: minutes(7 * 24 * 60), coverDays: 14, safety: 0.2 }),
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
    }))();

/**
 * A scenario after validation, with every default filled in, and its reference data read: the
 * tariff's rows (from the file or inline, each naming its origin) and the positive list.
 */
export type Scenario = Omit<z.output<typeof scenarioSchema>, 'tariff' | 'positiveList'> & {
  readonly tariff?: readonly TariffRowData[];
  readonly positiveList?: PositiveListData;
};

/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
