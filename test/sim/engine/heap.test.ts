import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EventHeap } from '../../../src/sim/engine/heap.js';

describe('EventHeap', () => {
  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 300 })])(
    'pops live entries in (time, seq) order and skips cancelled ones',
    (plan) => {
      const heap = new EventHeap<number>();
      const entries = plan.map(([time], i) => heap.push(time, i));
      plan.forEach(([, cancel], i) => cancel && heap.cancel(entries[i]!));
      const expected = plan
        .map(([time, cancel], i) => ({ time, i, cancel }))
        .filter((e) => !e.cancel)
        .sort((a, b) => a.time - b.time || a.i - b.i)
        .map((e) => e.i);
      expect(heap.size).toBe(expected.length);
      const popped: number[] = [];
      for (let e = heap.pop(); e; e = heap.pop()) popped.push(e.item);
      expect(popped).toEqual(expected);
      expect(heap.size).toBe(0);
    },
  );

  it('ignores cancelling an entry twice or after it ran', () => {
    const heap = new EventHeap<string>();
    const a = heap.push(1, 'a');
    heap.push(2, 'b');
    heap.cancel(a);
    heap.cancel(a);
    expect(heap.size).toBe(1);
    const b = heap.pop()!;
    heap.cancel(b);
    expect(heap.size).toBe(0);
  });
});
