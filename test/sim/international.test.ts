import { describe, expect, it } from 'vitest';
import { originRegion, transitOf, TRANSIT_SIGMA } from '../../src/sim/international.js';
import { parseScenario } from '../../src/sim/scenario/load.js';

const DAY = 24 * 60;

describe('the international leg of a 9610 import parcel', () => {
  it('groups origins by region from the customs country code (Japan east Asia, France Europe, Australia Oceania)', () => {
    expect(['116', '110', '132', '305', '502', '601', '999'].map(originRegion)).toEqual(['east-asia', 'east-asia', 'asia', 'europe', 'north-america', 'oceania', 'africa']);
  });

  it('takes its median from origin, carrier and mode: express air from France 4 days, postal air 9, postal sea from Japan 7', () => {
    const express = { origin: 'goods', carrier: 'express', mode: 'air' } as const;
    expect(transitOf(express, '305')).toEqual({ medianMinutes: 4 * DAY, sigma: TRANSIT_SIGMA });
    expect(transitOf({ ...express, carrier: 'postal' }, '305')).toMatchObject({ medianMinutes: 9 * DAY });
    expect(transitOf({ ...express, carrier: 'postal', mode: 'sea' }, '116')).toMatchObject({ medianMinutes: 7 * DAY });
  });

  it("ships from the scenario's origin when it names one, whatever the goods' origin", () => {
    expect(transitOf({ origin: '110', carrier: 'express', mode: 'air' }, '305')).toMatchObject({ medianMinutes: 2 * DAY });
  });

  it("uses the scenario's own transit when given", () => {
    expect(transitOf({ origin: 'goods', carrier: 'express', mode: 'air', transit: { fixedMinutes: 60 } }, '305')).toEqual({ fixedMinutes: 60 });
  });

  it('is a scenario field with documented defaults, and accepts ISO country codes', () => {
    const base = {
      start: '2019-11-04T00:00:00+08:00',
      arrivals: [{ channel: '9610-import', ordersPerDay: 10 }],
      catalogue: [{ itemNo: 'A', itemName: 'A', hsCode: '3304990099', unit: '011', originCountry: 'JP', minPrice: '10.00', maxPrice: '20.00' }],
    };
    expect(parseScenario(base).directMail).toEqual({ origin: 'goods', carrier: 'express', mode: 'air' });
    expect(parseScenario({ ...base, directMail: { origin: 'KR', carrier: 'postal', mode: 'sea' } }).directMail).toEqual({ origin: '133', carrier: 'postal', mode: 'sea' });
  });
});
