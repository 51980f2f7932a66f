/** What an invariant reports, and the error that carries every report. */

/** The invariants of the kit, by name. */
export type InvariantName =
  | 'every-order-accounted-for'
  | 'release-needs-matched-documents'
  | 'receipts-in-allowed-order'
  | 'quota-within-limit'
  | 'ledger-never-negative'
  | 'taxes-exact';

/** One broken invariant: which, about what (an order, a channel, a buyer, an item), and a sentence. */
export interface Violation {
  readonly invariant: InvariantName;
  /** The order number, channel, buyer or account-book item the violation is about. */
  readonly subject: string;
  /** What went wrong, as a sentence a reader can act on. */
  readonly message: string;
}

/**
 * Thrown by `assertInvariants` when any invariant is broken; the message lists every violation.
 *
 * @example
 * ```ts
 * try { assertInvariants({ log }); } catch (e) { if (e instanceof InvariantError) e.violations.length; }
 * ```
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
  /** Every violation found, never empty. */
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[]) {
    const lines = violations.map((v) => `  - [${v.invariant}] ${v.subject}: ${v.message}`);
    super(`${violations.length} invariant violation${violations.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.violations = violations;
  }
}
