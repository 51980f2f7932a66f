/**
 * The structure of a statechart step, as xstate v5 computes it (SCXML microstep semantics): which
 * of several enabled transitions win, which active states a transition exits and enters, and the
 * state value and completion of a set of active states. Pure functions of state nodes; the
 * compiler uses them once per configuration, never while an order runs.
 */
import type { AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';

/** The active state nodes of a machine, root included. */
export type Configuration = ReadonlySet<AnyStateNode>;

/** The child states of `node`, in document order. */
export function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states as Record<string, AnyStateNode>);
}

/** True when `child` lies strictly inside `parent`. */
export function isDescendant(child: AnyStateNode, parent: AnyStateNode | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

/** The ancestors of `node` from its parent up to, not including, `upTo` (the root when undefined). */
function properAncestors(node: AnyStateNode, upTo: AnyStateNode | undefined): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  if (node === upTo) return out;
  for (let m = node.parent; m && m !== upTo; m = m.parent) out.push(m);
  return out;
}

function targetsOf(t: AnyTransitionDefinition): AnyStateNode[] {
  return [...(t.target ?? [])];
}

/** The state whose descendants a targeted transition exits and re-enters (`reenter: false` only). */
export function transitionDomain(t: AnyTransitionDefinition): AnyStateNode {
  const targets = targetsOf(t);
  if (targets.every((target) => target === t.source || isDescendant(target, t.source))) return t.source;
  const [head, ...tail] = targets;
  tail.push(t.source);
  return properAncestors(head!, undefined).find((ancestor) => tail.every((s) => isDescendant(s, ancestor))) ?? t.source.machine.root;
}

/** The active states that `transitions` exit. */
export function exitSet(transitions: readonly AnyTransitionDefinition[], active: Configuration): Set<AnyStateNode> {
  const exits = new Set<AnyStateNode>();
  for (const t of transitions) {
    if (targetsOf(t).length === 0) continue;
    const domain = transitionDomain(t);
    for (const node of active) if (isDescendant(node, domain)) exits.add(node);
  }
  return exits;
}

/**
 * Of the transitions enabled in parallel regions, those that run: when two would exit a common
 * state, the one from the deeper source wins, else the earlier one.
 */
export function removeConflicts(enabled: readonly AnyTransitionDefinition[], active: Configuration): AnyTransitionDefinition[] {
  const kept = new Set<AnyTransitionDefinition>();
  for (const t1 of enabled) {
    let preempted = false;
    const displaced = new Set<AnyTransitionDefinition>();
    const exits1 = exitSet([t1], active);
    for (const t2 of kept) {
      const exits2 = exitSet([t2], active);
      if (![...exits1].some((s) => exits2.has(s))) continue;
      if (isDescendant(t1.source, t2.source)) displaced.add(t2);
      else {
        preempted = true;
        break;
      }
    }
    if (preempted) continue;
    for (const t of displaced) kept.delete(t);
    kept.add(t1);
  }
  return [...kept];
}

/** Adds `node` and the states a default entry into it enters (initial children, every region). */
export function addDefaultEntry(node: AnyStateNode, entering: Set<AnyStateNode>): void {
  entering.add(node);
  if (node.type === 'compound') {
    const [initial] = node.initial.target as readonly AnyStateNode[];
    if (initial === undefined) return;
    addDefaultEntry(initial, entering);
    addAncestors(properAncestors(initial, node), entering, undefined);
  } else if (node.type === 'parallel') {
    for (const region of childrenOf(node)) if (![...entering].some((s) => isDescendant(s, region))) addDefaultEntry(region, entering);
  }
}

function addAncestors(ancestors: readonly AnyStateNode[], entering: Set<AnyStateNode>, domain: AnyStateNode | undefined): void {
  for (const ancestor of ancestors) {
    if (domain === undefined || isDescendant(ancestor, domain)) entering.add(ancestor);
    if (ancestor.type !== 'parallel') continue;
    for (const region of childrenOf(ancestor)) if (![...entering].some((s) => isDescendant(s, region))) addDefaultEntry(region, entering);
  }
}

/** The states that `transitions` enter. */
export function entrySet(transitions: readonly AnyTransitionDefinition[]): Set<AnyStateNode> {
  const entering = new Set<AnyStateNode>();
  for (const t of transitions) {
    const domain = transitionDomain(t);
    for (const target of targetsOf(t)) {
      if (t.source !== target || t.source !== domain) entering.add(target);
      addDefaultEntry(target, entering);
    }
    for (const target of targetsOf(t)) {
      const ancestors = properAncestors(target, domain);
      if (domain.type === 'parallel') ancestors.push(domain);
      addAncestors(ancestors, entering, domain);
    }
  }
  return entering;
}

/** The configuration after `transitions` (already free of conflicts) run in `active`. */
export function nextConfiguration(transitions: readonly AnyTransitionDefinition[], active: Configuration): Set<AnyStateNode> {
  const exits = exitSet(transitions, active);
  const next = new Set([...active].filter((node) => !exits.has(node)));
  for (const node of entrySet(transitions)) next.add(node);
  return next;
}

/** The state value of a configuration, keys in document order, as xstate reports it. */
export function stateValueOf(node: AnyStateNode, active: Configuration): StateValue {
  const children = childrenOf(node).filter((child) => active.has(child));
  if (node.type === 'compound') {
    const [child] = children;
    if (child === undefined) return {};
    if (child.type === 'atomic' || child.type === 'final') return child.key;
  }
  return Object.fromEntries(children.map((child) => [child.key, stateValueOf(child, active)]));
}

function inFinalState(active: Configuration, node: AnyStateNode): boolean {
  if (node.type === 'compound') return childrenOf(node).some((s) => s.type === 'final' && active.has(s));
  if (node.type === 'parallel') return childrenOf(node).every((s) => inFinalState(active, s));
  return node.type === 'final';
}

/** True when entering the final states among `entered` completes the machine (xstate's status `done`). */
export function completesMachine(entered: Iterable<AnyStateNode>, active: Configuration): boolean {
  for (const node of entered) {
    if (node.type !== 'final') continue;
    const parent = node.parent;
    let marker = parent?.type === 'parallel' ? parent : parent?.parent;
    while (marker?.type === 'parallel' && inFinalState(active, marker)) marker = marker.parent;
    if (marker === undefined) return true;
  }
  return false;
}

/** The initial configuration of a machine: its root entered by default. */
export function initialConfiguration(root: AnyStateNode): Set<AnyStateNode> {
  const entering = new Set<AnyStateNode>();
  addDefaultEntry(root, entering);
  return entering;
}
