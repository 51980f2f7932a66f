import { describe, expect, it } from 'vitest';
import { BondedLedger } from '../../src/channels/bonded/ledger.js';
import { ValidationError } from '../../src/domain/errors.js';
import { money } from '../../src/money/money.js';

const EMS = 'T5141W000001';
const lines = (qty: number) => [{ itemRecordNo: '7', quantity: money(qty) }];

function stocked(qty = 10): BondedLedger {
  const book = new BondedLedger();
  book.credit({ op: 'credit', ref: 'ENTRY-1', emsNo: EMS, lines: lines(qty), at: 1 });
  return book;
}

describe('bonded account book', () => {
  it('credits on entry, reserves on declaration, deducts on release', () => {
    const book = stocked();
    expect(book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 })).toEqual({ ok: true });
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(10), reserved: money(3), available: money(7) });
    book.deduct('COP-1', 3);
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(7), reserved: money(0), available: money(7) });
    expect(book.entries.map((e) => `${e.op}:${e.ref}`)).toEqual(['credit:ENTRY-1', 'reserve:COP-1', 'deduct:COP-1']);
  });

  it('refuses a reservation above the available stock and changes nothing (never negative)', () => {
    const book = stocked(2);
    const result = book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.shortages[0]?.available.toString()).toBe('2');
    expect(book.balance(EMS, '7').reserved.toString()).toBe('0');
  });

  it('restores a reservation (cancel) and a deduction (return)', () => {
    const book = stocked();
    book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 });
    book.restore('COP-1', 3);
    expect(book.balance(EMS, '7').available.toString()).toBe('10');
    book.reserve({ op: 'reserve', ref: 'COP-2', emsNo: EMS, lines: lines(4), at: 4 });
    book.deduct('COP-2', 5);
    book.restore('COP-2', 6);
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(10), reserved: money(0) });
  });

  it('is idempotent per reference', () => {
    const book = stocked();
    book.credit({ op: 'credit', ref: 'ENTRY-1', emsNo: EMS, lines: lines(10), at: 1 });
    book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 });
    book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 });
    book.deduct('COP-1', 3);
    book.deduct('COP-1', 3);
    book.restore('COP-1', 4);
    book.restore('COP-1', 4);
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(10), reserved: money(0) });
    expect(book.entries).toHaveLength(4);
  });

  it('applies the stock movements a machine emits', () => {
    const book = new BondedLedger();
    book.apply({ type: 'stock', op: 'credit', ref: 'E', emsNo: EMS, lines: lines(1), at: 1 });
    expect(book.apply({ type: 'stock', op: 'reserve', ref: 'C', emsNo: EMS, lines: lines(2), at: 2 }).ok).toBe(false);
  });

  it('refuses movements without an item record or with a non-positive quantity', () => {
    const book = new BondedLedger();
    expect(() => book.credit({ op: 'credit', ref: 'E', emsNo: EMS, lines: [{ itemRecordNo: '', quantity: money(0) }], at: 1 })).toThrow(ValidationError);
  });
});
