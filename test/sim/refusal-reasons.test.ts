import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from '../../src/index.js';

/** 9610 imports of a 2,600 CNY watch, one to three to an order: the two- and three-watch orders are over a limit. */
function watches(start: string) {
  return parseScenario({
    start,
    horizonDays: 1,
    drainDays: 5,
    arrivals: [{ channel: '9610-import', ordersPerDay: 300 }],
    catalogue: [
      { itemNo: 'W', itemName: 'Watch', hsCode: '9102110000', unit: '011', originCountry: 'CH', minPrice: '2600.00', maxPrice: '2600.00' },
      { itemNo: 'W2', itemName: 'Dress watch', hsCode: '9102110000', unit: '011', originCountry: 'CH', minPrice: '2600.00', maxPrice: '2600.00' },
    ],
    buyers: { priorQuotaShareMax: 0, payerMismatchRate: 0 },
  });
}

describe('refusals say the real reason', () => {
  it('2019 rules: orders over the single-transaction limit are refused as over-single-limit, never customs-refused', async () => {
    const report = await createSimulation(watches('2019-11-04T00:00:00+08:00'), { seed: 3 }).run();
    const [channel] = report.channels;
    expect(channel?.rejections['over-single-limit']).toBeGreaterThan(0);
    expect(channel?.rejections['customs-refused']).toBeUndefined();
  });

  it('postal-articles rules (2013): parcels over the parcel limit are refused as over-parcel-limit', async () => {
    const report = await createSimulation(watches('2013-10-14T00:00:00+08:00'), { seed: 3 }).run();
    const [channel] = report.channels;
    expect(channel?.rejections['over-parcel-limit']).toBeGreaterThan(0);
    expect(channel?.rejections['customs-refused']).toBeUndefined();
  });
});
