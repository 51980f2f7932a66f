import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { BondedLedger, type LedgerEntry } from '../../src/channels/bonded/ledger.js';
import { ValidationError } from '../../src/domain/errors.js';
import { money } from '../../src/money/money.js';

const EMS = 'T5141W000001';
const lines = (qty: number) => [{ itemRecordNo: '7', quantity: money(qty) }];

function stocked(qty = 10, journal: LedgerEntry[] = []): BondedLedger {
  const book = new BondedLedger({ onEntry: (entry) => journal.push(entry) });
  book.credit({ op: 'credit', ref: 'ENTRY-1', emsNo: EMS, lines: lines(qty), at: 1 });
  return book;
}

describe('bonded account book', () => {
  it('credits on entry, reserves on declaration, deducts on release', () => {
    const journal: LedgerEntry[] = [];
    const book = stocked(10, journal);
    expect(book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 })).toEqual({ ok: true });
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(10), reserved: money(3), available: money(7) });
    book.deduct('COP-1', 3);
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(7), reserved: money(0), available: money(7) });
    expect(journal.map((e) => `${e.op}:${e.ref}@${e.at}`)).toEqual(['credit:ENTRY-1@1', 'reserve:COP-1@2', 'deduct:COP-1@3']);
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
    const journal: LedgerEntry[] = [];
    const book = stocked(10, journal);
    book.credit({ op: 'credit', ref: 'ENTRY-1', emsNo: EMS, lines: lines(10), at: 1 });
    book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 });
    book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 });
    book.deduct('COP-1', 3);
    book.deduct('COP-1', 3);
    book.restore('COP-1', 4);
    book.restore('COP-1', 4);
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(10), reserved: money(0) });
    expect(journal).toHaveLength(4);
  });

  it('lists the open reservations: reserved, neither deducted nor restored', () => {
    const book = stocked();
    for (const ref of ['COP-1', 'COP-2', 'COP-3']) book.reserve({ op: 'reserve', ref, emsNo: EMS, lines: lines(1), at: 2 });
    book.deduct('COP-1', 3);
    book.restore('COP-3', 3);
    expect(book.openReservations()).toEqual(['COP-2']);
  });

  it('forgets a settled reference, keeps an open reservation, and counts a forgotten reference anew', () => {
    const book = stocked();
    book.reserve({ op: 'reserve', ref: 'COP-1', emsNo: EMS, lines: lines(3), at: 2 });
    book.reserve({ op: 'reserve', ref: 'COP-2', emsNo: EMS, lines: lines(2), at: 2 });
    book.deduct('COP-1', 3);
    ['ENTRY-1', 'COP-1', 'COP-2', 'UNKNOWN'].forEach((ref) => book.forget(ref));
    expect(book.openReservations()).toEqual(['COP-2']);
    book.restore('COP-1', 4); // forgotten: the return no longer finds it
    book.deduct('COP-2', 4); // kept: still deducts
    expect(book.balance(EMS, '7')).toMatchObject({ onHand: money(5), reserved: money(0) });
    book.credit({ op: 'credit', ref: 'ENTRY-1', emsNo: EMS, lines: lines(10), at: 5 });
    expect(book.balance(EMS, '7').onHand.toString()).toBe('15');
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

// Any sequence of movements, with each reference forgotten once its order is finished (a random
// point after its last movement), leaves the same balances and open reservations as a book that
// never forgets.
type Step = { readonly op: 'credit' | 'reserve' | 'deduct' | 'restore'; readonly ref: number; readonly qty: number };
const REFS = 6;
const step = fc.record({ op: fc.constantFrom('credit' as const, 'reserve' as const, 'deduct' as const, 'restore' as const), ref: fc.nat({ max: REFS - 1 }), qty: fc.integer({ min: 1, max: 5 }) });

function play(book: BondedLedger, { op, ref, qty }: Step, at: number): void {
  const movement = { op, ref: `R${ref}`, emsNo: EMS, lines: lines(qty), at };
  if (op === 'deduct' || op === 'restore') book[op](movement.ref, at);
  else book[op](movement);
}

describe('bonded account book properties', () => {
  test.prop([fc.array(step, { minLength: 5, maxLength: 60, size: 'large' }), fc.array(fc.nat({ max: 60 }), { minLength: REFS, maxLength: REFS })])(
    'forgetting each reference after its last movement changes no balance and no open reservation',
    (steps, extraWait) => {
      const lastUse = new Map(steps.map((s, i) => [s.ref, i]));
      const finishAt = (ref: number) => (lastUse.get(ref) ?? 0) + extraWait[ref]!;
      const keeping = stocked();
      const forgetting = stocked();
      steps.forEach((s, i) => {
        play(keeping, s, i);
        play(forgetting, s, i);
        for (const [ref] of lastUse) if (finishAt(ref) === i) forgetting.forget(`R${ref}`);
      });
      expect(forgetting.balance(EMS, '7')).toEqual(keeping.balance(EMS, '7'));
      expect(forgetting.openReservations()).toEqual(keeping.openReservations());
      expect(forgetting.balance(EMS, '7').available.isNegative()).toBe(false);
    },
  );
});
