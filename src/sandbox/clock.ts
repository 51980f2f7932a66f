/**
 * The sandbox clock: the time customs works in. `manual` moves only when told
 * (`POST /admin/clock/advance`); `real` is wall time; `xN` runs N times faster than wall time from
 * its start. Document waits, return windows and tax-payment windows are measured on it, and it
 * never goes back.
 */
import { ValidationError } from '../domain/errors.js';
import { wallNow } from './wall-clock.js';

/** How the sandbox clock moves. */
export type ClockMode = { readonly kind: 'manual' } | { readonly kind: 'real' } | { readonly kind: 'scaled'; readonly speed: number };

/** Where a clock stands, as the store keeps it: sandbox time at a wall-clock instant. */
export interface ClockAnchor {
  readonly sandboxAt: number;
  readonly wallAt: number;
}

/**
 * Reads a `--clock` value: `real`, `manual`, or `xN` (N from 1 to 100,000, e.g. `x60`).
 *
 * @throws {@link ValidationError} naming `clock` for anything else
 */
export function parseClockMode(text: string, field = 'clock'): ClockMode {
  if (text === 'manual' || text === 'real') return { kind: text };
  const speed = Number(/^x(\d+(?:\.\d+)?)$/.exec(text)?.[1]);
  if (Number.isFinite(speed) && speed > 0 && speed <= 100_000) return { kind: 'scaled', speed };
  throw new ValidationError([{ path: [field], value: text, reason: "must be 'real', 'manual' or 'xN' with N from 1 to 100000 (e.g. 'x60': an hour a minute)." }], 'Invalid option');
}

/** The clock mode as `--clock` writes it. */
export function clockModeText(mode: ClockMode): string {
  return mode.kind === 'scaled' ? `x${mode.speed}` : mode.kind;
}

/** The sandbox's clock. */
export class SandboxClock {
  readonly mode: ClockMode;
  #anchor: ClockAnchor;
  #last: number;

  constructor(mode: ClockMode, anchor: ClockAnchor) {
    this.mode = mode;
    this.#anchor = anchor;
    this.#last = anchor.sandboxAt;
  }

  /** The anchor to store: the clock resumes from it after a restart. */
  get anchor(): ClockAnchor {
    return this.#anchor;
  }

  /** Sandbox time now, epoch ms. */
  now(): number {
    const { sandboxAt, wallAt } = this.#anchor;
    const wall = this.mode.kind === 'manual' ? wallAt : wallNow();
    const t = this.mode.kind === 'real' ? wall : this.mode.kind === 'scaled' ? sandboxAt + Math.round((wall - wallAt) * this.mode.speed) : sandboxAt;
    this.#last = Math.max(this.#last, t);
    return this.#last;
  }

  /**
   * Moves a manual clock to `instant`.
   *
   * @throws {@link ValidationError} when the clock is not manual or `instant` is in its past
   */
  set(instant: number): void {
    if (this.mode.kind !== 'manual') {
      throw new ValidationError([{ path: ['clock'], value: clockModeText(this.mode), reason: "moves by itself; only a 'manual' clock can be advanced (start the sandbox with --clock manual)." }], 'Clock refused');
    }
    if (!Number.isSafeInteger(instant) || instant < this.#last) {
      throw new ValidationError([{ path: ['to'], value: instant, reason: `must be a whole epoch-ms instant at or after the sandbox time ${this.#last}; the clock never goes back.` }], 'Clock refused');
    }
    this.#anchor = { sandboxAt: instant, wallAt: this.#anchor.wallAt };
    this.#last = instant;
  }
}
