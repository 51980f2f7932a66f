/**
 * The kit's arbitraries as one object, `arbitraries.order(...)`-style, for users who prefer a
 * namespace to named imports.
 */
import { amount } from './amount.js';
import { buyer, consignee } from './buyer.js';
import { cebMessage } from './ceb-message.js';
import { anyEvents, autopilotEvents, eventWalk } from './channel-events.js';
import { channelDocuments, inventoryList } from './documents.js';
import { goods, hsCode } from './goods.js';
import { freeText, messageData } from './message-data.js';
import { orderInput } from './order-input.js';
import { invalidResidentId, residentId } from './resident-id.js';
import { scenarioInput } from './scenario.js';

/**
 * Every fast-check arbitrary of cbec-sim's testing kit.
 *
 * @example
 * ```ts
 * import { arbitraries } from 'cbec-sim/testing';
 * fc.assert(fc.property(arbitraries.channelDocuments('9610-import'), (docs) => matchDocuments(docs, { required: ['order', 'payment', 'waybill'] }).length === 0));
 * ```
 */
export const arbitraries = {
  /** The same as {@link residentId}. */
  residentId,
  /** The same as {@link invalidResidentId}. */
  invalidResidentId,
  /** The same as {@link amount}. */
  amount,
  /** The same as {@link buyer}. */
  buyer,
  /** The same as {@link consignee}. */
  consignee,
  /** The same as {@link hsCode}. */
  hsCode,
  /** The same as {@link goods}. */
  goods,
  /** The same as {@link orderInput}. */
  orderInput,
  /** The same as {@link channelDocuments}. */
  channelDocuments,
  /** The same as {@link inventoryList}. */
  inventoryList,
  /** The same as {@link freeText}. */
  freeText,
  /** The same as {@link messageData}. */
  messageData,
  /** The same as {@link cebMessage}. */
  cebMessage,
  /** The same as {@link scenarioInput}. */
  scenarioInput,
  /** The same as {@link eventWalk}. */
  eventWalk,
  /** The same as {@link autopilotEvents}. */
  autopilotEvents,
  /** The same as {@link anyEvents}. */
  anyEvents,
} as const;
