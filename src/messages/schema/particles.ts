/**
 * The pieces of a declaration: element declarations, the slots children fill, and the particle
 * constructors the tables of the transport envelope and the signature are written with.
 */
import type { AttributeSpec, SimpleType } from '../spec.js';
import type { Automaton, Particle, Term } from './content-model.js';

/** How a child matched by a wildcard is checked: not at all (`skip`), or by its own declaration when known (`lax`). */
export type WildcardProcess = 'skip' | 'lax';

/** What a child element slot holds: its declaration or a wildcard, and whether it repeats. */
export interface Slot {
  readonly decl: ElementDecl | WildcardProcess;
  /** True when the slot's element may occur more than once (its path then carries an index). */
  readonly repeated: boolean;
}

/** An element declaration. */
export interface ElementDecl {
  readonly namespace: string;
  readonly name: string;
  readonly attributes: readonly AttributeSpec[];
  /** True when any attribute is allowed (the open `anyType` content). */
  readonly anyAttribute?: boolean;
  /** The type of the text: a simple element, or simple content with attributes. */
  readonly simple?: SimpleType;
  /** The only value a simple element may have; an empty one stands for it. */
  readonly fixed?: string;
  /** The value an empty simple element stands for. */
  readonly default?: string;
  /** The children allowed, for an element with element content. */
  readonly model?: Automaton<Slot>;
  /** True when text may sit between the children. */
  readonly mixed?: boolean;
}

/** A term matching one element name in one namespace. */
export function elementTerm(decl: ElementDecl, repeated: boolean, label = decl.name): Term<Slot> {
  return { label, target: { decl, repeated }, matches: (ns, name) => ns === decl.namespace && name === decl.name };
}

/** A wildcard term: any element (`##any`) or any element outside `namespace` (`##other`). */
export function wildcardTerm(process: WildcardProcess, other?: string): Term<Slot> {
  return {
    label: other === undefined ? 'any element' : `any element outside ${other}`,
    target: { decl: process, repeated: true },
    matches: (ns) => other === undefined || (ns !== other && ns !== ''),
  };
}

/** A sequence of particles occurring once. */
export function sequence(particles: readonly Particle<Slot>[], min = 1, max = 1): Particle<Slot> {
  return { kind: 'sequence', particles, min, max };
}

/** A choice of particles. */
export function choice(particles: readonly Particle<Slot>[], min = 1, max = 1): Particle<Slot> {
  return { kind: 'choice', particles, min, max };
}

/** A term occurring `min` to `max` times. */
export function term(t: Term<Slot>, min = 1, max = 1): Particle<Slot> {
  return { kind: 'term', term: t, min, max };
}

