/**
 * Turns an element tree into message data by walking the field table: each known element once,
 * or a list when it repeats; text kept exactly as it came (white space included); the signature
 * and open extension content kept as XML text. Elements the table does not know are left out
 * (the schema check reports them).
 */
import { textOf } from './schema/check.js';
import { isRepeated, type ElementSpec, type MessageData } from './spec.js';
import type { XmlElement } from './xml/read-xml.js';
import { serializeChildren, serializeContent, serializeElement } from './xml/write-xml.js';

type Entries = Record<string, string | string[] | MessageData | MessageData[]>;

function attributesOf(element: XmlElement, spec: ElementSpec): Entries {
  const out: Entries = {};
  if (spec.kind === 'xml') return out;
  for (const declared of spec.attributes ?? []) {
    const given = element.attributes.find((a) => a.namespace === '' && a.name === declared.name);
    if (given) out[`@${declared.name}`] = given.value;
  }
  return out;
}

function decodeOne(element: XmlElement, spec: ElementSpec): string | MessageData {
  switch (spec.kind) {
    case 'xml':
      return spec.content === 'signature' ? serializeElement(element) : spec.content === 'element' ? serializeChildren(element) : serializeContent(element);
    case 'field':
      return spec.attributes ? { ...attributesOf(element, spec), '#text': textOf(element) } : textOf(element);
    case 'node':
      return { ...attributesOf(element, spec), ...decodeContent(element, spec.children) };
  }
}

/** The data of `element`'s children, read against `children` (their field table). */
export function decodeContent(element: XmlElement, children: readonly ElementSpec[]): MessageData {
  const out: Entries = {};
  for (const child of element.children) {
    const spec = children.find((c) => c.name === child.name);
    if (spec === undefined) continue;
    const value = decodeOne(child, spec);
    if (isRepeated(spec)) ((out[spec.name] ??= []) as (string | MessageData)[]).push(value);
    else out[spec.name] ??= value as string;
  }
  return out;
}
