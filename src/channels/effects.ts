/**
 * What a channel transition produces besides its next state: receipts for the runner to turn into
 * CEB receipt messages, and movements of the side ledgers (bonded account book, annual quota,
 * tax bills, export summary, export rebate). Machines emit them with xstate `emit`; a runner
 * listens with `actor.on('*', ...)`, or reads them from a pure step with {@link effectsOf}.
 */
import { transition } from 'xstate';
import type { AnyStateMachine, EventFromLogic, SnapshotFrom } from 'xstate';
import type { Money } from '../money/money.js';
import type { Receipt } from '../customs/receipts.js';
import type { TaxAssessment } from '../rules/types.js';

/** A quantity of one account-book item (itemRecordNo) in its declared unit. */
export interface StockLine {
  readonly itemRecordNo: string;
  readonly quantity: Money;
}

/**
 * A movement of the bonded account book (账册) under `emsNo`: `credit` on entry into the zone,
 * `reserve` on declaration, `deduct` on release, `restore` on cancellation or return. `ref` is the
 * list's copNo (or the entry number for a credit); the book is idempotent per ref and op.
 */
export interface StockMovement {
  readonly type: 'stock';
  readonly op: 'credit' | 'reserve' | 'deduct' | 'restore';
  readonly ref: string;
  readonly emsNo: string;
  readonly lines: readonly StockLine[];
  readonly at: number;
}

/**
 * A movement of the buyer's annual quota (import retail): `reserve` when customs accepts the list,
 * `commit` on release, `restore` on cancellation, refusal after acceptance, or return. The runner
 * applies it to a `QuotaLedger`; if `reserve` is refused it sends `QUOTA_REFUSED`.
 */
export interface QuotaMovement {
  readonly type: 'quota';
  readonly op: 'reserve' | 'commit' | 'restore';
  readonly invtNo: string;
  readonly buyerId: string;
  /** Counted against the annual limit: goods + freight + insurance. */
  readonly amount: Money;
  readonly at: number;
}

/** The electronic tax bill (CEB816): `issue` on the customs decision (status 1), `void` (status 3) when the list is cancelled, stopped or returned. */
export interface TaxBillEffect {
  readonly type: 'tax-bill';
  readonly op: 'issue' | 'void';
  readonly invtNo: string;
  readonly orderNo: string;
  /** The assessment the decision carried (on `issue`). */
  readonly tax?: TaxAssessment;
  readonly at: number;
}

/** A released retail export list, to be summarised in the month's CEB701 (see `customs/summary`). */
export interface SummaryEffect {
  readonly type: 'export-summary';
  readonly invtNo: string;
  readonly orderNo: string;
  readonly at: number;
}

/** An export VAT rebate trigger: 1210 goods count as exported when they enter the zone (入区即退税 [M]). */
export interface RebateEffect {
  readonly type: 'rebate';
  readonly ref: string;
  readonly orderNo: string;
  readonly at: number;
}

/** Anything a channel transition emits. */
export type ChannelEffect = Receipt | StockMovement | QuotaMovement | TaxBillEffect | SummaryEffect | RebateEffect;

/**
 * The effects a transition produces, computed without running an actor: the emitted events of
 * `transition(machine, snapshot, event)`, in order. The event may be refused (no effects then).
 *
 * @example
 * ```ts
 * const [snapshot] = initialTransition(machine, { order });
 * effectsOf(machine, snapshot, { type: 'ORDER_FILED', at }); // [{ type: 'receipt', message: 'CEB312', status: 2, at }]
 * ```
 */
export function effectsOf<M extends AnyStateMachine>(machine: M, snapshot: SnapshotFrom<M>, event: EventFromLogic<M>): ChannelEffect[] {
  const actions: readonly { readonly type: string; readonly params?: unknown }[] = transition(machine, snapshot, event)[1];
  return actions.flatMap((a) => (a.type === 'xstate.emit' ? [(a.params as { event: ChannelEffect }).event] : []));
}
