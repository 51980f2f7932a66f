import { describe, expect, it } from 'vitest';
import { RunLedgers } from '../../src/sim/ledgers.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { createRng } from '../../src/sim/rng.js';
import { money } from '../../src/money/money.js';

const scenario = parseScenario({
  start: '2019-11-04T00:00:00+08:00',
  arrivals: [{ channel: '1210-import', ordersPerDay: 1 }],
  catalogue: [{ itemNo: 'A', itemName: 'A', hsCode: '3304990099', unit: '011', originCountry: 'JP', minPrice: '10.00', maxPrice: '20.00' }],
  buyers: { priorQuotaShareMax: 0.5 },
});
const at2019 = Date.parse('2019-11-04T10:00:00+08:00');
const at2013 = Date.parse('2013-11-04T10:00:00+08:00');

describe('run ledgers', () => {
  it("books a buyer's prior use once per year, within half the annual limit", () => {
    const ledgers = new RunLedgers(scenario, createRng(1));
    ledgers.bookPrior('440106199003071231', 7, at2019);
    const used = ledgers.used('440106199003071231', at2019);
    ledgers.bookPrior('440106199003071231', 7, at2019);
    expect(ledgers.used('440106199003071231', at2019).eq(used)).toBe(true);
    expect(used.lte(13_000)).toBe(true);
  });

  it('refuses a reservation above the annual limit and never holds an overrun', () => {
    const ledgers = new RunLedgers(scenario, createRng(1));
    const ok = ledgers.applyQuota({ type: 'quota', op: 'reserve', invtNo: 'L1', buyerId: 'B', amount: money('25000.00'), at: at2019 });
    const refused = ledgers.applyQuota({ type: 'quota', op: 'reserve', invtNo: 'L2', buyerId: 'B', amount: money('1000.01'), at: at2019 });
    expect(ok.ok).toBe(true);
    expect(refused.ok).toBe(false);
    ledgers.applyQuota({ type: 'quota', op: 'restore', invtNo: 'L2', buyerId: 'B', amount: money('1000.01'), at: at2019 });
    ledgers.applyQuota({ type: 'quota', op: 'restore', invtNo: 'L1', buyerId: 'B', amount: money('25000.00'), at: at2019 });
    expect(ledgers.used('B', at2019).isZero()).toBe(true);
    expect(ledgers.quotaOverruns).toBe(0);
  });

  it('keeps no quota before the 2016 rules (postal articles)', () => {
    const ledgers = new RunLedgers(scenario, createRng(1));
    expect(ledgers.applyQuota({ type: 'quota', op: 'reserve', invtNo: 'L1', buyerId: 'B', amount: money('99999.00'), at: at2013 }).ok).toBe(true);
    expect(ledgers.used('B', at2013).isZero()).toBe(true);
  });

  it('reorders an item once when it runs low and credits the entry', () => {
    const ledgers = new RunLedgers(scenario, createRng(1));
    const emsNo = 'T5141W000001';
    ledgers.bonded.credit({ op: 'credit', ref: 'OPEN', emsNo, lines: [{ itemRecordNo: '1', quantity: money(3) }], at: at2019 });
    const reserve = { type: 'stock' as const, op: 'reserve' as const, ref: 'C1', emsNo, lines: [{ itemRecordNo: '1', quantity: money(2) }], at: at2019 };
    expect(ledgers.applyStock(reserve).ok).toBe(true);
    expect(ledgers.itemsToReorder(reserve, () => 1)).toEqual(['1']);
    expect(ledgers.itemsToReorder(reserve, () => 1)).toEqual([]);
    expect(ledgers.applyStock({ ...reserve, ref: 'C2' }).ok).toBe(false);
    expect(ledgers.shortages).toBe(1);
    ledgers.replenish(emsNo, '1', 10, at2019 + 1);
    expect(ledgers.onHand(emsNo, ['1'])).toBe(13);
    expect(ledgers.openStockReservations()).toEqual(new Set(['C1']));
    expect(ledgers.negativeStock(emsNo, ['1'])).toEqual([]);
  });

  it("forgets a finished order's references, keeping its quota use and any reservation still open", () => {
    const ledgers = new RunLedgers(scenario, createRng(1));
    const emsNo = 'T5141W000001';
    ledgers.bonded.credit({ op: 'credit', ref: 'OPEN', emsNo, lines: [{ itemRecordNo: '1', quantity: money(10) }], at: at2019 });
    const stock = (op: 'reserve' | 'deduct', ref: string) => ledgers.applyStock({ type: 'stock', op, ref, emsNo, lines: [{ itemRecordNo: '1', quantity: money(2) }], at: at2019 });
    const quota = (op: 'reserve' | 'commit', invtNo: string) => ledgers.applyQuota({ type: 'quota', op, invtNo, buyerId: 'B', amount: money('3000.00'), at: at2019 });
    stock('reserve', 'C1');
    stock('deduct', 'C1');
    quota('reserve', 'L1');
    quota('commit', 'L1');
    stock('reserve', 'C2');
    ledgers.forget({ stockRefs: ['C1'], invtNo: 'L1' });
    ledgers.forget({ stockRefs: ['C2'] });
    expect(ledgers.used('B', at2019).toFixed(2)).toBe('3000.00');
    expect(() => ledgers.quota.commit('L1')).toThrow(/has no quota reservation/);
    expect(quota('commit', 'L1').ok).toBe(true); // no longer held: a late movement changes nothing
    expect(ledgers.openStockReservations()).toEqual(new Set(['C2']));
    expect(ledgers.onHand(emsNo, ['1'])).toBe(8);
  });
});
