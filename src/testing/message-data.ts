/**
 * Message data derived from the same field tables the library validates with: a field's simple
 * type bounds its text (length, decimal digits, integer range), its business format gives its
 * generator, and its occurrences decide whether it may be absent and how often it repeats.
 */
import fc from 'fast-check';
import { simpleTypeProblem } from '../messages/schema/simple-types.js';
import { isRepeated, type ElementSpec, type FieldSpec, type MessageData, type MessageSpec, type SimpleType } from '../messages/spec.js';

// Characters that stress escaping and encoding: XML specials, CJK, a surrogate pair, spaces and line breaks.
const UNITS = ['a', 'Z', '7', ' ', '&', '<', '>', '"', "'", ';', '#', '|', '-', ']', '\n', '\t', '\r', '广', '州', '税', '😀'];

/**
 * Text of `minLength` to `max` characters (code points), rich in characters that need escaping,
 * with spaces and line breaks where the schema keeps them.
 *
 * @example
 * ```ts
 * fc.sample(freeText(10), 3); // ['a&<广', 'Z', '😀;#']
 * ```
 */
export function freeText(max: number, minLength = 1): fc.Arbitrary<string> {
  const most = Math.max(minLength, Math.min(max, 24));
  return fc.array(fc.constantFrom(...UNITS), { minLength, maxLength: most }).map((units) => units.join(''));
}

function typedValue(type: SimpleType): fc.Arbitrary<string> {
  switch (type.base) {
    case 'decimal':
      return fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 })).map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
    case 'int':
      return fc.integer({ min: 1, max: 10 ** Math.min(type.totalDigits ?? 9, 9) - 1 }).map(String);
    case 'string':
      return freeText(type.maxLength, type.minLength).filter((s) => simpleTypeProblem(s, type) === undefined);
    default:
      return fc.constant('');
  }
}

/** A real instant between 2016 and 2030 as 8, 14 or 17 digits (YYYYMMDD[hhmmss[SSS]]). */
function instant(digits: number): fc.Arbitrary<string> {
  return fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString().replace(/\D/g, '').slice(0, digits));
}

/**
 * Values for one field: from its business format when it has one, within its schema type.
 *
 * @example
 * ```ts
 * fieldValue(messageSpec('CEB311').children[0].children[0].children[0] as FieldSpec);
 * ```
 */
export function fieldValue(field: FieldSpec): fc.Arbitrary<string> {
  if (field.fixed !== undefined) return fc.constant(field.fixed);
  const format = field.format;
  if (!format) return typedValue(field.type);
  const digits = /^\^\\d\{(8|14|17)\}\$$/.exec(format.pattern.source)?.[1];
  if (digits !== undefined) return instant(Number(digits));
  return fc.stringMatching(format.pattern).filter((s) => simpleTypeProblem(s, field.type) === undefined && (format.check === undefined || format.check(s)));
}

function element(spec: ElementSpec): fc.Arbitrary<string | string[] | MessageData | MessageData[]> | undefined {
  if (spec.kind === 'xml') return spec.content === 'element' ? fc.constantFrom('', '<x:ref xmlns:x="urn:example:erp">SO-1 &amp; 2</x:ref>') : undefined;
  const one = spec.kind === 'field' ? fieldValue(spec) : nodeData(spec.children);
  if (!isRepeated(spec)) return one;
  return fc.array(one as fc.Arbitrary<string & MessageData>, { minLength: Math.max(spec.minOccurs, 1), maxLength: Math.min(spec.maxOccurs, 3) });
}

/**
 * Data for a node's content: every required child, any subset of the optional ones (elements
 * kept as XML, such as the signature, are left to the builder).
 *
 * @example
 * ```ts
 * nodeData(messageSpec('CEB311').children[1].children); // BaseTransfer data
 * ```
 */
export function nodeData(children: readonly ElementSpec[]): fc.Arbitrary<MessageData> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const child of children) {
    const arbitrary = element(child);
    if (!arbitrary) continue;
    model[child.name] = arbitrary;
    if (child.minOccurs > 0) requiredKeys.push(child.name);
  }
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<MessageData>;
}

/**
 * Data for a whole message of a type (the root's children), which `buildMessage` accepts.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(messageData(messageSpec('CEB311')), (d) => validateMessage(buildMessage('CEB311', d), { level: 'schema' }).length === 0));
 * ```
 */
export function messageData(spec: Pick<MessageSpec, 'children'>): fc.Arbitrary<MessageData> {
  return nodeData(spec.children);
}
