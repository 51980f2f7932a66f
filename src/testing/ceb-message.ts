import fc from 'fast-check';
import { buildMessage } from '../messages/build.js';
import { MESSAGE_TYPES, messageSpec, type MessageType } from '../messages/registry.js';
import type { MessageData } from '../messages/spec.js';
import { messageData } from './message-data.js';

/** A generated CEB message: its type, its data and the XML `buildMessage` made of it. */
export interface CebMessage {
  readonly type: MessageType;
  readonly data: MessageData;
  readonly xml: string;
}

/**
 * CEB messages of `type` (of any type in the catalogue when absent), built from data that fits
 * the type's field table, so `validateMessage(xml)` finds nothing and `parseMessage(xml).data`
 * equals `data`.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(cebMessage('CEB622'), (m) => validateMessage(m.xml).length === 0));
 * ```
 */
export function cebMessage(type?: MessageType): fc.Arbitrary<CebMessage> {
  if (type === undefined) return fc.constantFrom(...MESSAGE_TYPES).chain((t) => cebMessage(t));
  return messageData(messageSpec(type)).map((data) => ({ type, data, xml: buildMessage(type, data) }));
}
