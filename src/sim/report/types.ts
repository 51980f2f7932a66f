/**
 * The report of a run: what happened per channel, at customs and in the ledgers, and a
 * reconciliation that proves every order is accounted for. Amounts are decimal text (fen);
 * durations are in minutes; all key orders are fixed so the JSON is byte-stable.
 */
import type { PercentileSummary } from '../metrics/histogram.js';

/** Durations in minutes: count, min, p50, p90, p99, max, mean. */
export type DurationSummary = PercentileSummary;

/** Taxes assessed on released import lists, less those voided by returns (CNY, fen). */
export interface TaxTotals {
  readonly customsDuty: string;
  readonly vat: string;
  readonly consumptionTax: string;
  readonly total: string;
}

/** One channel's figures. */
export interface ChannelReport {
  readonly channel: string;
  readonly orders: number;
  /** Orders by the state they ended in, or were in at the horizon (`in flight: <state>`). */
  readonly byState: Readonly<Record<string, number>>;
  readonly terminal: number;
  readonly inFlight: number;
  /** List declaration to release, minutes. */
  readonly clearance: DurationSummary;
  /** Order placed to delivery (import) or departure (export), minutes. */
  readonly leadTime: DurationSummary;
  readonly listsDeclared: number;
  readonly reviewRate: number;
  readonly inspectionRate: number;
  /** Orders whose list customs refused (100), by reason code; they add up to the refusing final states (`rejected`, `arrivalLapsed`). */
  readonly rejections: Readonly<Record<string, number>>;
  readonly taxes: TaxTotals;
  /** Orders refused for the buyer's annual limit: `rejections['quota-exceeded']`. */
  readonly quotaRefusals: number;
  /** Events the machine did not accept in its state (should be zero). */
  readonly transitionErrors: number;
  /** Lists released within each clearance time, minutes (the last bucket is open-ended: `upToMinutes` null). */
  readonly clearanceBuckets: readonly { readonly upToMinutes: number | null; readonly lists: number }[];
  /** Orders created per simulated hour (Shanghai), hours with none left out. */
  readonly ordersPerHour: readonly { readonly hour: string; readonly orders: number }[];
}

/** Customs as a resource. */
export interface CustomsReport {
  /** Time-weighted mean and maximum number of lists waiting for a decision. */
  readonly queue: { readonly mean: number; readonly max: number };
  /** Lists waiting for a decision at the end of each simulated hour (Shanghai), while arrivals last. */
  readonly hourlyQueue: readonly { readonly hour: string; readonly lists: number; readonly utilisation: number }[];
  /** Share of open capacity used. */
  readonly utilisation: number;
  readonly decisions: number;
}

/** The bonded account book over time. */
export interface BondedReport {
  /** Stock (units, all item records) at the end of each simulated day. */
  readonly dailyStock: readonly { readonly date: string; readonly units: number }[];
  readonly replenishments: number;
  readonly shortages: number;
}

/** Monthly export summary declarations (CEB701 -> CEB792). */
export interface ExportSummaryReport {
  readonly applications: number;
  readonly lists: number;
  readonly deadlines: readonly string[];
}

/** One reconciliation check. */
export interface ReconciliationCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Proof that nothing was lost. */
export interface Reconciliation {
  readonly ok: boolean;
  readonly ordersCreated: number;
  readonly terminal: number;
  readonly inFlight: number;
  readonly checks: readonly ReconciliationCheck[];
}

/** A figure that needs explaining: one reason refused more than a tenth of a channel's orders. */
export interface ReportWarning {
  readonly channel: string;
  /** The refusal reason code. */
  readonly reason: string;
  /** Orders it refused. */
  readonly orders: number;
  /** Their share of the channel's orders, 0 to 1. */
  readonly share: number;
  /** What happened and what to change, in a sentence or two. */
  readonly message: string;
}

/** The whole report of a run. */
export interface Report {
  readonly scenario: {
    readonly name: string;
    readonly seed: number;
    /** When arrivals start, Shanghai time with its offset: `'2019-11-09T00:00:00+08:00'`. */
    readonly start: string;
    /** When arrivals stop, Shanghai time with its offset. */
    readonly horizon: string;
    /** The simulated instant of the report (the end of the drain period, or of an aborted run), Shanghai time with its offset. */
    readonly end: string;
    readonly rules: string;
    /** Where rates came from beyond products' own: the scenario's tariff and the built-in rows. */
    readonly tariff: string;
    /** The positive-list check: on with its version and size, or off (no list given, nothing refused on that ground). */
    readonly positiveList: string;
    /** The partitions the run was split into, when more than one (the report depends on it; the number of worker threads never shows). */
    readonly shards?: number;
    /** The international leg of 9610 import parcels, when the run has any: part of their lead time. */
    readonly directMail?: { readonly origin: string; readonly carrier: string; readonly mode: string };
  };
  readonly runner: string;
  readonly totals: { readonly orders: number; readonly terminal: number; readonly inFlight: number; readonly events: number };
  readonly channels: readonly ChannelReport[];
  readonly customs: CustomsReport;
  readonly bonded: BondedReport;
  readonly exportSummary: ExportSummaryReport;
  /** Refusal reasons that stopped more than a tenth of a channel's orders; empty when none did. */
  readonly warnings: readonly ReportWarning[];
  readonly reconciliation: Reconciliation;
  /**
   * Present only when the run was stopped before its end (its `signal` aborted): every shard was
   * simulated at least up to `simulatedUntil` (ISO instant), and the orders then unfinished are
   * counted as in flight.
   */
  readonly partial?: { readonly simulatedUntil: string };
}
