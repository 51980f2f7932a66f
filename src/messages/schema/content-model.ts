/**
 * Content models: which child elements an element may hold, in which order and how often, as
 * a small automaton. A model is a tree of particles (sequences, choices, element declarations,
 * wildcards), each with an occurrence range; it compiles once into a nondeterministic automaton
 * whose states are walked child by child. A schema obeying the unique-particle rule (the CEB,
 * DXP and XML-DSig schemas do) gives the same verdicts this way as a validator's counters.
 */

/** Something a child element can match: an element declaration or a wildcard. */
export interface Term<D> {
  /** True when the child's namespace and local name match. */
  matches(namespace: string, name: string): boolean;
  /** What validates the matched child. */
  readonly target: D;
  /** How the term reads in a message, e.g. `OrderHead`. */
  readonly label: string;
}

/** A particle: a term, or a sequence or choice of particles, occurring `min` to `max` times. */
export type Particle<D> =
  | { readonly kind: 'term'; readonly term: Term<D>; readonly min: number; readonly max: number }
  | { readonly kind: 'sequence' | 'choice'; readonly particles: readonly Particle<D>[]; readonly min: number; readonly max: number };

interface State<D> {
  readonly epsilon: number[];
  readonly edges: { readonly term: Term<D>; readonly to: number }[];
}

/** A compiled content model. */
export interface Automaton<D> {
  readonly states: readonly State<D>[];
  readonly start: number;
  readonly accept: number;
}

class Builder<D> {
  readonly states: State<D>[] = [];

  state(): number {
    this.states.push({ epsilon: [], edges: [] });
    return this.states.length - 1;
  }

  /** Adds the particle between `from` and a new state, which it returns. */
  particle(p: Particle<D>, from: number): number {
    let at = from;
    for (let i = 0; i < p.min; i++) at = this.once(p, at);
    if (p.max === Number.POSITIVE_INFINITY) {
      const loop = this.state();
      this.states[at]!.epsilon.push(loop);
      const back = this.once(p, loop);
      this.states[back]!.epsilon.push(loop);
      return loop;
    }
    const end = this.state();
    this.states[at]!.epsilon.push(end);
    for (let i = p.min; i < p.max; i++) {
      at = this.once(p, at);
      this.states[at]!.epsilon.push(end);
    }
    return end;
  }

  private once(p: Particle<D>, from: number): number {
    if (p.kind === 'term') {
      const to = this.state();
      this.states[from]!.edges.push({ term: p.term, to });
      return to;
    }
    if (p.kind === 'sequence') return p.particles.reduce((at, child) => this.particle(child, at), from);
    const end = this.state();
    for (const child of p.particles) this.states[this.particle(child, from)]!.epsilon.push(end);
    return end;
  }
}

/** Compiles a particle tree. */
export function compile<D>(root: Particle<D>): Automaton<D> {
  const b = new Builder<D>();
  const start = b.state();
  const accept = b.particle(root, start);
  return { states: b.states, start, accept };
}

function closure<D>(a: Automaton<D>, set: Iterable<number>): Set<number> {
  const out = new Set<number>();
  const stack = [...set];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    stack.push(...a.states[s]!.epsilon);
  }
  return out;
}

/** A set of states a walk can be in (in the order the closure reached them), and the steps already worked out from it. */
interface Position<D> {
  readonly states: readonly number[];
  readonly accepting: boolean;
  /** Steps by `namespace name`: the term matched and the position it leads to. */
  readonly steps: Map<string, { readonly term: Term<D>; readonly to: Position<D> }>;
}

/** Bounds on what is remembered per automaton, so names a sender makes up cannot grow it without end. */
const MAX_POSITIONS = 4096;
const MAX_STEPS = 64;

/**
 * The positions of each automaton met so far: a walk is a deterministic automaton built lazily,
 * so each set of states and each step from it is worked out once, not once per element checked.
 */
const positions = new WeakMap<Automaton<unknown>, Map<string, Position<unknown>>>();

function positionOf<D>(automaton: Automaton<D>, reached: Set<number>): Position<D> {
  const states = [...reached];
  const key = states.join(',');
  let known = positions.get(automaton) as Map<string, Position<D>> | undefined;
  if (known === undefined) {
    known = new Map();
    positions.set(automaton, known as Map<string, Position<unknown>>);
  }
  const found = known.get(key);
  if (found !== undefined) return found;
  const position: Position<D> = { states, accepting: reached.has(automaton.accept), steps: new Map() };
  if (known.size < MAX_POSITIONS) known.set(key, position);
  return position;
}

/** A walk through an automaton, one child at a time. */
export class ContentWalk<D> {
  #at: Position<D>;

  constructor(private readonly automaton: Automaton<D>) {
    this.#at = positionOf(automaton, closure(automaton, [automaton.start]));
  }

  /** Takes a child; returns its term, or `undefined` when the model does not allow it here. */
  step(namespace: string, name: string): Term<D> | undefined {
    const key = `${namespace} ${name}`;
    const known = this.#at.steps.get(key);
    if (known !== undefined) {
      this.#at = known.to;
      return known.term;
    }
    const next: number[] = [];
    let matched: Term<D> | undefined;
    for (const s of this.#at.states) {
      for (const edge of this.automaton.states[s]!.edges) {
        if (!edge.term.matches(namespace, name)) continue;
        matched ??= edge.term;
        next.push(edge.to);
      }
    }
    if (matched === undefined) return undefined;
    const to = positionOf(this.automaton, closure(this.automaton, next));
    if (this.#at.steps.size < MAX_STEPS) this.#at.steps.set(key, { term: matched, to });
    this.#at = to;
    return matched;
  }

  /** True when the children so far complete the model. */
  complete(): boolean {
    return this.#at.accepting;
  }

  /** The labels of the terms allowed next, in model order, without repeats. */
  expected(): string[] {
    const labels: string[] = [];
    for (const s of [...this.#at.states].sort((x, y) => x - y)) {
      for (const edge of this.automaton.states[s]!.edges) if (!labels.includes(edge.term.label)) labels.push(edge.term.label);
    }
    return labels;
  }
}
