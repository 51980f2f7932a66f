/**
 * The codes of a run's queued events (one byte each): an order's channel event (its `EVENT_TYPES`
 * code, marked when it is a duplicated receipt), the customs steps of an order that are not
 * machine events, and the run's own events (arrivals, samples, replenishments).
 */

/** Channel events are codes 0 to 31; this bit marks a duplicated receipt (ignored when refused). */
export const DUPLICATE = 0x20;
/** The event type of an order's channel event code. */
export const EVENT_OF = 0x1f;
/** Customs takes an accepted list into its queue for a decision. */
export const QUEUE_DECISION = 0x40;
/** Customs' decision on a queued list is due (payload 1: it goes to manual review). */
export const CUSTOMS_DUE = 0x41;
/** An order of arrival stream `payload` arrives. */
export const ARRIVAL = 0x50;
/** The end of a day: sample the bonded stock. */
export const SAMPLE_DAY = 0x51;
/** The end of an hour: sample the customs queue. */
export const SAMPLE_HOUR = 0x52;
/** A replenishment of item `payload` reaches the warehouse. */
export const REPLENISH = 0x53;

/** A timer's payload: its code, and the epoch it was set in (it lapses when the order's epoch moves on). */
export function timerPayload(code: number, epoch: number): number {
  return code | (epoch << 24);
}

/** The code part of a timer's payload. */
export function payloadCode(payload: number): number {
  return payload & 0xffffff;
}

/** The epoch part of a timer's payload. */
export function payloadEpoch(payload: number): number {
  return payload >>> 24;
}
