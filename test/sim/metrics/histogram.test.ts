import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Histogram, toPercentilePrecision } from '../../../src/sim/metrics/histogram.js';
import { TimeWeighted } from '../../../src/sim/metrics/time-weighted.js';

const exact = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
};

describe('Histogram', () => {
  test.prop([fc.array(fc.integer({ min: 1, max: 10_000_000_000 }), { minLength: 1, maxLength: 500 }), fc.constantFrom(0.5, 0.9, 0.99)])(
    'gives percentiles within 0.05% of the exact value (three significant digits), and exact min/max/count',
    (values, q) => {
      const h = new Histogram();
      values.forEach((v) => h.record(v));
      const want = exact(values, q);
      expect(Math.abs(h.quantile(q) - want)).toBeLessThanOrEqual(want * 0.0005);
      const s = h.summary();
      expect(s.count).toBe(values.length);
      expect(s.min).toBe(Math.min(...values));
      expect(s.max).toBe(Math.max(...values));
    },
  );

  it('merges shards as if recorded in one', () => {
    const a = new Histogram();
    const b = new Histogram();
    const all = new Histogram();
    for (let i = 1; i <= 1000; i++) {
      (i % 2 ? a : b).record(i * 1000);
      all.record(i * 1000);
    }
    a.merge(b);
    expect(a.summary()).toEqual(all.summary());
  });

  it('rounds a percentile to the three significant digits it supports', () => {
    expect([3181.44, 4.8349, 0.123456, 0, 156.149].map(toPercentilePrecision)).toEqual([3180, 4.83, 0.123, 0, 156]);
  });

  it('is empty-safe', () => {
    expect(new Histogram().summary()).toEqual({ count: 0, min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
  });
});

describe('TimeWeighted', () => {
  it('averages a level over time', () => {
    const q = new TimeWeighted(0);
    q.set(10, 4); // 0 for 10 ms
    q.add(20, -2); // 4 for 10 ms, then 2
    expect(q.summary(40)).toEqual({ mean: (0 * 10 + 4 * 10 + 2 * 20) / 40, max: 4 });
  });
});
