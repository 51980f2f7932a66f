/**
 * fast-check arbitraries for message data, derived from the same field tables the library
 * validates with: a field's format gives its generator, its max length bounds free text, and
 * requiredness decides whether the key may be absent.
 */
import { fc } from '@fast-check/vitest';
import { TEXT } from '../../src/messages/formats.js';
import type { ElementSpec, FieldSpec, MessageData, NodeSpec } from '../../src/messages/spec.js';

// Characters that stress escaping and encoding: XML specials, CJK, a surrogate pair, inner spaces.
const UNITS = ['a', 'Z', '7', ' ', '&', '<', '>', '"', "'", ';', '#', '|', '-', ']', '广', '州', '税', '😀'];

/** Free text within `max` characters, matching the TEXT format (no edge spaces, no controls). */
export function freeText(max: number): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: Math.min(max, 24) })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max && TEXT.pattern.test(s));
}

/** Values for one field: from its format's pattern, or free text. */
export function fieldValue(field: FieldSpec): fc.Arbitrary<string> {
  const value = field.format ? fc.stringMatching(field.format.pattern).filter((s) => s.length <= field.max) : freeText(field.max);
  return field.required ? value : fc.oneof({ arbitrary: value, weight: 9 }, { arbitrary: fc.constant(''), weight: 1 });
}

function element(spec: ElementSpec): fc.Arbitrary<string | string[] | MessageData | MessageData[]> {
  const one = spec.kind === 'field' ? fieldValue(spec) : nodeData(spec.children);
  if (!spec.repeated) return one;
  return fc.array(one as fc.Arbitrary<string & MessageData>, { minLength: 1, maxLength: 3 });
}

/** Data for a node's content: every required child, any subset of the optional ones. */
export function nodeData(children: readonly ElementSpec[]): fc.Arbitrary<MessageData> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const child of children) model[child.name] = element(child);
  const requiredKeys = children.filter((c) => c.required).map((c) => c.name);
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<MessageData>;
}

/** Data for a whole message of a type (the root's children). */
export function messageData(spec: { readonly children: readonly NodeSpec[] }): fc.Arbitrary<MessageData> {
  return nodeData(spec.children);
}

/** Every required field of `data` under `children`, in document order, with its path. */
export function requiredFieldPaths(children: readonly ElementSpec[], data: MessageData, path: (string | number)[] = []): { path: (string | number)[]; name: string }[] {
  const found: { path: (string | number)[]; name: string }[] = [];
  for (const child of children) {
    const value = data[child.name];
    if (value === undefined) continue;
    if (child.kind === 'field') {
      if (child.required) found.push({ path: [...path, child.name], name: child.name });
      continue;
    }
    const entries = (child.repeated ? value : [value]) as MessageData[];
    entries.forEach((entry, i) => found.push(...requiredFieldPaths(child.children, entry, child.repeated ? [...path, child.name, i] : [...path, child.name])));
  }
  return found;
}
