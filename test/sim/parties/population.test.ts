import { describe, expect, it } from 'vitest';
import { createPopulation } from '../../../src/sim/parties/population.js';
import { createRng } from '../../../src/sim/rng.js';
import { isValidResidentId } from '../../../src/domain/resident-id.js';

describe('buyer population', () => {
  it('makes valid, reproducible buyers, independent of the order they are asked for', () => {
    const a = createPopulation(1000, createRng(3).stream('buyers'));
    const b = createPopulation(1000, createRng(3).stream('buyers'));
    const forward = [0, 1, 2, 500].map((i) => a.member(i));
    const backward = [500, 2, 1, 0].map((i) => b.member(i)).reverse();
    expect(forward).toEqual(backward);
    for (let i = 0; i < 1000; i++) expect(isValidResidentId(a.member(i).buyer.idNumber)).toBe(true);
    expect(new Set(forward.map((m) => m.buyer.idNumber)).size).toBe(4);
  });
});
