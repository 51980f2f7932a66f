import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { createAutopilot } from '../../src/channels/autopilot.js';
import { createDriver, drive, stateName, statusesOf } from '../../src/channels/drive.js';
import { effectsOf } from '../../src/channels/effects.js';
import { CHANNEL_IDS, CHANNELS, channelFor, getChannel } from '../../src/channels/registry.js';
import { TransitionError, ValidationError } from '../../src/domain/errors.js';
import { orderFor, planFor, START } from './fixtures.js';

const at = START;

describe('drive', () => {
  it('reports RELEASED before DECIDED as a TransitionError naming the state and the event', () => {
    const order = orderFor('9610-import');
    const driver = createDriver(CHANNELS['9610-import'].machine, { order });
    expect(() => driver.send({ type: 'RELEASED', at })).toThrow(TransitionError);
    try {
      driver.send({ type: 'RELEASED', at });
    } catch (error) {
      expect(error).toMatchObject({ code: 'TRANSITION', event: 'RELEASED', state: expect.stringContaining('declaration.list.notDeclared') });
    }
    expect(driver.steps).toEqual([]);
  });

  it('reports RELEASED in clearance.accepted (no decision yet) with that state', () => {
    const order = orderFor('9610-import');
    const driver = createDriver(CHANNELS['9610-import'].machine, { order });
    const pilot = createAutopilot(planFor('9610-import', order));
    while (stateName(driver.snapshot.value) !== 'clearance.accepted') driver.send(pilot.next(driver.snapshot)!);
    expect(statusesOf(driver.snapshot)).toEqual([{ message: 'CEB622', status: 120 }]);
    expect(() => driver.send({ type: 'RELEASED', at })).toThrow(new TransitionError('clearance.accepted', 'RELEASED'));
    expect(stateName(driver.snapshot.value)).toBe('clearance.accepted');
  });

  it('collects refused events in a report and keeps going', () => {
    const plan = planFor('9610-export');
    const report = drive(CHANNELS['9610-export'].machine, { order: orderFor('9610-export') }, [
      { type: 'ORDER_FILED', at },
      { type: 'DEPARTED', at },
      { type: 'SENT', doc: 'order', at },
      { type: 'LIST_DECLARED', list: { ...plan.list, tradeMode: '1210' }, at },
    ]);
    expect(report.steps.map((s) => s.event.type)).toEqual(['ORDER_FILED', 'SENT']);
    expect(report.refused.map((e) => e.event)).toEqual(['DEPARTED', 'LIST_DECLARED']);
  });

  it('refuses any event once the order is final', () => {
    const driver = createDriver(CHANNELS['9610-import'].machine, { order: orderFor('9610-import') });
    driver.send({ type: 'CANCEL_REQUESTED', at });
    expect(driver.snapshot.status).toBe('done');
    expect(() => driver.send({ type: 'ORDER_FILED', at })).toThrow(/final state/);
  });

  it('refuses a 9710 list route above 5,000 CNY but takes the customs-declaration route', () => {
    const order = orderFor('9710', '3000.00');
    const plan = planFor('9710', order);
    const driver = createDriver(CHANNELS['9710'].machine, { order });
    expect(() => driver.send({ type: 'LIST_DECLARED', list: plan.list, at })).toThrow(TransitionError);
    expect(driver.send({ type: 'LIST_DECLARED', list: plan.list, route: 'entry', at })).toEqual([{ type: 'receipt', message: 'H2018', status: 2, at }]);
  });

  it('refuses a bonded list without an account book', () => {
    const order = orderFor('1210-import');
    const { emsNo: _dropped, ...list } = planFor('1210-import', order).list;
    const driver = createDriver(CHANNELS['1210-import'].machine, { order });
    expect(() => driver.send({ type: 'LIST_DECLARED', list, at })).toThrow(TransitionError);
  });

  it('lists the effects of a pure step without an actor', () => {
    const machine = CHANNELS['9610-import'].machine;
    const [snapshot] = initialTransition(machine, { order: orderFor('9610-import') });
    expect(effectsOf(machine, snapshot, { type: 'ORDER_FILED', at })).toEqual([{ type: 'receipt', message: 'CEB312', status: 2, at }]);
    expect(effectsOf(machine, snapshot, { type: 'RELEASED', at })).toEqual([]);
  });

  it('names states as dotted leaf paths', () => {
    expect(stateName('closed')).toBe('closed');
    expect(stateName({ clearance: 'review' })).toBe('clearance.review');
    expect(stateName({ declaration: { order: 'sent', list: 'notDeclared' } })).toBe('declaration.order.sent, declaration.list.notDeclared');
    expect(stateName({ a: { b: { c: 'd', e: 'f' }, g: 'h' }, i: 'j' })).toBe('a.b.c.d, a.b.e.f, a.g.h, i.j');
  });

  it('sends with trySend only an event the state takes: otherwise nothing changes and it answers undefined', () => {
    const driver = createDriver(CHANNELS['9610-import'].machine, { order: orderFor('9610-import') });
    const before = driver.snapshot;
    expect(driver.trySend({ type: 'RELEASED', at })).toBeUndefined();
    expect(driver.snapshot).toBe(before);
    expect(driver.steps).toEqual([]);
    const effects = driver.trySend({ type: 'ORDER_FILED', at });
    expect(effects).toEqual([{ type: 'receipt', message: 'CEB312', status: 2, at }]);
    expect(driver.steps).toEqual([{ event: { type: 'ORDER_FILED', at }, state: stateName(driver.snapshot.value), effects }]);
    driver.send({ type: 'CANCEL_REQUESTED', at });
    expect(driver.trySend({ type: 'ORDER_FILED', at })).toBeUndefined();
  });
});

describe('registry', () => {
  it('lists every channel id once, in table order', () => {
    expect([...CHANNEL_IDS].sort()).toEqual(Object.keys(CHANNELS).sort());
    expect(CHANNEL_IDS[0]).toBe('9610-import');
  });

  it('finds channels by id and by order', () => {
    expect(getChannel('1239-import').tradeMode).toBe('1239');
    expect(() => getChannel('9999')).toThrow(ValidationError);
    expect(channelFor(orderFor('1210-export')).id).toBe('1210-export');
    expect(channelFor({ ...orderFor('9810'), tradeMode: '0110' }).id).toBe('9810');
    expect(() => channelFor({ ...orderFor('9610-import'), tradeMode: '9710' })).toThrow(/tradeMode/);
  });

  it('lists the events each machine accepts', () => {
    expect(CHANNELS['9610-import'].events).toContain('RETURN_REQUESTED');
    expect(CHANNELS['9610-export'].events).not.toContain('RETURN_REQUESTED');
    expect(CHANNELS['1210-export'].events).toContain('ZONE_ENTERED');
    expect(CHANNELS['9810'].events).toContain('SOLD');
  });
});
