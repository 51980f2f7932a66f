/**
 * Renders a channel machine as a Mermaid state diagram (`stateDiagram-v2`), from the machine's own
 * definition: states, initial states, transitions with their event and guard names, and the
 * receipt status each state stands for.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { StatusMeta } from './regions.js';

/** A guard as a transition definition holds it: a name, `{ type, params }`, or an `and` / `not` combinator. */
type GuardLike = string | { readonly type: string; readonly params?: Readonly<Record<string, unknown>> } | { readonly name: string; readonly guards: readonly GuardLike[] } | undefined;

function guardName(guard: GuardLike): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if ('guards' in guard) {
    const parts = guard.guards.map(guardName);
    return guard.name === 'not' ? `not ${parts.join('')}` : parts.join(' and ');
  }
  const params = Object.values(guard.params ?? {}).filter((v) => typeof v === 'string');
  return [guard.type, ...params].join(' ');
}

function mermaidId(node: AnyStateNode): string {
  return node.path.length === 0 ? 'root' : node.path.join('_');
}

function statusLabel(node: AnyStateNode): string {
  const meta = node.meta as StatusMeta | undefined;
  if (meta === undefined) return node.key;
  const status = Array.isArray(meta.status) ? meta.status.join('/') : String(meta.status);
  return `${node.key} (${meta.message} ${status})`;
}

interface Edge {
  /** Path of the compound state whose block the edge is written in. */
  readonly owner: string;
  readonly line: string;
}

/**
 * The block an edge goes in: the deepest state containing both ends, so that Mermaid never sees an
 * edge between states nested in two different composite states written outside them.
 */
function ownerOf(source: AnyStateNode, target: AnyStateNode): string {
  const common: string[] = [];
  for (const [i, key] of source.path.entries()) {
    if (target.path[i] !== key) break;
    common.push(key);
  }
  return common.slice(0, Math.min(common.length, source.path.length - 1, target.path.length - 1)).join('.');
}

function edges(node: AnyStateNode): Edge[] {
  const out: Edge[] = [];
  for (const [eventType, definitions] of node.transitions) {
    for (const t of definitions) {
      const guard = guardName(t.guard as GuardLike);
      const label = guard === undefined ? eventType : `${eventType} [${guard}]`;
      for (const target of (t.target ?? [node]) as AnyStateNode[]) out.push({ owner: ownerOf(node, target), line: `${mermaidId(node)} --> ${mermaidId(target)} : ${label}` });
    }
  }
  for (const child of Object.values(node.states) as AnyStateNode[]) out.push(...edges(child));
  return out;
}

function structure(node: AnyStateNode, indent: string, all: readonly Edge[]): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  const own = all.filter((e) => e.owner === node.path.join('.')).map((e) => `${indent}${e.line}`);
  if (node.type === 'parallel') return [...children.flatMap((child, i) => [...(i > 0 ? [`${indent}--`] : []), ...block(child, indent, all)]), ...own];
  const initial = node.initial?.target[0] as AnyStateNode | undefined;
  return [...(initial === undefined ? [] : [`${indent}[*] --> ${mermaidId(initial)}`]), ...children.flatMap((child) => block(child, indent, all)), ...own];
}

function block(node: AnyStateNode, indent: string, all: readonly Edge[]): string[] {
  const id = mermaidId(node);
  if (node.type === 'compound' || node.type === 'parallel') {
    return [`${indent}state "${node.key}" as ${id} {`, ...structure(node, `${indent}  `, all), `${indent}}`];
  }
  return [`${indent}${id} : ${statusLabel(node)}`, ...(node.type === 'final' ? [`${indent}${id} --> [*]`] : [])];
}

/**
 * The machine as a Mermaid `stateDiagram-v2`. Leaf states show the receipt message and status
 * they stand for; an edge without a target (a refused request that only answers with a receipt)
 * is drawn as a loop. Each edge is written inside the deepest composite state holding both its ends.
 *
 * @example
 * ```ts
 * toMermaid(CHANNELS['9610-import'].machine); // 'stateDiagram-v2\n  [*] --> declaration\n ...'
 * ```
 */
export function toMermaid(machine: AnyStateMachine): string {
  return ['stateDiagram-v2', ...structure(machine.root, '  ', edges(machine.root))].join('\n') + '\n';
}
