import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatSteps, parsePath, resolvePath, withValueAt } from '../../src/experiment/paths.js';

const steps = (text: string) => {
  const parsed = parsePath(text);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.steps;
};

const report = {
  channels: [
    { channel: '9610-import', clearance: { p90: 12.5 }, byState: { 'in flight: delivery.outbound': 3 } },
    { channel: '9710', clearance: { p90: 40 } },
  ],
  exportSummary: { deadlines: ['2019-12-15'] },
};

describe('report and scenario paths', () => {
  it('reads fields, keys and positions', () => {
    expect(steps('channels[9610-import].clearance.p90')).toEqual([{ field: 'channels' }, { key: '9610-import' }, { field: 'clearance' }, { field: 'p90' }]);
    expect(steps('a[0][1].b')).toEqual([{ field: 'a' }, { key: '0' }, { key: '1' }, { field: 'b' }]);
  });

  it('refuses malformed paths, saying where', () => {
    expect(parsePath('')).toEqual({ problem: 'is empty.' });
    expect(parsePath('a..b')).toMatchObject({ problem: expect.stringMatching(/no field name at character 3/) });
    expect(parsePath('a[b')).toMatchObject({ problem: expect.stringMatching(/never closed/) });
    expect(parsePath('a[]')).toMatchObject({ problem: expect.stringMatching(/empty \[\]/) });
    expect(parsePath('a.')).toMatchObject({ problem: 'ends with a dot.' });
    expect(parsePath('a[b]c')).toMatchObject({ problem: expect.stringMatching(/'c' at character 5/) });
  });

  it('picks a list element by its identifying field before its position: channels[9710] is channel 9710, not the 9711th', () => {
    expect(resolvePath(report, steps('channels[9710].clearance.p90'))).toEqual({ found: true, value: 40 });
    expect(resolvePath(report, steps('channels[0].clearance.p90'))).toEqual({ found: true, value: 12.5 });
    expect(resolvePath(report, steps('exportSummary.deadlines[0]'))).toEqual({ found: true, value: '2019-12-15' });
  });

  it('reads a field whose name has dots with [key]', () => {
    expect(resolvePath(report, steps('channels[9610-import].byState[in flight: delivery.outbound]'))).toEqual({ found: true, value: 3 });
  });

  it('says where a path stops and what is there instead', () => {
    expect(resolvePath(report, steps('channels[1210-import].clearance'))).toEqual({ found: false, problem: 'channels has no element \'1210-import\'; its elements are 9610-import, 9710.' });
    expect(resolvePath(report, steps('channels[9710].clearence'))).toEqual({ found: false, problem: "channels[9710] has no field 'clearence'; its fields are channel, clearance." });
    expect(resolvePath(report, steps('channels.p90'))).toMatchObject({ problem: expect.stringMatching(/^channels is a list: pick an element/) });
    expect(resolvePath(report, steps('channels[9710].clearance.p90.x'))).toMatchObject({ problem: "channels[9710].clearance.p90 is a number, so it has no 'x'." });
  });

  it('writes a value at a path without changing the document, creating objects left to their defaults', () => {
    const scenario = { arrivals: [{ channel: '9610-import', ordersPerDay: 10 }] };
    expect(withValueAt(scenario, steps('customs.capacityPerHour'), 500)).toEqual({ ...scenario, customs: { capacityPerHour: 500 } });
    expect(withValueAt(scenario, steps('arrivals[9610-import].ordersPerDay'), 20)).toEqual({ arrivals: [{ channel: '9610-import', ordersPerDay: 20 }] });
    expect(scenario.arrivals[0]!.ordersPerDay).toBe(10);
    expect(() => withValueAt(scenario, steps('arrivals[9710].ordersPerDay'), 1)).toThrow(/no element '9710'/);
  });

  test.prop([fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z][\w -]{0,8}$/).map((field) => ({ field })), fc.stringMatching(/^[\w .:-]{1,8}$/).map((key) => ({ key }))), { minLength: 1, maxLength: 6 })])(
    'formats and reads back any path that starts with a field',
    (written) => {
      const path = [{ field: 'root' }, ...written];
      expect(parsePath(formatSteps(path))).toEqual({ steps: path });
    },
  );
});
