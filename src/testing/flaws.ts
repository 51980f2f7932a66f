import type { ChannelId } from '../channels/registry.js';
import type { ReasonCode } from '../customs/reasons.js';
import { channelFacts } from './channel-facts.js';

/**
 * An inconsistency planted in an order's documents, named by the reason code the three-document
 * matcher refuses it with:
 * - `payer-mismatch`: someone other than the buyer paid (import)
 * - `amount-mismatch`: the amount paid is one fen off goods + freight + tax − discount
 * - `payment-missing`: no payment record was filed (retail channels)
 * - `waybill-order-mismatch`: the waybill names another order
 * - `list-mismatch`: the list names another waybill
 * - `ebp-mismatch`: the list names another platform
 */
export type DocumentFlaw = Extract<ReasonCode, 'payer-mismatch' | 'amount-mismatch' | 'payment-missing' | 'waybill-order-mismatch' | 'list-mismatch' | 'ebp-mismatch'>;

const ALL: readonly DocumentFlaw[] = ['payer-mismatch', 'amount-mismatch', 'payment-missing', 'waybill-order-mismatch', 'list-mismatch', 'ebp-mismatch'];

/**
 * The flaws a channel's documents can carry: B2B channels have no payment record, and only
 * import payments name the buyer.
 *
 * @example
 * ```ts
 * flawsFor('9710'); // ['amount-mismatch', 'waybill-order-mismatch', 'list-mismatch', 'ebp-mismatch']
 * ```
 */
export function flawsFor(id: ChannelId): readonly DocumentFlaw[] {
  const facts = channelFacts(id);
  return ALL.filter((flaw) => (flaw !== 'payer-mismatch' || facts.orderType === 'I') && (flaw !== 'payment-missing' || !facts.b2b));
}
