/**
 * The compiler on machines other than the channels: a small machine whose parallel regions react
 * to the same event, whose leaves and ancestors handle the same event, whose transitions conflict,
 * checked against xstate on random events; and the features it refuses, each named.
 */
import { fc, test } from '@fast-check/vitest';
import { isDeepStrictEqual } from 'node:util';
import { and, assign, createActor, createMachine, emit, enqueueActions, fromPromise, raise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { isCbecError } from '../../../src/domain/errors.js';
import { compileMachine } from '../../../src/sim/runner/compile.js';
import { CompiledInstance } from '../../../src/sim/runner/compiled.js';
import { CompileError } from '../../../src/sim/runner/implementations.js';

type Event = { type: 'A' | 'B' | 'C' | 'D' | 'E'; n: number };

const sample = setup({
  types: { context: {} as { n: number; log: string[] }, events: {} as Event, emitted: {} as { type: 'note'; text: string } },
  guards: {
    even: ({ event }) => event.n % 2 === 0,
    above: ({ context }, params: { min: number }) => context.n > params.min,
  },
  actions: {
    add: assign(({ context, event }) => ({ n: context.n + event.n })),
    track: assign({ log: ({ context }, params: { tag: string }) => [...context.log, params.tag] }),
    note: emit(({ context, event }, params: { text: string }) => ({ type: 'note' as const, text: `${params.text}:${event.n}:${context.n}` })),
    double: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ n: context.n * 2 });
      enqueue.emit({ type: 'note', text: `doubled ${context.n}` });
    }),
  },
}).createMachine({
  id: 'sample',
  context: { n: 0, log: [] },
  initial: 'idle',
  states: {
    idle: {
      on: {
        A: { target: 'work', actions: ['add', { type: 'note', params: { text: 'start' } }] },
        B: [{ guard: 'even', target: 'finished' }, { actions: { type: 'note', params: { text: 'odd' } } }],
      },
    },
    work: {
      type: 'parallel',
      on: { C: { target: 'idle', actions: { type: 'track', params: { tag: 'reset' } } }, D: 'finished' },
      states: {
        left: {
          initial: 'l1',
          on: { E: { target: '.l1', actions: { type: 'track', params: { tag: 'left-E' } } }, B: { actions: { type: 'track', params: { tag: 'left-B' } } } },
          states: {
            l1: { on: { A: { target: 'l2', actions: 'double' }, B: { guard: 'even', target: 'l2' }, C: { guard: 'even', target: 'l2', actions: 'add' } } },
            l2: { on: { A: 'l1', D: { guard: { type: 'above', params: { min: 5 } }, target: '#sample.idle', actions: { type: 'track', params: { tag: 'left-D' } } } } },
          },
        },
        right: {
          initial: 'r1',
          states: {
            r1: { on: { A: { target: 'r2', actions: 'add' }, E: 'r2' } },
            r2: { on: { B: { actions: 'double' }, E: { target: '#sample.work', actions: { type: 'track', params: { tag: 'right-E' } } } } },
          },
        },
      },
    },
    finished: { type: 'final' },
  },
});

const events = fc.array(fc.record({ type: fc.constantFrom<Event['type']>('A', 'B', 'C', 'D', 'E'), n: fc.integer({ min: 0, max: 9 }) }), { maxLength: 30, size: 'max' });

describe('a machine with parallel regions, shadowed and conflicting transitions', () => {
  const table = compileMachine(sample);

  it('numbers every reachable configuration once', () => {
    expect(table.explore().map((s) => s.name).sort()).toEqual(['finished', 'idle', 'work.left.l1, work.right.r1', 'work.left.l1, work.right.r2', 'work.left.l2, work.right.r1', 'work.left.l2, work.right.r2']);
  });

  it('runs both regions on one event, the deeper source first, and drops the conflicting one', () => {
    const run = new CompiledInstance<{ n: number; log: string[] }, Event>(table, undefined);
    expect(run.send({ type: 'A', n: 3 })).toEqual({ accepted: true, effects: [{ type: 'note', text: 'start:3:3' }] });
    // A in both regions: left doubles (3 -> 6) and emits, then right adds 4.
    expect(run.send({ type: 'A', n: 4 })).toEqual({ accepted: true, effects: [{ type: 'note', text: 'doubled 3' }] });
    expect([run.state, run.context.n]).toEqual(['work.left.l2, work.right.r2', 10]);
    // E in both regions: the left one (inside `left`) and the right one (leaving `work`) exit a common state; the first wins.
    run.send({ type: 'E', n: 0 });
    expect([run.state, run.context.log]).toEqual(['work.left.l1, work.right.r2', ['left-E']]);
  });

  test.prop([events])('agrees with xstate after every event', (sequence) => {
    const actor = createActor(sample).start();
    let emitted: unknown[] = [];
    actor.on('*', (e) => {
      emitted.push(e);
    });
    const run = new CompiledInstance<{ n: number; log: string[] }, Event>(table, undefined);
    for (const event of sequence) {
      const before = actor.getSnapshot();
      const can = before.status === 'active' && before.can(event);
      expect(run.can(event)).toBe(can);
      emitted = [];
      if (before.status === 'active') actor.send(event); // a stopped actor would warn, and ignore it
      const outcome = run.send(event);
      const after = actor.getSnapshot();
      expect(outcome.accepted).toBe(can);
      if (!isDeepStrictEqual([run.value, run.context, outcome.accepted ? outcome.effects : [], run.done], [after.value, after.context, emitted, after.status === 'done'])) {
        expect([run.value, run.context, outcome.accepted ? outcome.effects : [], run.done]).toEqual([after.value, after.context, emitted, after.status === 'done']);
      }
    }
  });
});

describe('features a table cannot carry fail compilation, naming state and feature', () => {
  const plain = setup({ guards: { yes: () => true, no: () => false }, actions: { bump: assign({}), ping: raise({ type: 'PING' }) } });
  const cases: [string, () => unknown, string, RegExp][] = [
    ['delayed transitions', () => createMachine({ id: 'm', initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } }), 'm.a', /entry actions|delayed/],
    ['eventless transitions', () => createMachine({ id: 'm', initial: 'a', states: { a: { always: 'b' }, b: {} } }), 'm.a', /always/],
    ['entry actions', () => plain.createMachine({ id: 'm', initial: 'a', states: { a: { entry: 'bump' } } }), 'm.a', /entry actions/],
    ['history states', () => createMachine({ id: 'm', initial: 'a', states: { a: {}, h: { type: 'history' } } }), 'm.h', /history/],
    ['invoked actors', () => createMachine({ id: 'm', initial: 'a', states: { a: { invoke: { src: fromPromise(async () => 1) } } } }), 'm.a', /invoke/],
    ['wildcard events', () => createMachine({ id: 'm', initial: 'a', states: { a: { on: { '*': 'b' } }, b: {} } }), 'm.a', /wildcards/],
    ['inline guards', () => createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { guard: () => true, target: 'b' } } }, b: {} } }), 'm.a', /guard \(inline function\)/],
    ['higher-order guards', () => plain.createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { guard: and(['yes', 'no']), target: 'b' } } }, b: {} } }), 'm.a', /guard \(inline function\)|higher-order/],
    ['raise actions', () => plain.createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { actions: 'ping' } } } } }), 'm.a', /action 'ping' \(xstate.raise\)/],
    ['inline actions', () => createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { actions: () => undefined } } } } }), 'm.a', /action \(inline function\)/],
    ['nested final states with done events', () => createMachine({ id: 'm', initial: 'a', states: { a: { initial: 'x', states: { x: { type: 'final' } }, onDone: 'b' }, b: {} } }), 'm.a', /done transition|nested final/],
  ];
  it.each(cases)('%s', (_name, make, state, feature) => {
    const error = (() => {
      try {
        compileMachine(make() as never);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CompileError);
    expect(isCbecError(error) && error.code).toBe('COMPILE');
    expect((error as CompileError).state).toBe(state);
    expect((error as CompileError).feature).toMatch(feature);
    expect((error as CompileError).message).toContain(state);
  });

  it('refuses an enqueued raise when the action runs', () => {
    const m = setup({ actions: { later: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'X' })) } }).createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { actions: 'later' } } } } });
    const run = new CompiledInstance(compileMachine(m), undefined);
    expect(() => run.send({ type: 'GO' })).toThrow(/State m\.a: action 'later' \(enqueue\.raise\)/);
  });
});
