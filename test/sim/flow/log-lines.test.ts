import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '../../../src/channels/registry.js';
import { TransitionLines } from '../../../src/sim/flow/log-lines.js';
import { LEAN_TABLES } from '../../../src/sim/flow/machines.js';
import type { TransitionLog, TransitionRecord } from '../../../src/sim/log.js';
import { OrderNumbers } from '../../../src/sim/parties/platform.js';
import { EVENT_TYPES } from '../../../src/sim/runner/lean/codes.js';

/** A log that keeps what it is given, as bytes, as lines or as records. */
function keeping(kind: 'bytes' | 'line' | 'record') {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  const log: TransitionLog = {
    write: (record) => void parts.push(`${JSON.stringify(record)}\n`),
    ...(kind === 'line' && { writeLine: (line: string) => void parts.push(line) }),
    ...(kind === 'bytes' && { writeBytes: (bytes: Uint8Array) => void parts.push(decoder.decode(bytes)) }),
    congested: false,
    drained: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { log, text: () => parts.join('') };
}

const line = fc.record({
  // Around the epoch, today's times, and times far off (any safe integer is a time the log must write).
  t: fc.oneof(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }), fc.maxSafeInteger(), fc.constant(1_000_000)),
  channel: fc.integer({ min: 0, max: CHANNEL_IDS.length - 1 }),
  placedAt: fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }),
  serial: fc.oneof(fc.nat({ max: 9_999_999_999 }), fc.constantFrom(0, 999_999, 1_000_000, 9_999_999_999, 10_000_000_000), fc.integer({ min: 10_000_000_000, max: 2 ** 40 })),
  code: fc.integer({ min: 0, max: EVENT_TYPES.length - 1 }),
  statuses: fc.array(fc.constantFrom(1, 2, 3, 100, 120, 399, 500, 800, 899), { maxLength: 3 }),
  reason: fc.option(fc.constantFrom('unspecified', 'quota-exceeded', 'say "why"\\', 'long'.repeat(1_500)), { nil: null }),
  // The run hands the lines over at the end of every batch of events.
  flushAfter: fc.boolean(),
});

type Line = typeof line extends fc.Arbitrary<infer T> ? T : never;

/** What each kind of log is given for `lines`, and the NDJSON of the records they stand for. */
function written(lines: readonly Line[]): { outputs: string[]; expected: string } {
  const outputs = (['bytes', 'line', 'record'] as const).map((kind) => {
    const kept = keeping(kind);
    const writer = new TransitionLines(kept.log, LEAN_TABLES);
    const numbers = new OrderNumbers();
    for (const l of lines) {
      writer.write(l.t, numbers, l.channel, l.placedAt, l.serial, 0, l.code, 0, l.statuses, l.reason);
      if (l.flushAfter) writer.flush();
    }
    writer.flush();
    return kept.text();
  });
  const numbers = new OrderNumbers();
  const expected = lines
    .map((l): TransitionRecord => {
      const table = LEAN_TABLES[l.channel]!;
      return { t: l.t, orderNo: numbers.of(l.channel, l.placedAt, l.serial), channel: CHANNEL_IDS[l.channel]!, from: table.nameOf(0), event: EVENT_TYPES[l.code]!, to: table.nameOf(0), status: l.statuses, reason: l.reason };
    })
    .map((record) => `${JSON.stringify(record)}\n`)
    .join('');
  return { outputs, expected };
}

describe('TransitionLines', () => {
  it('writes, as bytes and as lines, exactly the NDJSON of the records it stands for', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const { outputs, expected } = written(lines);
        expect(outputs).toEqual([expected, expected, expected]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes runs longer than its buffer, handed over in batches, without a byte lost or repeated', () => {
    const lines = fc.sample(line, { seed: 15, numRuns: 12_000 });
    const { outputs, expected } = written(lines);
    expect(expected.length).toBeGreaterThan(3 * (1 << 20));
    expect(outputs).toEqual([expected, expected, expected]);
  });
});
