/**
 * Message data that fits a message type's table: the sandbox knows facts by field name (an
 * order's copNo, preNo, agentCode, ...) and writes each receipt or customs message from them, in
 * the shape its schema wants: a field the table has is written when known (cut to its length), a
 * required one that is not known is written empty (or 0) where the schema allows it, and a fact
 * the table has no field for is left out.
 */
import { buildMessage } from '../messages/build.js';
import type { TransferParty } from '../messages/map-common.js';
import { transferNode } from '../messages/map-common.js';
import { testSigner } from '../messages/signer.js';
import { messageSpec, type MessageType } from '../messages/registry.js';
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
        const max = child.type.base === 'string' ? child.type.maxLength : Infinity;
        out[child.name] = fact.length > max ? fact.slice(0, max) : fact;
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

/** A message of `type` (receipt or customs-issued) built from facts for its first node. */
export function buildFitted(type: MessageType, facts: Facts, guid: string): string {
  const node = messageSpec(type).children[0];
  if (node === undefined || node.kind !== 'node') return buildMessage(type, {}, { guid });
  const record = fitNode(node, facts);
  return buildMessage(type, { [node.name]: isRepeated(node) ? [record] : record }, { guid });
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
