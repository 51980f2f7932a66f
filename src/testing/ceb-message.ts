import fc from 'fast-check';
import { buildMessage } from '../messages/build.js';
import { DEFAULT_SPEC, messageSpec, messageTypesOf, type MessageType } from '../messages/registry.js';
import { testSigner } from '../messages/signer.js';
import type { MessageData, SpecVersion } from '../messages/spec.js';
import { messageData } from './message-data.js';

/** A generated CEB message: its type, specification version, data and the XML `buildMessage` made of it. */
export interface CebMessage {
  readonly type: MessageType;
  readonly spec: SpecVersion;
  readonly data: MessageData;
  readonly xml: string;
}

/**
 * CEB messages of `type` (of any type of the version when absent) in specification version
 * `spec` (2022-05 by default), built from data that fits the type's field table (signed with
 * `testSigner` where the schema requires a signature, the Signature then in `data`), so
 * `validateMessage(xml, { level: 'schema' })` finds nothing and `parseMessage(xml).data` equals
 * `data`. Business rules that tie fields together (totals, check digits) are
 * not arranged.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(cebMessage('CEB622'), (m) => validateMessage(m.xml, { level: 'schema' }).length === 0));
 * ```
 */
export function cebMessage(type?: MessageType, spec: SpecVersion = DEFAULT_SPEC): fc.Arbitrary<CebMessage> {
  if (type === undefined) return fc.constantFrom(...messageTypesOf(spec)).chain((t) => cebMessage(t, spec));
  const table = messageSpec(type, spec);
  const signed = table.children.some((c) => c.name === 'Signature' && c.minOccurs > 0);
  return messageData(table).map((unsigned) => {
    const draft = buildMessage(type, unsigned, { spec, unsigned: true });
    const guid = /guid="([^"]*)"/.exec(draft)?.[1] ?? '';
    const data = signed ? { ...unsigned, Signature: testSigner(draft, { type, guid, spec }) } : unsigned;
    return { type, spec, data, xml: signed ? buildMessage(type, data, { spec }) : draft };
  });
}

