import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EventQueue } from '../../../src/sim/engine/event-queue.js';

/** Push an event `delay` ms after the last popped one, or pop. */
type Op = { readonly delay: number; readonly code: number } | { readonly pop: true };
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ delay: fc.integer({ min: 0, max: 6 }), code: fc.integer({ min: 0, max: 255 }) }), weight: 4 },
  { arbitrary: fc.record({ delay: fc.integer({ min: 0, max: 5_000 }), code: fc.integer({ min: 0, max: 255 }) }), weight: 2 },
  { arbitrary: fc.constant({ pop: true as const }), weight: 5 },
);

interface Queued {
  readonly time: number;
  readonly seq: number;
  readonly code: number;
}

/** Plays `ops` on a queue with buckets of `bucketMs`; returns what was popped, in order, as `time:seq:code`. */
function play(ops: readonly Op[], bucketMs: number): { popped: string[]; expected: string[] } {
  const queue = new EventQueue(bucketMs);
  const waiting: Queued[] = [];
  const popped: string[] = [];
  const expected: string[] = [];
  let now = 0;
  let seq = 0;
  const take = () => {
    waiting.sort((a, b) => a.time - b.time || a.seq - b.seq);
    const next = waiting.shift()!;
    expected.push(`${next.time}:${next.seq}:${next.code}`);
    expect(queue.pop()).toBe(true);
    popped.push(`${queue.time}:${queue.slot}:${queue.code}`);
    now = queue.time;
  };
  for (const o of ops) {
    if ('pop' in o) {
      if (waiting.length > 0) take();
      continue;
    }
    // The slot carries the sequence number, so the trace shows the tie order too.
    waiting.push({ time: now + o.delay, seq, code: o.code });
    queue.push(now + o.delay, seq, o.code, seq * 7);
    seq++;
    expect(queue.size).toBe(waiting.length);
  }
  while (waiting.length > 0) take();
  expect(queue.pop()).toBe(false);
  return { popped, expected };
}

describe('EventQueue', () => {
  test.prop([fc.array(op, { maxLength: 400, size: 'large' }), fc.constantFrom(1, 7, 100, 3_000, 1e9)])(
    'pops events in (time, order pushed) order, across its heap and its time buckets',
    (ops, bucketMs) => {
      const { popped, expected } = play(ops, bucketMs);
      expect(popped).toEqual(expected);
    },
  );

  it('keeps the payload and code of an event that waited in a bucket', () => {
    const queue = new EventQueue(10);
    queue.push(1_000_000, 3, 200, 4_000_000_000);
    queue.push(5, 1, 2, 9);
    expect(queue.peekTime()).toBe(5);
    expect([queue.pop(), queue.time, queue.slot, queue.code, queue.payload]).toEqual([true, 5, 1, 2, 9]);
    expect([queue.pop(), queue.time, queue.slot, queue.code, queue.payload]).toEqual([true, 1_000_000, 3, 200, 4_000_000_000]);
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });

  it('holds 100,000 events in one bucket and gives them back in order', () => {
    const queue = new EventQueue(1e12);
    for (let i = 0; i < 100_000; i++) queue.push((i * 7919) % 1000, i, 0, i);
    let last = -1;
    let lastSlot = -1;
    let outOfOrder = 0;
    for (let i = 0; i < 100_000; i++) {
      queue.pop();
      if (!(queue.time > last || (queue.time === last && queue.slot > lastSlot))) outOfOrder++;
      last = queue.time;
      lastSlot = queue.slot;
    }
    expect(outOfOrder).toBe(0);
    expect(queue.size).toBe(0);
  });
});
