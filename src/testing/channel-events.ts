/**
 * Event sequences for one order's channel machine: valid ones (a random walk over what the
 * machine accepts, or the reference autopilot with a random script) and arbitrary ones.
 */
import fc from 'fast-check';
import { runAutopilot } from '../channels/autopilot.js';
import { createDriver } from '../channels/drive.js';
import type { ChannelEvent } from '../channels/events.js';
import { CHANNELS, type ChannelId } from '../channels/registry.js';
import { parseScript } from '../customs/scripts.js';
import { MS } from '../sim/clock.js';
import { channelDocuments, planOf, type DocumentOptions, type DocumentSet } from './documents.js';
import { channelEventsAt } from './probe-events.js';

/** A document set and events for its channel machine. */
export interface EventSequence {
  readonly docs: DocumentSet;
  readonly events: readonly ChannelEvent[];
}

/** Options of the event-sequence arbitraries. */
export interface EventOptions extends DocumentOptions {
  /** Longest sequence (default 60). */
  readonly maxEvents?: number;
}

/** How far the clock moves before each event of a walk: an hour, a day, or across the return windows. */
const GAPS = [MS.hour, MS.hour, MS.day, 10 * MS.day, 40 * MS.day] as const;

/**
 * Valid event sequences: a random walk that sends, at each step, one of the events the
 * machine's current snapshot accepts (`snapshot.can`), with the clock moving an hour to 40 days
 * between events. Every event of every sequence is accepted in order; the walk ends when the
 * order is final or the sequence is `maxEvents` long.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(eventWalk('9610-import'), ({ docs, events }) => {
 *   expect(drive(CHANNELS[docs.channel].machine, { order: docs.order }, events).refused).toEqual([]);
 * }));
 * ```
 */
export function eventWalk(id: ChannelId, options: EventOptions = {}): fc.Arbitrary<EventSequence> {
  const max = options.maxEvents ?? 60;
  const choices = fc.array(fc.tuple(fc.nat(), fc.nat({ max: GAPS.length - 1 })), { minLength: max, maxLength: max });
  return fc.tuple(channelDocuments(id, options), choices).map(([docs, picks]) => {
    const driver = createDriver(CHANNELS[id].machine, { order: docs.order });
    let at = docs.order.placedAt;
    for (const [pick, gap] of picks) {
      if (driver.snapshot.status !== 'active') break;
      at += GAPS[gap]!;
      const open = channelEventsAt(docs, at).filter((event) => driver.snapshot.can(event));
      const event = open[pick % Math.max(open.length, 1)];
      if (event === undefined) break;
      driver.send(event);
    }
    return { docs, events: driver.steps.map((step) => step.event) };
  });
}

/** Script words the autopilot plays on every channel (see `parseScript`); words a channel cannot play are skipped by it. */
const SCRIPT_WORDS = [
  'review',
  'inspect:pass',
  'send-fail:order',
  'send-fail:list',
  'cancel:before-release',
  'cancel:after-departure',
  'reject:customs-refused',
] as const;

/** Inspection outcomes and returns that only one direction has (the autopilot would wait for them forever elsewhere). */
const IMPORT_WORDS = ['inspect:detain-502', 'reexport', 'return:day-12', 'return:day-40', 'return:day-10-lapsed', 'reject:quota-exceeded'] as const;
const EXPORT_WORDS = ['inspect:fail', 'reject:arrival-missing'] as const;

/**
 * Valid event sequences from the reference autopilot (`runAutopilot`), each with a random
 * script of zero to three words (review, inspection outcomes, send failures, cancellations,
 * returns, refusals), so the happy path and the scripted unhappy paths both appear.
 *
 * @example
 * ```ts
 * fc.sample(autopilotEvents('1210-import'), 1)[0].events.map((e) => e.type); // ['ORDER_FILED', 'SENT', ...]
 * ```
 */
export function autopilotEvents(id: ChannelId, options: DocumentOptions = {}): fc.Arbitrary<EventSequence> {
  const words = [...SCRIPT_WORDS, ...(CHANNELS[id].ieFlag === 'I' ? IMPORT_WORDS : EXPORT_WORDS)];
  const script = fc.uniqueArray(fc.constantFrom(...words), { maxLength: 3 });
  return fc.tuple(channelDocuments(id, options), script).map(([docs, words]) => {
    const report = runAutopilot(CHANNELS[id].machine, { order: docs.order }, planOf(docs, { script: parseScript(words) }));
    return { docs, events: report.steps.map((step) => step.event) };
  });
}

/**
 * Arbitrary event sequences: any events of the channel's vocabulary, in any order, at
 * non-decreasing times. Most are refused somewhere; use them to check that a system refuses what
 * customs would refuse (`drive` reports the refusals).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(anyEvents('9810'), ({ docs, events }) => {
 *   drive(CHANNELS['9810'].machine, { order: docs.order }, events); // never throws
 * }));
 * ```
 */
export function anyEvents(id: ChannelId, options: EventOptions = {}): fc.Arbitrary<EventSequence> {
  const max = options.maxEvents ?? 60;
  const picks = fc.array(fc.tuple(fc.nat(), fc.nat({ max: GAPS.length - 1 })), { maxLength: max });
  return fc.tuple(channelDocuments(id, options), picks).map(([docs, chosen]) => {
    let at = docs.order.placedAt;
    const events = chosen.map(([pick, gap]) => {
      at += GAPS[gap]!;
      const all = channelEventsAt(docs, at);
      return all[pick % all.length]!;
    });
    return { docs, events };
  });
}
