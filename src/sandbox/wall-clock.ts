/**
 * The one place the sandbox reads the wall clock. The simulator never does; the sandbox's `real`
 * and `xN` clocks follow wall time on purpose, and webhook retries and rate limits are measured
 * in it. Everything customs decides reads the sandbox clock (see `clock.ts`), not this.
 */

/** Wall-clock time, epoch ms. */
export function wallNow(): number {
  // eslint-disable-next-line no-restricted-syntax -- the sandbox's real clock is wall time by design
  return Date.now();
}
