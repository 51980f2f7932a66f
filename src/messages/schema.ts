/**
 * Builds zod schemas from the field tables, so every message is checked by the same rules:
 * required fields present and non-empty, lengths within the maximum, text in its format,
 * no unknown fields, lists as arrays.
 */
import { z } from 'zod';
import { TEXT } from './formats.js';
import type { ElementSpec, FieldSpec, MessageSpec, NodeSpec } from './spec.js';

/**
 * What is wrong with one value of a field, as the end of a sentence, or `undefined` when it is fine.
 * Optional fields may be empty (`<ceb:note/>`); required ones may not.
 */
export function fieldProblem(field: FieldSpec, value: string): string | undefined {
  if (value === '') return field.required ? `is required; give a value (empty text is not one)` : undefined;
  if (value.length > field.max) return `is ${value.length} characters long; ${field.name} takes at most ${field.max}`;
  const format = field.format ?? TEXT;
  return format.pattern.test(value) ? undefined : `must be ${format.hint}`;
}

function missingOr(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required; add it' : `must be ${what}, not ${describe(issue.input)}`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function textSchema(field: FieldSpec) {
  return z.string({ error: missingOr('text (a string)') }).superRefine((value, ctx) => {
    const problem = fieldProblem(field, value);
    if (problem) ctx.addIssue({ code: 'custom', input: value, message: problem });
  });
}

function fieldSchema(field: FieldSpec): z.ZodType {
  if (!field.repeated) return field.required ? textSchema(field) : textSchema(field).optional();
  const list = z.array(textSchema(field), { error: missingOr('a list of strings') });
  return field.required ? list.min(1, { message: `needs at least one ${field.name}` }) : list.optional();
}

/** The zod schema of a node's content: an object with exactly the node's children. */
export function nodeContentSchema(children: readonly ElementSpec[]): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const child of children) shape[child.name] = child.kind === 'field' ? fieldSchema(child) : nodeSchema(child);
  const known = children.map((c) => c.name).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has unknown element${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}; the known ones are ${known}`
        : missingOr('an object of elements')(issue),
  });
}

function nodeSchema(node: NodeSpec): z.ZodType {
  const content = nodeContentSchema(node.children);
  if (!node.repeated) return node.required ? content : content.optional();
  const list = z.array(content, { error: missingOr(`a list of ${node.name} objects`) });
  return node.required ? list.min(1, { message: `needs at least one ${node.name}` }) : list.optional();
}

const cache = new WeakMap<MessageSpec, z.ZodType>();

/** The zod schema of a message's data (the root's children), built once per type. */
export function messageSchema(spec: MessageSpec): z.ZodType {
  let schema = cache.get(spec);
  if (!schema) {
    schema = nodeContentSchema(spec.children);
    cache.set(spec, schema);
  }
  return schema;
}
