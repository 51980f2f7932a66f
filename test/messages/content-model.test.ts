import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compile, ContentWalk, type Automaton, type Particle, type Term } from '../../src/messages/schema/content-model.js';

const A = 'urn:a';
const B = 'urn:b';

const named = (namespace: string, name: string): Term<string> => ({ label: name, target: `${namespace} ${name}`, matches: (ns, n) => ns === namespace && n === name });
const wildcard: Term<string> = { label: 'any element outside urn:a', target: 'any', matches: (ns) => ns !== A && ns !== '' };
const one = (t: Term<string>, min = 1, max = 1): Particle<string> => ({ kind: 'term', term: t, min, max });

/** head, then 1 to 3 of (line | note), then an optional tail from urn:a or anything outside urn:a. */
const model = (): Particle<string> => ({
  kind: 'sequence',
  min: 1,
  max: 1,
  particles: [
    one(named(A, 'head')),
    { kind: 'choice', min: 1, max: 3, particles: [one(named(A, 'line')), one(named(A, 'note'))] },
    { kind: 'choice', min: 0, max: 1, particles: [one(named(A, 'tail')), one(wildcard)] },
  ],
});

interface Verdict {
  readonly steps: readonly (string | undefined)[];
  readonly complete: boolean;
  readonly expected: readonly string[];
}

/** Walks `children` until one is refused, as the schema check does. */
function walk(automaton: Automaton<string>, children: readonly (readonly [string, string])[]): Verdict {
  const w = new ContentWalk(automaton);
  const steps: (string | undefined)[] = [];
  for (const [namespace, name] of children) {
    const term = w.step(namespace, name);
    steps.push(term?.target);
    if (term === undefined) break;
  }
  return { steps, complete: w.complete(), expected: w.expected() };
}

const child = fc.tuple(fc.constantFrom(A, B, ''), fc.constantFrom('head', 'line', 'note', 'tail', 'other'));

describe('content models walked as a lazily built deterministic automaton', () => {
  const shared = compile(model());

  test.prop([fc.array(child, { maxLength: 7 })])('a walk on an automaton already walked many times gives the verdicts of a fresh one', (children) => {
    expect(walk(shared, children)).toEqual(walk(compile(model()), children));
  });

  it('worked example: head, line, note, a foreign element; then a second head is refused with what was expected', () => {
    expect(walk(shared, [[A, 'head'], [A, 'line'], [A, 'note'], [B, 'x']])).toEqual({ steps: ['urn:a head', 'urn:a line', 'urn:a note', 'any'], complete: true, expected: [] });
    expect(walk(shared, [[A, 'head'], [A, 'head']])).toEqual({ steps: ['urn:a head', undefined], complete: false, expected: ['line', 'note'] });
  });

  it('names made up by a sender under a wildcard are each matched, however many there are', () => {
    for (let i = 0; i < 500; i++) expect(walk(shared, [[A, 'head'], [A, 'line'], [B, `made-up-${i}`]]).steps).toEqual(['urn:a head', 'urn:a line', 'any']);
  });
});
