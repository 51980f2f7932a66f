import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createNdjsonLog } from '../../src/sim/log.js';

const MiB = 1 << 20;

/** A stream that keeps every write pending until `finishAll` is called. */
function heldStream(options: { objectMode?: boolean } = {}) {
  const pending: (() => void)[] = [];
  let bytes = 0;
  const stream = new Writable({
    ...options,
    write(chunk: Uint8Array, _encoding, done) {
      bytes += chunk.length;
      pending.push(done);
    },
  });
  return {
    stream,
    written: () => bytes,
    finishAll() {
      // Each callback may start the next buffered write, so finish until nothing is pending.
      while (pending.length > 0) pending.shift()!();
    },
  };
}

describe('createNdjsonLog backpressure', () => {
  it('lets 16 MiB wait in a slow stream before it asks the run to wait, then releases it on drain', async () => {
    const held = heldStream();
    const log = createNdjsonLog(held.stream);
    const chunk = new Uint8Array(MiB).fill(0x20);
    for (let i = 0; i < 15; i++) log.writeBytes!(chunk);
    expect(log.congested).toBe(false);
    log.writeBytes!(chunk);
    expect(log.congested).toBe(true);
    let released = false;
    const drained = log.drained().then(() => (released = true));
    await Promise.resolve();
    expect(released).toBe(false);
    held.finishAll();
    await drained;
    expect(released).toBe(true);
    expect(log.congested).toBe(false);
    expect(held.written()).toBe(16 * MiB);
  });

  it('counts chunks, not bytes, in an object-mode stream, so its buffer stays bounded too', () => {
    const held = heldStream({ objectMode: true });
    const log = createNdjsonLog(held.stream);
    const line = new TextEncoder().encode('{}\n');
    for (let i = 0; i < 15; i++) log.writeBytes!(line);
    expect(log.congested).toBe(false);
    log.writeBytes!(line);
    expect(log.congested).toBe(true);
  });

  it('never waits on a stream that took the write, however much it holds (no drain would come)', () => {
    const neverDone = new Writable({ highWaterMark: 64 * MiB, write: () => undefined });
    const roomy = createNdjsonLog(neverDone);
    roomy.writeBytes!(new Uint8Array(MiB));
    roomy.writeBytes!(new Uint8Array(32 * MiB));
    expect(neverDone.writableLength).toBe(33 * MiB);
    expect(roomy.congested).toBe(false);
  });
});
