/**
 * What the instance generator knows of an XML Schema: element and attribute declarations, simple
 * types with their facets, complex types with their content models. Read from the official XSD
 * files at conformance time (./read-xsd.ts), independently of the library's own field tables.
 */

/** A built-in XML Schema datatype the generator can make values of. */
export type Builtin =
  | 'string' | 'normalizedString' | 'token' | 'decimal' | 'integer' | 'int' | 'long' | 'short' | 'byte'
  | 'nonNegativeInteger' | 'positiveInteger' | 'boolean' | 'date' | 'dateTime' | 'time' | 'base64Binary'
  | 'hexBinary' | 'anyURI' | 'ID' | 'NCName' | 'Name' | 'anySimpleType';

/** The facets of a restriction, merged along its derivation chain. */
export interface Facets {
  readonly length?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly totalDigits?: number;
  readonly fractionDigits?: number;
  readonly enumeration?: readonly string[];
  /** Patterns of each derivation step (a value must match one of each step's list). */
  readonly patterns?: readonly (readonly string[])[];
  readonly whiteSpace?: 'preserve' | 'replace' | 'collapse';
}

export interface SimpleType {
  readonly kind: 'simple';
  readonly base: Builtin;
  readonly facets: Facets;
}

export interface AttributeDecl {
  /** Namespace: empty for the unqualified attributes these schemas declare. */
  readonly namespace: string;
  readonly name: string;
  readonly required: boolean;
  readonly type: SimpleType;
  readonly fixed?: string;
  readonly default?: string;
}

/** A wildcard: `##any`, `##other`, or a list of namespaces. */
export interface Wildcard {
  readonly kind: 'any';
  readonly namespaces: '##any' | { readonly other: string } | readonly string[];
  readonly process: 'skip' | 'lax' | 'strict';
  readonly min: number;
  readonly max: number;
}

export type Particle =
  | { readonly kind: 'element'; readonly decl: ElementDecl; readonly min: number; readonly max: number }
  | { readonly kind: 'sequence' | 'choice'; readonly items: readonly Particle[]; readonly min: number; readonly max: number }
  | Wildcard;

/** Element-only, mixed or empty content (`particle` absent), or text of a simple type. */
export type Content = { readonly kind: 'elements'; readonly particle?: Particle; readonly mixed: boolean } | { readonly kind: 'simple'; readonly type: SimpleType };

export interface ComplexType {
  readonly kind: 'complex';
  readonly attributes: readonly AttributeDecl[];
  /** Any attribute allowed (`anyType`). */
  readonly anyAttribute: boolean;
  readonly content: Content;
}

export interface ElementDecl {
  readonly namespace: string;
  readonly name: string;
  /** Resolved on first use, so that declarations may refer to each other in any order. */
  readonly type: () => SimpleType | ComplexType;
  readonly fixed: string | undefined;
  readonly default: string | undefined;
  readonly nillable: boolean;
  /** The named type of the declaration (`{namespace}name`), which `xsi:type` may name; undefined for a type of its own. */
  readonly typeName: string | undefined;
}

/** The global element declarations of a set of schema documents, by `{namespace}name`. */
export interface Schema {
  readonly elements: ReadonlyMap<string, ElementDecl>;
}

/** The key of a global declaration. */
export const key = (namespace: string, name: string): string => `{${namespace}}${name}`;

/** The `anyType` of XML Schema: any attributes, mixed content of any elements (lax). */
export const ANY_TYPE: ComplexType = {
  kind: 'complex',
  attributes: [],
  anyAttribute: true,
  content: { kind: 'elements', mixed: true, particle: { kind: 'any', namespaces: '##any', process: 'lax', min: 0, max: Number.POSITIVE_INFINITY } },
};
