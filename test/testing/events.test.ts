import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { drive } from '../../src/channels/drive.js';
import { CHANNELS, CHANNEL_IDS } from '../../src/channels/registry.js';
import { anyEvents, autopilotEvents, eventWalk, quotaMovements, quotaWithinLimit, receiptsInAllowedOrder, releaseNeedsMatchedDocuments, stepRecords } from '../../src/testing/index.js';

const RUNS = { numRuns: 25 };

describe.each(CHANNEL_IDS)('event sequences for channel %s', (id) => {
  const machine = CHANNELS[id].machine;

  test.prop([eventWalk(id)], RUNS)('a random walk over snapshot.can is accepted event by event, and keeps the log invariants', ({ docs, events }) => {
    const report = drive(machine, { order: docs.order }, events);
    expect(report.refused).toEqual([]);
    const records = stepRecords(docs.order.orderNo, id, report.steps);
    expect(receiptsInAllowedOrder(records)).toEqual([]);
    expect(releaseNeedsMatchedDocuments(records)).toEqual([]);
    expect(quotaWithinLimit(quotaMovements(report.steps))).toEqual([]);
  });

  test.prop([autopilotEvents(id)], RUNS)('the autopilot with a random script gives an accepted sequence that reaches a final state', ({ docs, events }) => {
    const report = drive(machine, { order: docs.order }, events);
    expect(report.refused).toEqual([]);
    expect(report.snapshot.status).toBe('done');
    expect(receiptsInAllowedOrder(stepRecords(docs.order.orderNo, id, report.steps))).toEqual([]);
  });

  test.prop([autopilotEvents(id, { flaw: 'waybill-order-mismatch' })], { numRuns: 10 })('with mismatched documents the list is never released', ({ docs, events }) => {
    const report = drive(machine, { order: docs.order }, events);
    expect(report.steps.map((s) => s.event.type)).not.toContain('RELEASED');
    expect(report.snapshot.value).toBe('rejected');
  });

  test.prop([anyEvents(id)], RUNS)('arbitrary sequences are driven without throwing, and whatever is accepted keeps the receipt order', ({ docs, events }) => {
    const report = drive(machine, { order: docs.order }, events);
    expect(report.steps.length + report.refused.length).toBe(events.length);
    expect(receiptsInAllowedOrder(stepRecords(docs.order.orderNo, id, report.steps))).toEqual([]);
  });
});
