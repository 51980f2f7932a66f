/**
 * The vocabulary of the message field tables: a message is a tree of nodes, a node is an ordered
 * list of fields and child nodes, a field is text with a requiredness, a maximum length and a
 * format. Every message module (`types/ceb311.ts`, ...) is written in these terms, and the schema
 * builder, the XML writer, the XML reader and the test arbitraries all walk the same tables.
 */
import type { Format } from './formats.js';

/** One text element, e.g. `<ceb:orderNo>`. */
export interface FieldSpec {
  readonly kind: 'field';
  /** Element name without prefix, as the specification spells it (`acturalPaid`, sic). */
  readonly name: string;
  readonly required: boolean;
  /** Maximum length in characters. */
  readonly max: number;
  /** What the text must look like, beyond its length; free text when absent. */
  readonly format?: Format;
  /** True when the element may repeat (its value is then a list of strings). */
  readonly repeated?: boolean;
}

/** One element holding other elements, e.g. `<ceb:OrderHead>`. */
export interface NodeSpec {
  readonly kind: 'node';
  readonly name: string;
  readonly required: boolean;
  /** True when the element may repeat (its value is then a list, even of one). */
  readonly repeated: boolean;
  /** Children in the order the specification writes them. */
  readonly children: readonly ElementSpec[];
}

/** A field or a node. */
export type ElementSpec = FieldSpec | NodeSpec;

/** One CEB message type: its root's children (business node(s), then `BaseTransfer`). */
export interface MessageSpec {
  /** `CEB311` ... */
  readonly type: string;
  /** Children of the root element, in order. */
  readonly children: readonly NodeSpec[];
}

/**
 * Message data as it travels: every value is a string (as on the wire), a node is an object,
 * a repeated element is an array even with one entry.
 */
export interface MessageData {
  readonly [name: string]: string | readonly string[] | MessageData | readonly MessageData[];
}

/** A required field. */
export function req(name: string, max: number, format?: Format): FieldSpec {
  return format ? { kind: 'field', name, required: true, max, format } : { kind: 'field', name, required: true, max };
}

/** An optional field. */
export function opt(name: string, max: number, format?: Format): FieldSpec {
  return format ? { kind: 'field', name, required: false, max, format } : { kind: 'field', name, required: false, max };
}

/** A node that occurs exactly once. */
export function one(name: string, children: readonly ElementSpec[]): NodeSpec {
  return { kind: 'node', name, required: true, repeated: false, children };
}

/** A node that occurs once or more (`required`) or any number of times. */
export function many(name: string, children: readonly ElementSpec[], required = true): NodeSpec {
  return { kind: 'node', name, required, repeated: true, children };
}
