/**
 * Content models as the schema check walks them, occurrence by occurrence: sequences, choices,
 * bounds (0, 1, n, unbounded), what is expected next in model order, and when the children so
 * far complete the model.
 */
import { describe, expect, it } from 'vitest';
import { compile, ContentWalk, type Particle, type Term } from '../../src/messages/schema/content-model.js';

const term = (label: string, min = 1, max = 1): Particle<string> => ({
  kind: 'term',
  term: { label, target: label, matches: (namespace, name) => namespace === 'urn:t' && name === label } satisfies Term<string>,
  min,
  max,
});
const seq = (particles: Particle<string>[], min = 1, max = 1): Particle<string> => ({ kind: 'sequence', particles, min, max });
const choice = (particles: Particle<string>[], min = 1, max = 1): Particle<string> => ({ kind: 'choice', particles, min, max });

/** Walks `names`; the labels expected before each step, whether each was taken, and whether the model is complete at the end. */
function walk(model: Particle<string>, names: string[]): { taken: string[]; refused?: string; expected: string[]; complete: boolean } {
  const w = new ContentWalk(compile(model));
  const taken: string[] = [];
  for (const name of names) {
    const t = w.step('urn:t', name);
    if (!t) return { taken, refused: name, expected: w.expected(), complete: w.complete() };
    taken.push(t.target);
  }
  return { taken, expected: w.expected(), complete: w.complete() };
}

describe('sequences', () => {
  const model = seq([term('a'), term('b', 0), term('c')]);

  it('takes the elements in order, an optional one given or not', () => {
    expect(walk(model, ['a', 'b', 'c'])).toEqual({ taken: ['a', 'b', 'c'], expected: [], complete: true });
    expect(walk(model, ['a', 'c'])).toEqual({ taken: ['a', 'c'], expected: [], complete: true });
  });

  it('expects the optional element and the next required one, in model order', () => {
    expect(walk(model, ['a'])).toEqual({ taken: ['a'], expected: ['b', 'c'], complete: false });
    expect(walk(model, [])).toEqual({ taken: [], expected: ['a'], complete: false });
  });

  it('refuses an element out of order, or of another namespace', () => {
    expect(walk(model, ['a', 'c', 'b'])).toEqual({ taken: ['a', 'c'], refused: 'b', expected: [], complete: true });
    expect(new ContentWalk(compile(model)).step('urn:other', 'a')).toBeUndefined();
  });
});

describe('occurrence bounds', () => {
  it('from 2 to 3: one is too few, four too many', () => {
    const model = term('x', 2, 3);
    expect(walk(model, ['x'])).toEqual({ taken: ['x'], expected: ['x'], complete: false });
    expect(walk(model, ['x', 'x']).complete).toBe(true);
    expect(walk(model, ['x', 'x', 'x'])).toEqual({ taken: ['x', 'x', 'x'], expected: [], complete: true });
    expect(walk(model, ['x', 'x', 'x', 'x']).refused).toBe('x');
  });

  it('unbounded: at least the minimum, then any number', () => {
    const model = seq([term('x', 1, Number.POSITIVE_INFINITY), term('y')]);
    expect(walk(model, ['y']).refused).toBe('y');
    expect(walk(model, ['x', 'x', 'x', 'x', 'x', 'y'])).toEqual({ taken: ['x', 'x', 'x', 'x', 'x', 'y'], expected: [], complete: true });
    expect(walk(model, ['x'])).toEqual({ taken: ['x'], expected: ['x', 'y'], complete: false });
    expect(walk(term('z', 0, Number.POSITIVE_INFINITY), []).complete).toBe(true);
  });

  it('a repeated group that may be empty still ends: any number of optional elements', () => {
    const model = seq([term('a', 0, 1)], 0, Number.POSITIVE_INFINITY);
    expect(walk(model, [])).toEqual({ taken: [], expected: ['a'], complete: true });
    expect(walk(model, ['a', 'a', 'a'])).toEqual({ taken: ['a', 'a', 'a'], expected: ['a'], complete: true });
  });

  it('a repeated sequence repeats as a whole', () => {
    const model = seq([term('k'), term('v')], 1, 2);
    expect(walk(model, ['k', 'v', 'k', 'v']).complete).toBe(true);
    expect(walk(model, ['k', 'v', 'k'])).toEqual({ taken: ['k', 'v', 'k'], expected: ['v'], complete: false });
    expect(walk(model, ['k', 'v', 'v']).refused).toBe('v');
  });
});

describe('choices', () => {
  it('one of the alternatives, each alternative expected', () => {
    const model = choice([term('p'), seq([term('q'), term('r')])]);
    expect(walk(model, [])).toEqual({ taken: [], expected: ['p', 'q'], complete: false });
    expect(walk(model, ['p']).complete).toBe(true);
    expect(walk(model, ['q', 'r']).complete).toBe(true);
    expect(walk(model, ['p', 'q']).refused).toBe('q');
  });

  it('an optional choice may be left out; a repeated one taken again', () => {
    expect(walk(seq([choice([term('p'), term('q')], 0, 1), term('s')]), ['s']).complete).toBe(true);
    expect(walk(choice([term('p'), term('q')], 1, Number.POSITIVE_INFINITY), ['p', 'q', 'p']).complete).toBe(true);
  });

  it('the first term that matches is the one reported, and a label is expected once', () => {
    const first: Particle<string> = { kind: 'term', term: { label: 'e', target: 'first', matches: (_, name) => name === 'e' }, min: 0, max: 1 };
    const second: Particle<string> = { kind: 'term', term: { label: 'e', target: 'second', matches: (_, name) => name === 'e' }, min: 1, max: 1 };
    const w = new ContentWalk(compile(choice([first, second])));
    expect(w.expected()).toEqual(['e']);
    expect(w.step('urn:t', 'e')?.target).toBe('first');
    expect(w.complete()).toBe(true);
  });
});
