import type { LedgerEntry } from '../channels/bonded/ledger.js';
import { ZERO, type Money } from '../money/money.js';
import type { Violation } from './violation.js';

interface Item {
  onHand: Money;
  reserved: Money;
}

/**
 * The bonded account book is never negative: replaying its entries in order (what `new BondedLedger({ onEntry })` hands its listener:
 * credit adds stock on hand, reserve holds some of it, deduct takes the held stock out on
 * release, restore gives a reservation or a deduction back), no item of any book ever has
 * negative stock on hand, negative reserved stock, or more reserved than on hand.
 *
 * @returns one violation per entry after which an item went negative
 * @example
 * ```ts
 * const journal: LedgerEntry[] = [];
 * const book = new BondedLedger({ onEntry: (entry) => journal.push(entry) });
 * // ... apply the run's stock movements ...
 * ledgerNeverNegative(journal); // []
 * ```
 */
export function ledgerNeverNegative(entries: Iterable<LedgerEntry>): Violation[] {
  const found: Violation[] = [];
  const items = new Map<string, Item>();
  const refs = new Map<string, 'reserved' | 'deducted' | 'restored'>();
  for (const entry of entries) {
    const before = refs.get(entry.ref);
    for (const line of entry.lines) {
      const key = `${entry.emsNo} item ${line.itemRecordNo}`;
      const item = items.get(key) ?? { onHand: ZERO, reserved: ZERO };
      items.set(key, item);
      const q = line.quantity;
      if (entry.op === 'credit') item.onHand = item.onHand.plus(q);
      if (entry.op === 'reserve') item.reserved = item.reserved.plus(q);
      if (entry.op === 'deduct') {
        item.reserved = item.reserved.minus(q);
        item.onHand = item.onHand.minus(q);
      }
      if (entry.op === 'restore' && before === 'deducted') item.onHand = item.onHand.plus(q);
      if (entry.op === 'restore' && before !== 'deducted') item.reserved = item.reserved.minus(q);
      const available = item.onHand.minus(item.reserved);
      if (item.onHand.isNegative() || item.reserved.isNegative() || available.isNegative()) {
        found.push({
          invariant: 'ledger-never-negative',
          subject: key,
          message: `after ${entry.op} ${entry.ref}, ${key} has ${item.onHand.toString()} on hand, ${item.reserved.toString()} reserved, ${available.toString()} available.`,
        });
      }
    }
    if (entry.op !== 'credit') refs.set(entry.ref, entry.op === 'reserve' ? 'reserved' : entry.op === 'deduct' ? 'deducted' : 'restored');
  }
  return found;
}
