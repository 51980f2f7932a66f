import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EventHeap, type Scheduled } from '../../../src/sim/engine/heap.js';

/** What to do to a heap: push an item at a time, cancel the `n`th entry pushed so far (mod), or pop. */
type Op = { readonly push: number } | { readonly cancel: number } | { readonly pop: true };
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 40 }).map((push) => ({ push })), weight: 4 },
  { arbitrary: fc.nat().map((cancel) => ({ cancel })), weight: 4 },
  { arbitrary: fc.constant({ pop: true as const }), weight: 1 },
);

/** Plays `ops` on `heap`; returns what was popped, in order, with the live size after each step. */
function play(heap: EventHeap<number>, ops: readonly Op[]): string[] {
  const pushed: Scheduled<number>[] = [];
  const trace: string[] = [];
  ops.forEach((o, i) => {
    if ('push' in o) pushed.push(heap.push(o.push, i));
    else if ('cancel' in o) {
      if (pushed.length > 0) heap.cancel(pushed[o.cancel % pushed.length]!);
    } else trace.push(`pop ${heap.pop()?.item ?? 'none'}`);
    trace.push(`size ${heap.size}`);
  });
  for (let e = heap.pop(); e; e = heap.pop()) trace.push(`drain ${e.item}`);
  return trace;
}

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

  test.prop([fc.array(op, { minLength: 20, maxLength: 400, size: 'large' })])('runs in the same (time, seq) order whether or not it compacts away cancelled entries', (ops) => {
    const compacting = new EventHeap<number>({ compactAbove: 0 });
    expect(play(compacting, ops)).toEqual(play(new EventHeap<number>({ compactAbove: Number.POSITIVE_INFINITY }), ops));
  });

  it('drops cancelled entries once they are more than half of a heap above the floor', () => {
    const lazy = new EventHeap<number>({ compactAbove: Number.POSITIVE_INFINITY });
    const compacting = new EventHeap<number>();
    for (const heap of [lazy, compacting]) {
      const entries = Array.from({ length: 10_000 }, (_, i) => heap.push(i, i));
      entries.slice(0, 9_000).forEach((entry) => heap.cancel(entry));
    }
    expect([lazy.size, lazy.stored]).toEqual([1_000, 10_000]);
    // rebuilt at 4,999, 2,499 and 1,249 live entries; 1,249 stored is too few cancelled to go again
    expect([compacting.size, compacting.stored]).toEqual([1_000, 1_249]);
    expect(compacting.pop()?.item).toBe(9_000);
  });

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
