/**
 * How the sandbox's customs behaves when no script says otherwise: the outcome rates and
 * durations of a scenario. Without a scenario every rate is zero (each order takes the happy path
 * unless its script forces another) and the durations are the scenario defaults.
 */
import { parseScenario } from '../sim/scenario/load.js';
import type { Duration, Scenario } from '../sim/scenario/schema.js';
import { MS, toEpoch } from '../sim/clock.js';

/** The rates and durations the sandbox draws outcomes from. */
export interface SandboxBehaviour {
  /** Customs district of the list numbers it gives (JGS/T 18). */
  readonly customsCode: string;
  /** Where a manual clock starts, epoch ms (the scenario's start). */
  readonly start: number;
  readonly reviewRate: number;
  readonly inspectionRate: number;
  /** Of inspected lists, the share detained. */
  readonly detentionRate: number;
  /** Of inspected import lists, the share re-exported. */
  readonly reexportRate: number;
  /** Declarations whose forwarding to customs fails (receipt 4); the sender must send again. */
  readonly sendFailureRate: number;
  /** How long a declared list waits for its documents before it is refused (100). */
  readonly documentWaitMs: number;
  readonly review: Duration;
  readonly inspection: Duration;
  /** From the goods leaving the site to delivery, unless the carrier reports it first (CEB513). */
  readonly domesticDelivery: Duration;
  /** Stock credited to an account-book item the first time a list names it. */
  readonly initialStock: number;
}

/** Where a manual clock starts when no scenario is given: 2024-01-15 09:00 in Shanghai. */
export const DEFAULT_SANDBOX_START: number = toEpoch('2024-01-15T09:00:00+08:00');

/** The behaviour of `scenario`, or the all-happy default. */
export function behaviourOf(scenario?: Scenario): SandboxBehaviour {
  const s = scenario ?? parseScenario({ start: DEFAULT_SANDBOX_START, arrivals: [{ channel: '9610-import', ordersPerDay: 0 }], catalogue: [{ itemNo: 'X', itemName: 'X', hsCode: '3304990000', unit: '011', originCountry: '116', minPrice: '1', maxPrice: '1' }] });
  const rates = scenario === undefined ? 0 : 1;
  return {
    customsCode: s.customsCode,
    start: s.start,
    reviewRate: rates * s.customs.reviewRate,
    inspectionRate: rates * s.customs.inspectionRate,
    detentionRate: rates * s.customs.detentionRate,
    reexportRate: rates * s.customs.reexportRate,
    sendFailureRate: rates * s.carrier.sendFailureRate,
    documentWaitMs: s.customs.documentWaitMinutes * MS.minute,
    review: s.customs.review,
    inspection: s.customs.inspection,
    domesticDelivery: s.carrier.domesticDelivery,
    initialStock: s.bonded.initialStock,
  };
}
