import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario } from '../../src/sim/scenario/load.js';
import { stockingPolicy } from '../../src/sim/stocking.js';

const DAY = 86_400_000;
const START = '2019-11-01T00:00:00+08:00';
const start = Date.parse(START);

/** One bonded product, one line of it per order (two units on average), 1,000 orders a day for 30 days. */
function scenario(bonded: Record<string, unknown>, peaks: { date: string; multiplier: number }[] = []) {
  return parseScenario({
    start: START,
    horizonDays: 30,
    arrivals: [{ channel: '1210-import', ordersPerDay: 1000 }],
    peaks,
    catalogue: [{ itemNo: 'A', itemName: 'A', hsCode: '3304990099', unit: '011', originCountry: 'JP', minPrice: '10.00', maxPrice: '20.00', channels: ['1210-import'] }],
    buyers: { maxLinesPerOrder: 1 },
    bonded,
  });
}

describe('bonded stocking', () => {
  it('fixed: exactly the scenario figures', () => {
    const s = stockingPolicy(scenario({ policy: 'fixed', initialStock: 30, reorderPoint: 8, reorderQuantity: 40 }));
    expect([s.opening('1'), s.reorderPoint('1', start), s.reorderQuantity('1', start, 0)]).toEqual([30, 8, 40]);
  });

  it('look-ahead: stocks up for the lead time plus the cover days, with safety (2,000 units a day x 21 days x 1.2)', () => {
    const s = stockingPolicy(scenario({ replenishment: { fixedMinutes: 7 * 24 * 60 }, coverDays: 14, safety: 0.2 }));
    expect(s.opening('1')).toBe(50_400);
    expect(s.reorderPoint('1', start)).toBe(16_800); // 7 days of demand x 1.2
    expect(s.reorderQuantity('1', start, 10_000)).toBe(40_400); // 21 days x 1.2, less what is available
  });

  it('look-ahead: sees a peak coming (six times the orders on 11-11) and stocks for it', () => {
    const flat = stockingPolicy(scenario({ replenishment: { fixedMinutes: 7 * 24 * 60 }, coverDays: 0, safety: 0 }));
    const peak = stockingPolicy(scenario({ replenishment: { fixedMinutes: 7 * 24 * 60 }, coverDays: 0, safety: 0 }, [{ date: '2019-11-11', multiplier: 6 }]));
    const beforePeak = start + 5 * DAY;
    expect(flat.reorderPoint('1', beforePeak)).toBe(14_000);
    expect(peak.reorderPoint('1', beforePeak)).toBe(24_000); // 7 days, one of them six-fold
  });

  it('look-ahead: never below the fixed figures, and expects nothing after the last arrival', () => {
    const s = stockingPolicy(scenario({ initialStock: 90_000, reorderPoint: 500, reorderQuantity: 5_000 }));
    expect(s.opening('1')).toBe(90_000);
    expect(s.reorderPoint('1', start + 40 * DAY)).toBe(500);
    expect(s.reorderQuantity('1', start + 40 * DAY, 0)).toBe(5_000);
  });
});

describe("the peak-day example's warehouse", () => {
  it('opens stocked for at least the demand its five days make expected, peak included, for every item it sells', () => {
    const peakDay = loadScenario(new URL('../../examples/scenarios/peak-day-11-11.json', import.meta.url).pathname);
    const stocking = stockingPolicy(peakDay);
    const fixed = stockingPolicy({ ...peakDay, bonded: { ...peakDay.bonded, policy: 'fixed' } });
    const bondedItems = peakDay.catalogue.flatMap((g, i) => ((g.channels ?? []).includes('1210-import') ? [String(i + 1)] : []));
    // 8,000 bonded orders a day, six-fold on 11-11 and doubled on 11-12: about 88,000 orders of up to two units a line.
    const orders = 8_000 * (3 + 6 + 2);
    expect(bondedItems.length).toBe(6);
    for (const item of bondedItems) expect(stocking.opening(item)).toBeGreaterThan(fixed.opening(item));
    expect(bondedItems.reduce((n, item) => n + stocking.opening(item), 0)).toBeGreaterThan(orders * 2);
  });
});
