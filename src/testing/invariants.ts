/**
 * The invariants together: one object to call them by name, one function to check whatever
 * evidence a run left, and one to fail a test with every violation at once.
 */
import type { LedgerEntry } from '../channels/bonded/ledger.js';
import type { QuotaMovement } from '../channels/effects.js';
import type { TransitionRecord } from '../sim/log.js';
import type { Report } from '../sim/report/types.js';
import { ledgerNeverNegative } from './ledger-non-negative.js';
import { everyOrderAccountedFor } from './orders-accounted.js';
import { quotaWithinLimit, type QuotaLimitOptions } from './quota-limit.js';
import { receiptsInAllowedOrder } from './receipt-order.js';
import { releaseNeedsMatchedDocuments } from './release-matched.js';
import { taxesExact, type TaxedOrder } from './taxes-exact.js';
import { InvariantError, type Violation } from './violation.js';

/**
 * Every invariant of the kit, by name. Each takes what a run left (a report, a log, ledger
 * movements, tax assessments) and returns its violations, empty when it holds.
 *
 * @example
 * ```ts
 * import { invariants } from 'cbec-sim/testing';
 * expect(invariants.receiptsInAllowedOrder(records)).toEqual([]);
 * ```
 */
export const invariants = {
  /** The same as {@link everyOrderAccountedFor}. */
  everyOrderAccountedFor,
  /** The same as {@link releaseNeedsMatchedDocuments}. */
  releaseNeedsMatchedDocuments,
  /** The same as {@link receiptsInAllowedOrder}. */
  receiptsInAllowedOrder,
  /** The same as {@link quotaWithinLimit}. */
  quotaWithinLimit,
  /** The same as {@link ledgerNeverNegative}. */
  ledgerNeverNegative,
  /** The same as {@link taxesExact}. */
  taxesExact,
} as const;

/** What a run left behind; give what you have, each part is checked by the invariants that read it. */
export interface RunEvidence {
  readonly report?: Report;
  /** The transition log (NDJSON records), or `stepRecords` of driven orders. */
  readonly log?: Iterable<TransitionRecord>;
  /** Quota movements the ledger applied, and the limit to hold them to. */
  readonly quota?: { readonly movements: Iterable<QuotaMovement> } & QuotaLimitOptions;
  /** The bonded account book's entries, as `new BondedLedger({ onEntry })` hands them to its listener. */
  readonly ledger?: Iterable<LedgerEntry>;
  readonly taxes?: Iterable<TaxedOrder>;
}

/**
 * Runs every invariant the evidence allows and returns all their violations.
 *
 * @example
 * ```ts
 * checkInvariants({ report, log: records }); // []
 * ```
 */
export function checkInvariants(evidence: RunEvidence): Violation[] {
  const log = evidence.log === undefined ? undefined : [...evidence.log];
  return [
    ...(evidence.report ? everyOrderAccountedFor(evidence.report) : []),
    ...(log ? [...releaseNeedsMatchedDocuments(log), ...receiptsInAllowedOrder(log)] : []),
    ...(evidence.quota ? quotaWithinLimit(evidence.quota.movements, evidence.quota) : []),
    ...(evidence.ledger ? ledgerNeverNegative(evidence.ledger) : []),
    ...(evidence.taxes ? taxesExact(evidence.taxes) : []),
  ];
}

/**
 * Like {@link checkInvariants}, but throws an {@link InvariantError} listing every violation.
 *
 * @throws {@link InvariantError} when any invariant is broken
 * @example
 * ```ts
 * const report = await sim.run({ log });
 * assertInvariants({ report, log: records });
 * ```
 */
export function assertInvariants(evidence: RunEvidence): void {
  const violations = checkInvariants(evidence);
  if (violations.length > 0) throw new InvariantError(violations);
}
