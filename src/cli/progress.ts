/**
 * How `cbec-sim run` shows a run's progress: a bar on a terminal, redrawn about ten times a second;
 * elsewhere (a pipe, a CI log) one line every few seconds, so a long run shows it is alive. Both
 * follow the work done (events against the expected total) and name the simulated time in
 * Shanghai, with its offset.
 */
import cliProgress from 'cli-progress';
import { shanghaiDateTime } from '../sim/clock.js';
import type { RunProgress } from '../sim/simulation.js';

/** What the run command feeds progress to. */
export interface ProgressDisplay {
  update(progress: RunProgress): void;
  stop(): void;
}

/** Seconds between progress lines when the output is not a terminal. */
export const PROGRESS_LINE_SECONDS = 5;

/** Where and how progress shows. */
export interface ProgressTarget {
  /** The terminal stream a bar draws on, when the output is one (and not a CI log). */
  readonly tty?: NodeJS.WritableStream | undefined;
  /** Writes one line of text (with its newline): used when there is no terminal. */
  readonly line: (text: string) => void;
  /** Wall time in ms; `performance.now` by default. */
  readonly clock?: () => number;
}

const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Simulated time as a person reads it: `2019-11-11 14:05 +08:00`. */
function simulatedTime(epochMs: number): string {
  const t = shanghaiDateTime(epochMs);
  return `${t.slice(0, 10)} ${t.slice(11, 16)} ${t.slice(19)}`;
}

/**
 * One line of progress.
 *
 * @example
 * ```ts
 * progressLine(p); // 'simulating: 45% | 12,345 of about 27,000 orders | 234,567 events | simulated time 2019-11-11 14:05 +08:00'
 * ```
 */
export function progressLine(p: RunProgress): string {
  return `simulating: ${Math.floor(p.share * 100)}% | ${grouped(p.orders)} of about ${grouped(p.expectedOrders)} orders | ${grouped(p.events)} events | simulated time ${simulatedTime(p.now)}`;
}

function bar(stream: NodeJS.WritableStream): ProgressDisplay {
  const display = new cliProgress.SingleBar(
    { format: 'simulating [{bar}] {percentage}% | {orders} of about {expected} orders | {events} events | {time}', stream, hideCursor: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  display.start(100, 0, { orders: '0', expected: '?', events: '0', time: '' });
  return {
    update: (p) => display.update(Math.floor(p.share * 100), { orders: grouped(p.orders), expected: grouped(p.expectedOrders), events: grouped(p.events), time: simulatedTime(p.now) }),
    stop: () => display.stop(),
  };
}

function lines(write: (text: string) => void, clock: () => number): ProgressDisplay {
  let last = clock();
  return {
    update: (p) => {
      const now = clock();
      if (p.done || now - last < PROGRESS_LINE_SECONDS * 1000) return;
      last = now;
      write(`${progressLine(p)}\n`);
    },
    stop: () => undefined,
  };
}

/** A bar on `target.tty` when given, else a line every {@link PROGRESS_LINE_SECONDS} seconds (none for a run shorter than that). */
export function progressDisplay(target: ProgressTarget): ProgressDisplay {
  return target.tty ? bar(target.tty) : lines(target.line, target.clock ?? (() => performance.now()));
}
