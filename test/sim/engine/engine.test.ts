import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/sim/engine/engine.js';

describe('Engine', () => {
  it('runs handlers in time order, ties in scheduling order, and lets handlers schedule more', () => {
    const engine = new Engine(0);
    const seen: string[] = [];
    engine.at(10, () => seen.push('b@10'));
    engine.at(5, (e) => {
      seen.push('a@5');
      e.after(5, () => seen.push('c@10'));
      e.after(0, () => seen.push('a2@5'));
    });
    expect(engine.run()).toBe('drained');
    expect(seen).toEqual(['a@5', 'a2@5', 'b@10', 'c@10']);
    expect(engine.now).toBe(10);
  });

  it('stops at the horizon with later events still pending, and resumes', () => {
    const engine = new Engine(0);
    const seen: number[] = [];
    for (const t of [1, 2, 3, 10]) engine.at(t, () => seen.push(t));
    expect(engine.run({ until: 5 })).toBe('horizon');
    expect(seen).toEqual([1, 2, 3]);
    expect(engine.now).toBe(5);
    expect(engine.pending).toBe(1);
    expect(engine.run()).toBe('drained');
    expect(seen).toEqual([1, 2, 3, 10]);
  });

  it('cancels, pauses, aborts and counts', () => {
    const engine = new Engine(0);
    const seen: number[] = [];
    const ticket = engine.at(1, () => seen.push(1));
    engine.at(2, (e) => {
      seen.push(2);
      e.pause();
    });
    engine.at(3, () => seen.push(3));
    engine.cancel(ticket);
    expect(engine.run()).toBe('paused');
    expect(seen).toEqual([2]);
    const controller = new AbortController();
    controller.abort();
    expect(engine.run({ signal: controller.signal })).toBe('aborted');
    expect(engine.run({ maxEvents: 1 })).toBe('max-events');
    expect(seen).toEqual([2, 3]);
    expect(engine.executed).toBe(2);
  });

  it('reports progress and refuses events in the past', () => {
    const engine = new Engine(100);
    const progress: number[] = [];
    for (let i = 0; i < 25; i++) engine.after(i, () => undefined);
    engine.run({ onProgress: (p) => progress.push(p.events), progressEvery: 10 });
    expect(progress).toEqual([10, 20, 25]);
    expect(() => engine.at(50, () => undefined)).toThrow(/not before now/);
  });
});
