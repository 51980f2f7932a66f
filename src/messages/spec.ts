/**
 * The vocabulary of the message field tables. A message is a tree of elements: a node holds
 * other elements in a fixed order, a field holds text of a simple type, an XML element (the
 * signature, the content of `ExtendMessage/Message`) is kept as XML text. Each element has the
 * occurrence range the official schema gives it. The tables (`tables/*.ts`) are written in these
 * terms, and the builder, the reader, the schema check and the test arbitraries walk the same
 * tables.
 */
import type { Format } from './formats.js';

/** A version of the CEB message specification: 2018 No.113, or its 2022-05 revision. */
export type SpecVersion = '2018' | '202205';

/** Every specification version, oldest first. */
export const SPEC_VERSIONS: readonly SpecVersion[] = ['2018', '202205'];

/** The simple type of a field's text, as the official schema restricts it. */
export type SimpleType =
  | {
      readonly base: 'string';
      /** Fewest characters (0 when the schema sets no minimum). */
      readonly minLength: number;
      /** Most characters (`Infinity` when the schema sets no maximum). */
      readonly maxLength: number;
      /** True when the schema collapses white space before counting (`whiteSpace="collapse"`). */
      readonly collapse: boolean;
    }
  /** A decimal of at most `totalDigits` significant digits, `fractionDigits` of them after the point. */
  | { readonly base: 'decimal'; readonly totalDigits: number; readonly fractionDigits: number }
  /** A 32-bit integer (`xs:int`), optionally of at most `totalDigits` digits. */
  | { readonly base: 'int'; readonly totalDigits?: number }
  /** Other built-in types of the transport envelope and the signature. */
  | { readonly base: 'dateTime' | 'date' | 'base64Binary' | 'anyURI' | 'integer' | 'ID' };

/** An attribute of an element. */
export interface AttributeSpec {
  /** Local name, e.g. `name` of `<Key name="...">`. */
  readonly name: string;
  readonly required: boolean;
  readonly type: SimpleType;
  /** The only value the schema allows (`fixed`), e.g. `ver="1.0"`. */
  readonly fixed?: string;
}

interface Occurs {
  /** Fewest occurrences: 0 for an optional element. */
  readonly minOccurs: number;
  /** Most occurrences (`Infinity` when unbounded); above 1 the data holds a list. */
  readonly maxOccurs: number;
}

/** One text element, e.g. `<ceb:orderNo>`. */
export interface FieldSpec extends Occurs {
  readonly kind: 'field';
  /** Element name without prefix, as the specification spells it (`acturalPaid`, sic). */
  readonly name: string;
  readonly type: SimpleType;
  /** What the text must look like at the business level (codes, dates, check digits); free text when absent. */
  readonly format?: Format;
  /** Attributes of the element; its data is then `{ '#text': ..., '@name': ... }`. */
  readonly attributes?: readonly AttributeSpec[];
  /** The only value the schema allows (`fixed`); an empty element stands for it. */
  readonly fixed?: string;
  /** The value an empty element stands for (`default`). */
  readonly default?: string;
}

/** One element holding other elements, e.g. `<ceb:OrderHead>`. */
export interface NodeSpec extends Occurs {
  readonly kind: 'node';
  readonly name: string;
  /** Children in the order the specification writes them. */
  readonly children: readonly ElementSpec[];
  /** Attributes of the element, kept in the data as `'@name'` entries. */
  readonly attributes?: readonly AttributeSpec[];
}

/**
 * An element kept as XML text in the data: `'signature'`, the whole XML-DSig `Signature`
 * element; `'element'`, the one element of any namespace inside `ExtendMessage/Message`
 * (or nothing); `'any'`, whatever content the schema leaves open (`RecMapId`).
 */
export interface XmlSpec extends Occurs {
  readonly kind: 'xml';
  readonly name: string;
  readonly content: 'signature' | 'element' | 'any';
}

/** A field, a node or an XML element. */
export type ElementSpec = FieldSpec | NodeSpec | XmlSpec;

/** One message type in one specification version: its root's children, in order. */
export interface MessageSpec {
  /** `CEB311` ..., or a transport envelope (`DxpMsg`). */
  readonly type: string;
  readonly version: SpecVersion;
  /** The namespace of every element but the signature. */
  readonly namespace: string;
  /** Attributes of the root (`guid` and `version` for CEB messages). */
  readonly attributes: readonly AttributeSpec[];
  readonly children: readonly ElementSpec[];
}

/**
 * Message data as it travels: every value is a string (as on the wire, white space kept), a
 * node is an object, a repeated element (one whose `maxOccurs` is above 1) is an array even with
 * one entry. An element kept as XML (the Signature) is a string of XML.
 */
export interface MessageData {
  readonly [name: string]: string | readonly string[] | MessageData | readonly MessageData[];
}

/** A field table of one message type, for a specification version. */
export type Table = (version: SpecVersion) => MessageSpec;

/** Marks a text field whose schema collapses white space. */
export const COLLAPSE = true;
/** Marks a text field whose schema keeps white space as it is. */
export const PRESERVE = false;

/**
 * A required text field: `text('guid', 36)` for an exact length, `text('orderNo', 1, 60)` for a
 * range (`Infinity` when unbounded).
 */
export function text(name: string, minLength: number, maxLength = minLength, collapse = PRESERVE): FieldSpec {
  return { kind: 'field', name, minOccurs: 1, maxOccurs: 1, type: { base: 'string', minLength, maxLength, collapse } };
}

/** A required decimal field, N19,5 unless given. */
export function decimal(name: string, totalDigits = 19, fractionDigits = 5): FieldSpec {
  return { kind: 'field', name, minOccurs: 1, maxOccurs: 1, type: { base: 'decimal', totalDigits, fractionDigits } };
}

/** A required `xs:int` field, of at most `totalDigits` digits when given. */
export function int(name: string, totalDigits?: number): FieldSpec {
  const type = totalDigits === undefined ? { base: 'int' as const } : { base: 'int' as const, totalDigits };
  return { kind: 'field', name, minOccurs: 1, maxOccurs: 1, type };
}

/** A required field of another built-in type. */
export function builtin(name: string, base: 'dateTime' | 'date' | 'base64Binary' | 'anyURI' | 'integer' | 'ID'): FieldSpec {
  return { kind: 'field', name, minOccurs: 1, maxOccurs: 1, type: { base } };
}

/** `field` whose value is fixed by the schema: `fixedTo(text('currency', 3), '142')`. */
export function fixedTo(field: FieldSpec, value: string): FieldSpec {
  return { ...field, fixed: value };
}

/** `field` with the value an empty element stands for. */
export function withDefault(field: FieldSpec, value: string): FieldSpec {
  return { ...field, default: value };
}

/** A node occurring `[min, max]` times (once by default). */
export function node(name: string, children: readonly ElementSpec[], [minOccurs, maxOccurs]: readonly [number, number] = [1, 1]): NodeSpec {
  return { kind: 'node', name, minOccurs, maxOccurs, children };
}

/** `element` occurring from `minOccurs` to `maxOccurs` times. */
export function occurs<T extends ElementSpec>(element: T, minOccurs: number, maxOccurs: number): T {
  return { ...element, minOccurs, maxOccurs };
}

/** `element`, optional. */
export function opt<T extends ElementSpec>(element: T): T {
  return occurs(element, 0, element.maxOccurs);
}

/** The 2018 or the 2022-05 form of a field, whichever `version` asks for. */
export function by<T>(version: SpecVersion, in2018: T, in202205: T): T {
  return version === '2018' ? in2018 : in202205;
}

/** `elements` when `version` is `only`, nothing otherwise. */
export function only(version: SpecVersion, only: SpecVersion, ...elements: readonly ElementSpec[]): readonly ElementSpec[] {
  return version === only ? elements : [];
}

/** True when the data of `element` is a list. */
export function isRepeated(element: Pick<ElementSpec, 'maxOccurs'>): boolean {
  return element.maxOccurs > 1;
}
