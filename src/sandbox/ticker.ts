/**
 * For a clock that moves by itself (`real`, `xN`): runs the scheduled work as it falls due.
 * A manual clock needs none: its work runs when it is advanced.
 */
import type { SandboxEngine } from './engine.js';

/** Runs due work every `intervalMs` of wall time. */
export class Ticker {
  readonly #engine: SandboxEngine;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(engine: SandboxEngine, intervalMs = 100) {
    this.#engine = engine;
    this.#intervalMs = intervalMs;
  }

  start(): void {
    if (this.#engine.clock.mode.kind === 'manual') return;
    this.#timer = setInterval(() => {
      try {
        this.#engine.runDue(this.#engine.clock.now());
      } catch {
        // the database is unavailable for now: the work stays due and runs on a later tick
      }
    }, this.#intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
