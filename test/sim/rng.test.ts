import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createRng } from '../../src/sim/rng.js';
import { ValidationError } from '../../src/domain/errors.js';

const draws = (seed: number, name: string, n = 20) => {
  const s = createRng(seed).stream(name);
  return Array.from({ length: n }, () => s.float());
};

describe('seeded random streams', () => {
  test.prop([fc.integer(), fc.string({ minLength: 1 })])('are reproducible for the same seed and name', (seed, name) => {
    expect(draws(seed, name)).toEqual(draws(seed, name));
  });

  test.prop([fc.integer(), fc.string(), fc.string()])('are independent per name: drawing from one never shifts another', (seed, a, b) => {
    fc.pre(a !== b);
    const root = createRng(seed);
    const first = root.stream(a);
    const untouched = draws(seed, b);
    for (let i = 0; i < 50; i++) first.float();
    const other = root.stream(b);
    expect(Array.from({ length: 20 }, () => other.float())).toEqual(untouched);
    expect(draws(seed, a)).not.toEqual(untouched);
  });

  test.prop([fc.integer(), fc.integer()])('differ between seeds', (s1, s2) => {
    fc.pre(s1 !== s2);
    expect(draws(s1, 'customs')).not.toEqual(draws(s2, 'customs'));
  });

  it('keeps draws in range', () => {
    const rng = createRng(1).stream('ranges');
    for (let i = 0; i < 10_000; i++) {
      const f = rng.float();
      expect(f >= 0 && f < 1).toBe(true);
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      expect(rng.exponential(2)).toBeGreaterThanOrEqual(0);
      expect(rng.lognormal(0, 1)).toBeGreaterThan(0);
    }
  });

  it('matches the expected moments of its distributions (100,000 draws)', () => {
    const rng = createRng(42).stream('moments');
    const n = 100_000;
    const mean = (f: () => number) => Array.from({ length: n }, f).reduce((a, b) => a + b, 0) / n;
    expect(mean(() => rng.exponential(3))).toBeCloseTo(3, 1);
    expect(mean(() => rng.normal(5, 2))).toBeCloseTo(5, 1);
    expect(mean(() => rng.lognormal(0, 0.5))).toBeCloseTo(Math.exp(0.125), 1);
    expect(mean(() => (rng.bernoulli(0.3) ? 1 : 0))).toBeCloseTo(0.3, 2);
    expect(mean(() => rng.uniform(10, 20))).toBeCloseTo(15, 1);
    const picks = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < n; i++) picks[rng.weighted([{ value: 'a' as const, weight: 1 }, { value: 'b' as const, weight: 3 }, { value: 'c' as const, weight: 0 }])]++;
    expect(picks.c).toBe(0);
    expect(picks.b / n).toBeCloseTo(0.75, 2);
  });

  it('refuses bad parameters with a ValidationError', () => {
    const rng = createRng(1);
    expect(() => rng.bernoulli(1.5)).toThrow(ValidationError);
    expect(() => rng.exponential(0)).toThrow(ValidationError);
    expect(() => rng.weighted([{ value: 1, weight: 0 }])).toThrow(/weight above zero/);
    expect(() => createRng(0.5)).toThrow(/safe integer/);
  });
});
