import { describe, expect, it } from 'vitest';
import { afterWorkingTime, drawDuration } from '../../src/sim/durations.js';
import { isWorkingDay, MS } from '../../src/sim/clock.js';
import { createRng } from '../../src/sim/rng.js';
import { CustomsDesk } from '../../src/sim/parties/customs-desk.js';

const hours = { openHour: 8, closeHour: 22, isWorkingDay: (t: number) => isWorkingDay(t) };
const at = (iso: string) => Date.parse(iso);

describe('working time', () => {
  it('finishes within the day when the work fits', () => {
    expect(afterWorkingTime(at('2019-11-04T09:00:00+08:00'), 2 * MS.hour, hours)).toBe(at('2019-11-04T11:00:00+08:00'));
  });

  it('waits for opening and carries the rest over to the next working day', () => {
    expect(afterWorkingTime(at('2019-11-04T06:00:00+08:00'), MS.hour, hours)).toBe(at('2019-11-04T09:00:00+08:00'));
    // Friday 21:00 + 3 h of work: 1 h on Friday, the remaining 2 h on Monday from 08:00
    expect(afterWorkingTime(at('2019-11-08T21:00:00+08:00'), 3 * MS.hour, hours)).toBe(at('2019-11-11T10:00:00+08:00'));
  });

  it('draws fixed and lognormal durations', () => {
    const rng = createRng(1);
    expect(drawDuration(rng, { fixedMinutes: 5 })).toBe(5 * MS.minute);
    const draws = Array.from({ length: 4001 }, () => drawDuration(rng, { medianMinutes: 10, sigma: 0.5 })).sort((a, b) => a - b);
    expect(draws[2000]! / MS.minute).toBeGreaterThan(9.3);
    expect(draws[2000]! / MS.minute).toBeLessThan(10.7);
  });
});

describe('customs desk', () => {
  it('serves lists one after another at its capacity and queues the rest', () => {
    const t0 = at('2019-11-04T10:00:00+08:00');
    const desk = new CustomsDesk(t0, 60, []); // one a minute
    expect([desk.enqueue(t0), desk.enqueue(t0), desk.enqueue(t0)]).toEqual([t0 + MS.minute, t0 + 2 * MS.minute, t0 + 3 * MS.minute]);
    desk.leave(t0 + MS.minute);
    expect(desk.sampleHour()).toEqual({ lists: 2, utilisation: Math.round((1 / 60) * 1e6) / 1e6 });
    desk.leave(t0 + 2 * MS.minute);
    desk.leave(t0 + 3 * MS.minute);
    const s = desk.summary(t0, t0 + 4 * MS.minute);
    expect(s.queue.max).toBe(3);
    expect(s.queue.mean).toBeCloseTo((3 + 2 + 1 + 0) / 4, 5);
    expect(s.decisions).toBe(3);
    expect(s.utilisation).toBeCloseTo(0.75, 5);
  });

  it('holds declarations until an outage ends', () => {
    const desk = new CustomsDesk(0, 10, [{ start: 100, end: 500 }]);
    expect(desk.afterOutage(50)).toBe(50);
    expect(desk.afterOutage(100)).toBe(500);
    expect(desk.afterOutage(499)).toBe(500);
    expect(desk.afterOutage(500)).toBe(500);
  });
});
