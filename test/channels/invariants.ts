/**
 * A test runner's side of the channel machines: side ledgers that apply the effects, and the
 * invariants checked after every step.
 */
import { expect } from 'vitest';
import { BondedLedger } from '../../src/channels/bonded/ledger.js';
import type { ChannelSnapshot } from '../../src/channels/drive.js';
import type { ChannelEffect } from '../../src/channels/effects.js';
import type { ChannelEvent } from '../../src/channels/events.js';
import type { Channel } from '../../src/channels/registry.js';
import { matchDocuments } from '../../src/customs/matching.js';
import { receiptOrderProblem, ReceiptStatus } from '../../src/customs/receipts.js';
import type { Receipt, ReceiptMessage } from '../../src/customs/receipts.js';
import { money } from '../../src/money/money.js';
import { EMS_NO, TestQuotaLedger } from './fixtures.js';

const LIST_MESSAGES: readonly ReceiptMessage[] = ['CEB622', 'CEB604', 'H2018'];

/** The ledgers a runner keeps beside the machines. */
export class SideLedgers {
  readonly stock = new BondedLedger();
  readonly quota = new TestQuotaLedger();
  readonly taxBills = new Map<string, 'issued' | 'void'>();
  readonly receipts: Receipt[] = [];
  readonly summary: string[] = [];

  constructor(bondedImport: boolean) {
    if (bondedImport) this.stock.credit({ op: 'credit', ref: 'FIRST-LINE-1', emsNo: EMS_NO, lines: [{ itemRecordNo: '1', quantity: money(10) }, { itemRecordNo: '2', quantity: money(10) }], at: 0 });
  }

  #stockRef = '';
  #invtNo = '';

  /**
   * Applies the effects of one event. A refusal event (STOCK_SHORTAGE, QUOTA_REFUSED) means the
   * ledger refused the last reservation: it is taken back, as if it had never been made.
   */
  apply(effects: readonly ChannelEffect[], event: ChannelEvent['type']): void {
    if (event === 'STOCK_SHORTAGE') this.stock.restore(this.#stockRef, 0);
    if (event === 'QUOTA_REFUSED') this.quota.restore(this.#invtNo);
    for (const e of effects) {
      if (e.type === 'receipt') this.receipts.push(e);
      else if (e.type === 'stock') {
        if (e.op === 'reserve') this.#stockRef = e.ref;
        expect(this.stock.apply(e).ok).toBe(true);
      } else if (e.type === 'quota') {
        if (e.op === 'reserve') {
          this.#invtNo = e.invtNo;
          expect(this.quota.reserve(e).ok).toBe(true);
        }
        if (e.op === 'commit') this.quota.commit(e.invtNo);
        if (e.op === 'restore') this.quota.restore(e.invtNo);
      } else if (e.type === 'tax-bill') {
        expect(this.taxBills.get(e.invtNo)).toBe(e.op === 'issue' ? undefined : 'issued');
        this.taxBills.set(e.invtNo, e.op === 'issue' ? 'issued' : 'void');
      } else if (e.type === 'export-summary') this.summary.push(e.invtNo);
    }
  }
}

/** Every invariant, after one step of `channel`. */
export function checkInvariants(channel: Channel, snapshot: ChannelSnapshot, ledgers: SideLedgers, probes: readonly ChannelEvent[]): void {
  const { context } = snapshot;
  const required = channel.id === '9710' || channel.id === '9810' ? (['order', 'waybill'] as const) : (['order', 'payment', 'waybill'] as const);

  // No release without the required documents stored and matched.
  if (ledgers.receipts.some((r) => LIST_MESSAGES.includes(r.message) && r.status === ReceiptStatus.Released)) {
    expect(required.every((d) => context.acked.includes(d))).toBe(true);
    expect(matchDocuments({ order: context.order, payment: context.docs.payment, waybill: context.docs.waybill, list: context.docs.list }, { required })).toEqual([]);
  }

  // Each message's receipts in the allowed order.
  const byMessage = new Map<ReceiptMessage, ReceiptStatus[]>();
  for (const r of ledgers.receipts) byMessage.set(r.message, [...(byMessage.get(r.message) ?? []), r.status]);
  for (const [message, statuses] of byMessage) expect(receiptOrderProblem(message, statuses), `${message}: ${statuses.join(',')}`).toBeUndefined();

  // Ledgers agree with what the machine holds, and stock is never negative.
  const list = context.docs.list;
  for (const item of ['1', '2']) {
    const b = ledgers.stock.balance(EMS_NO, item);
    expect(b.available.gte(0) && b.reserved.gte(0) && b.onHand.gte(0)).toBe(true);
  }
  if (list !== undefined && context.held.stock === 'reserved') expect(ledgers.stock.balance(EMS_NO, '1').reserved.toString()).toBe('2');
  if (context.held.stock === 'none') expect(ledgers.stock.balance(EMS_NO, '1').reserved.toString()).toBe('0');
  expect(ledgers.quota.state(context.invtNo ?? '')).toBe(context.held.quota);
  const billed = [...ledgers.taxBills.values()].filter((s) => s === 'issued').length;
  expect(billed).toBe(context.held.taxBill ? 1 : 0);

  // Terminal states are final: a state that accepts nothing is done, and a done order holds no reservation.
  const accepts = probes.some((event) => snapshot.can(event));
  expect(snapshot.status === 'done').toBe(!accepts);
  if (snapshot.status === 'done') expect(context.held.stock === 'reserved' || context.held.quota === 'reserved').toBe(false);
}
