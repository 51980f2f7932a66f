import { describe, expect, it } from 'vitest';
import { createArrivalProcess } from '../../src/sim/arrivals.js';
import { createRng } from '../../src/sim/rng.js';
import { MS } from '../../src/sim/clock.js';

const start = Date.parse('2019-11-04T00:00:00+08:00'); // a Monday

function count(from: number, to: number, process: ReturnType<typeof createArrivalProcess>) {
  let n = 0;
  for (let t = process.next(from); t !== undefined && t < to; t = process.next(t)) n++;
  return n;
}

describe('arrival process (non-homogeneous Poisson by thinning)', () => {
  it('delivers the mean daily volume', () => {
    const p = createArrivalProcess({ ordersPerDay: 2000 }, createRng(1).stream('a'));
    const n = count(start, start + 7 * MS.day, p);
    expect(n / 7).toBeGreaterThan(1900);
    expect(n / 7).toBeLessThan(2100);
  });

  it('follows the hour profile and the peak-day multiplier', () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h === 20 ? 1 : 0));
    const peaks = new Map([['2019-11-11', 5]]);
    const p = createArrivalProcess({ ordersPerDay: 240, hourProfile: hours, peaks }, createRng(2).stream('a'));
    let t = p.next(start)!;
    expect(new Date(t).getUTCHours()).toBe(12); // 20:00 Shanghai
    for (let i = 0; i < 100; i++, t = p.next(t)!) expect((new Date(t).getUTCHours() + 8) % 24).toBe(20);
    const normalDay = count(Date.parse('2019-11-10T00:00:00+08:00'), Date.parse('2019-11-11T00:00:00+08:00'), p);
    const peakDay = count(Date.parse('2019-11-11T00:00:00+08:00'), Date.parse('2019-11-12T00:00:00+08:00'), p);
    expect(peakDay / normalDay).toBeGreaterThan(3.5);
  });

  it('never arrives when the rate is zero', () => {
    expect(createArrivalProcess({ ordersPerDay: 0 }, createRng(1)).next(start)).toBeUndefined();
  });
});
