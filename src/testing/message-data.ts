/**
 * Message data derived from the same field tables the library validates with: a field's format
 * gives its generator, its maximum length bounds free text, and requiredness decides whether the
 * key may be absent.
 */
import fc from 'fast-check';
import { TEXT } from '../messages/formats.js';
import type { ElementSpec, FieldSpec, MessageData, MessageSpec } from '../messages/spec.js';

// Characters that stress escaping and encoding: XML specials, CJK, a surrogate pair, inner spaces.
const UNITS = ['a', 'Z', '7', ' ', '&', '<', '>', '"', "'", ';', '#', '|', '-', ']', '广', '州', '税', '😀'];

/**
 * Free text within `max` characters, matching the TEXT format (no edge spaces, no controls),
 * rich in characters that need escaping.
 *
 * @example
 * ```ts
 * fc.sample(freeText(10), 3); // ['a&<广', 'Z', '😀;#']
 * ```
 */
export function freeText(max: number): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: Math.min(max, 24) })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max && TEXT.pattern.test(s));
}

/**
 * Values for one field: from its format's pattern, or free text; optional fields are sometimes
 * empty.
 *
 * @example
 * ```ts
 * fieldValue(messageSpec('CEB311').children[0].children[0].children[0] as FieldSpec);
 * ```
 */
export function fieldValue(field: FieldSpec): fc.Arbitrary<string> {
  const value = field.format ? fc.stringMatching(field.format.pattern).filter((s) => s.length <= field.max) : freeText(field.max);
  return field.required ? value : fc.oneof({ arbitrary: value, weight: 9 }, { arbitrary: fc.constant(''), weight: 1 });
}

function element(spec: ElementSpec): fc.Arbitrary<string | string[] | MessageData | MessageData[]> {
  const one = spec.kind === 'field' ? fieldValue(spec) : nodeData(spec.children);
  if (!spec.repeated) return one;
  return fc.array(one as fc.Arbitrary<string & MessageData>, { minLength: 1, maxLength: 3 });
}

/**
 * Data for a node's content: every required child, any subset of the optional ones.
 *
 * @example
 * ```ts
 * nodeData(messageSpec('CEB311').children[1].children); // BaseTransfer data
 * ```
 */
export function nodeData(children: readonly ElementSpec[]): fc.Arbitrary<MessageData> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const child of children) model[child.name] = element(child);
  const requiredKeys = children.filter((c) => c.required).map((c) => c.name);
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<MessageData>;
}

/**
 * Data for a whole message of a type (the root's children), which `buildMessage` accepts.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(messageData(messageSpec('CEB621')), (d) => validateMessage(buildMessage('CEB621', d)).length === 0));
 * ```
 */
export function messageData(spec: Pick<MessageSpec, 'children'>): fc.Arbitrary<MessageData> {
  return nodeData(spec.children);
}
