/**
 * The discrete-event engine: a clock and a heap of scheduled events. Handlers run in time order
 * (ties in scheduling order) and may schedule more events. Nothing else advances time.
 */
import { ValidationError } from '../../domain/errors.js';
import { SimClock } from '../clock.js';
import { EventHeap, type Scheduled } from './heap.js';

/** A scheduled event: what to do when its time comes. */
export type Handler = (engine: Engine) => void;

/** A handle to a scheduled event, for {@link Engine.cancel}. */
export type Ticket = Scheduled<Handler>;

/** Progress of a run, as reported to `onProgress`. */
export interface Progress {
  /** Simulated time reached, epoch ms. */
  readonly now: number;
  /** Events executed so far. */
  readonly events: number;
  /** Events still scheduled. */
  readonly pending: number;
}

/** How far to run. */
export interface RunOptions {
  /** Stop before the first event after this instant (epoch ms); the clock ends at the horizon. */
  readonly until?: number;
  /** Stop after this many events (for stepping). */
  readonly maxEvents?: number;
  /** Stop at the next event boundary once aborted. */
  readonly signal?: AbortSignal;
  /** Called every `progressEvery` events and at the end. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressEvery?: number;
}

/** Why {@link Engine.run} returned. */
export type StopReason = 'drained' | 'horizon' | 'max-events' | 'aborted' | 'paused';

/**
 * A discrete-event simulation engine.
 *
 * @example
 * ```ts
 * const engine = new Engine(Date.parse('2019-11-11T00:00:00+08:00'));
 * engine.after(5 * MS.minute, (e) => console.log('five minutes in', e.now));
 * engine.run();
 * ```
 */
export class Engine {
  readonly #clock: SimClock;
  readonly #heap = new EventHeap<Handler>();
  #executed = 0;
  #pauseRequested = false;

  /** @param start - simulated start, epoch ms */
  constructor(start: number) {
    this.#clock = new SimClock(start);
  }

  /** Current simulated time, epoch ms. */
  get now(): number {
    return this.#clock.now;
  }

  /** Events executed so far. */
  get executed(): number {
    return this.#executed;
  }

  /** Events still scheduled. */
  get pending(): number {
    return this.#heap.size;
  }

  /** Schedules `handler` at the absolute instant `time` (not before now). */
  at(time: number, handler: Handler): Ticket {
    if (!(time >= this.#clock.now) || !Number.isFinite(time)) {
      throw new ValidationError([{ path: ['time'], value: time, reason: `must be a finite instant not before now (${this.#clock.now}); events cannot be scheduled in the past.` }]);
    }
    return this.#heap.push(time, handler);
  }

  /** Schedules `handler` after `delay` milliseconds (zero or more). */
  after(delay: number, handler: Handler): Ticket {
    return this.at(this.#clock.now + delay, handler);
  }

  /** Cancels a scheduled event; a no-op if it already ran or was cancelled. */
  cancel(ticket: Ticket): void {
    this.#heap.cancel(ticket);
  }

  /** Asks a running {@link run} to return after the current event; call `run` again to resume. */
  pause(): void {
    this.#pauseRequested = true;
  }

  /** Runs events in order until the heap drains or an option stops it. */
  run(options: RunOptions = {}): StopReason {
    const { until = Number.POSITIVE_INFINITY, maxEvents = Number.POSITIVE_INFINITY, signal, onProgress, progressEvery = 10_000 } = options;
    this.#pauseRequested = false;
    let ran = 0;
    const report = () => onProgress?.({ now: this.now, events: this.#executed, pending: this.pending });
    let reason: StopReason = 'drained';
    for (;;) {
      if (signal?.aborted) {
        reason = 'aborted';
        break;
      }
      if (this.#pauseRequested) {
        reason = 'paused';
        break;
      }
      if (ran >= maxEvents) {
        reason = 'max-events';
        break;
      }
      const next = this.#heap.peek();
      if (!next) break;
      if (next.time > until) {
        this.#clock.advanceTo(until);
        reason = 'horizon';
        break;
      }
      this.#heap.pop();
      this.#clock.advanceTo(next.time);
      next.item(this);
      this.#executed++;
      ran++;
      if (onProgress && this.#executed % progressEvery === 0) report();
    }
    if (reason === 'drained' && Number.isFinite(until) && until > this.now) this.#clock.advanceTo(until);
    report();
    return reason;
  }
}
