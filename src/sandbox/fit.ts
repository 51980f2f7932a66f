/**
 * Message data that fits a message type's table: the sandbox knows facts by field name (an
 * order's copNo, preNo, agentCode, ...) and writes each receipt or customs message from them, in
 * the shape its schema wants: a field the table has is written when known (cut to its length), a
 * required one that is not known is written empty (or 0) where the schema allows it, and a fact
 * the table has no field for is left out. Data made this way is in table order with every required
 * element, so a receipt is checked value by value against the schema's types and written, not
 * written and read back: a value the schema would refuse stops it all the same.
 */
import { MessageError } from '../domain/errors.js';
import { buildMessage, writeMessageXml } from '../messages/build.js';
import { notXml } from '../messages/data-shape.js';
import { messageIssue, type MessageIssue } from '../messages/issues.js';
import type { TransferParty } from '../messages/map-common.js';
import { transferNode } from '../messages/map-common.js';
import { testSigner } from '../messages/signer.js';
import { messageSpec, type MessageType } from '../messages/registry.js';
import { textValueProblem } from '../messages/schema/check.js';
import { isRepeated, type ElementSpec, type MessageData, type NodeSpec } from '../messages/spec.js';

/** Facts by field name; a child node's facts under its name (a list for a repeated node). */
export interface Facts {
  readonly [name: string]: string | Facts | readonly Facts[] | undefined;
}

function fieldDefault(element: Extract<ElementSpec, { kind: 'field' }>): string {
  const type = element.type;
  if (type.base === 'int') return '1';
  if (type.base === 'decimal') return '0';
  return element.fixed ?? element.default ?? '';
}

/** The data of `node` from `facts`. */
export function fitNode(node: NodeSpec, facts: Facts): MessageData {
  const out: Record<string, MessageData[string]> = {};
  for (const child of node.children) {
    const fact = facts[child.name];
    if (child.kind === 'field') {
      if (typeof fact === 'string' && fact !== '') {
        out[child.name] = child.type.base === 'string' ? cut(fact, child.type.maxLength) : fact;
      } else if (child.minOccurs > 0) out[child.name] = fieldDefault(child);
    } else if (child.kind === 'node') {
      const records = Array.isArray(fact) ? (fact as readonly Facts[]) : typeof fact === 'object' ? [fact as Facts] : child.minOccurs > 0 ? [{}] : [];
      if (records.length === 0) continue;
      const fitted = records.map((r) => fitNode(child, r));
      out[child.name] = isRepeated(child) ? fitted : (fitted[0] ?? {});
    }
  }
  return out;
}

/** `text` cut to at most `max` characters, counted as the schema counts them (a surrogate pair is one). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * What the schema would refuse in `data` written from `children`: an element occurring too few or
 * too many times, a required attribute missing, a value its type does not take or XML cannot carry.
 */
export function fittedIssues(children: readonly ElementSpec[], data: MessageData, path: readonly (string | number)[] = []): MessageIssue[] {
  const out: MessageIssue[] = [];
  for (const child of children) {
    const value = data[child.name];
    const records = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (records.length < child.minOccurs || records.length > child.maxOccurs) {
      out.push(messageIssue('schema', [...path, child.name], `occurs ${records.length} times; the schema wants ${child.minOccurs} to ${child.maxOccurs}`));
      continue;
    }
    records.forEach((record: MessageData[string], i) => {
      if (child.kind === 'xml') return;
      const at = (): (string | number)[] => (isRepeated(child) ? [...path, child.name, i] : [...path, child.name]);
      const fields = typeof record === 'object' && !Array.isArray(record) ? (record as MessageData) : {};
      for (const attribute of child.attributes ?? []) {
        if (attribute.required && fields[`@${attribute.name}`] === undefined) out.push(messageIssue('schema', [...at(), `@${attribute.name}`], `is required on ${child.name}`));
      }
      if (child.kind === 'node') {
        out.push(...fittedIssues(child.children, fields, at()));
        return;
      }
      const text = typeof record === 'string' ? record : fields['#text'];
      const problem = typeof text !== 'string' ? 'must be text' : notXml(text) ? 'holds a character XML cannot carry' : textValueProblem(text, child.type, child.fixed, child.default);
      if (problem !== undefined) out.push(messageIssue('schema', at(), problem, text));
    });
  }
  return out;
}

/**
 * A message of `type` (receipt or customs-issued) from facts for its first node: fitted, checked,
 * written.
 *
 * @throws {@link MessageError} when a fact does not fit its field (a sandbox bug: nothing is kept)
 */
export function buildFitted(type: MessageType, facts: Facts, guid: string): string {
  const spec = messageSpec(type);
  const node = spec.children[0];
  if (node === undefined || node.kind !== 'node') return buildMessage(type, {}, { guid });
  const record = fitNode(node, facts);
  const data: MessageData = { [node.name]: isRepeated(node) ? [record] : record };
  const issues = fittedIssues(spec.children, data);
  if (issues.length > 0) throw new MessageError(issues);
  return writeMessageXml(spec, data, guid, '1.0');
}

/**
 * A declaration of `type` from facts for its business record and the sender's BaseTransfer,
 * signed with `testSigner` where the schema has a Signature.
 */
export function buildFittedDeclaration(type: MessageType, record: Facts, transfer: TransferParty): string {
  const spec = messageSpec(type);
  const business = spec.children[0];
  const base = spec.children.find((c) => c.name === 'BaseTransfer');
  if (business === undefined || business.kind !== 'node') return buildMessage(type, {}, { signer: testSigner });
  const fitted = fitNode(business, record);
  const baseTransfer = base !== undefined && base.kind === 'node' ? { BaseTransfer: fitNode(base, transferNode(transfer) as Facts) } : {};
  return buildMessage(type, { [business.name]: isRepeated(business) ? [fitted] : fitted, ...baseTransfer }, { signer: testSigner });
}
