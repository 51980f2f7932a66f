/**
 * Reading what senders post: a CEB message, bare or in a DXP envelope, checked with the message
 * layer's parser (size, depth and repetition caps; no DOCTYPE or entities). A message that cannot
 * be read, or that customs would not take from an enterprise, is answered at once with the
 * schema-error receipt the real system sends (CEB900, returnStatus -1).
 */
import type { ValidationIssue } from '../domain/errors.js';
import { formatIssues } from '../messages/format-issues.js';
import { unwrapDxp } from '../messages/dxp.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../messages/limits.js';
import { parseMessage } from '../messages/parse.js';
import { isMessageType } from '../messages/registry.js';
import { receiptMessage } from '../messages/receipts.js';
import type { MessageData } from '../messages/spec.js';
import { isCbecError } from '../domain/errors.js';
import type { Incoming } from './engine.js';
import { DECLARATION_TYPES } from './filings.js';
import { noteScript, mergeScripts } from './scripts.js';

/** A message that cannot be taken, with what was known about it and the CEB900 facts. */
export interface Unreadable {
  readonly issues: readonly ValidationIssue[];
  /** The sender, when the envelope or BaseTransfer named one (the CEB900 is stored for it too). */
  readonly sender?: string;
  readonly guid?: string;
  readonly type?: string;
}

/** What reading one posted message gave. */
export type IntakeResult = { readonly ok: Incoming } | { readonly refused: Unreadable };

const DXP_ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?DxpMsg[\s>/]/;
const GUID_ATTRIBUTE = /\bguid\s*=\s*["']([^"']{1,64})["']/;
const ROOT_TYPE = /<(?:[\w.-]+:)?(CEB\d{3})Message[\s>/]/;

/** Text on one line of at most `max` characters, as free-text CEB fields must be. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\p{Cc}\p{Cs}\ufffe\uffff\s]+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function senderOf(data: MessageData): string | undefined {
  const transfer = data['BaseTransfer'];
  if (typeof transfer !== 'object' || Array.isArray(transfer)) return undefined;
  const dxpId = (transfer as MessageData)['dxpId'];
  return typeof dxpId === 'string' && dxpId !== '' ? dxpId : undefined;
}

/**
 * Reads one posted message.
 *
 * @param headerScript - the `X-Cbec-Script` header, '' when absent
 */
export function readMessage(text: string, headerScript: string, limits: ParseLimits = DEFAULT_LIMITS): IntakeResult {
  let xml = text;
  let envelopeSender: string | undefined;
  if (DXP_ROOT.test(text)) {
    try {
      const envelope = unwrapDxp(text, { limits });
      xml = envelope.xml;
      envelopeSender = envelope.transInfo.senderId;
    } catch (error) {
      if (!isCbecError(error) || !('issues' in error)) throw error;
      return { refused: { issues: (error as { issues: readonly ValidationIssue[] }).issues } };
    }
  }
  const guidGuess = GUID_ATTRIBUTE.exec(xml.slice(0, 4096))?.[1];
  const typeGuess = ROOT_TYPE.exec(xml.slice(0, 4096))?.[1];
  const known = { ...(envelopeSender !== undefined && { sender: envelopeSender }), ...(guidGuess !== undefined && { guid: guidGuess }), ...(typeGuess !== undefined && { type: typeGuess }) };
  // the schema level is what the real system checks on arrival (CEB900); business rules are customs' to judge
  let message: ReturnType<typeof parseMessage>;
  try {
    message = parseMessage(xml, { limits, level: 'schema' });
  } catch (error) {
    if (!isCbecError(error) || !('issues' in error)) throw error;
    return { refused: { issues: (error as { issues: readonly ValidationIssue[] }).issues, ...known } };
  }
  const sender = envelopeSender ?? senderOf(message.data) ?? '';
  const type = message.type;
  if (!isMessageType(type) || !DECLARATION_TYPES.includes(type)) {
    return { refused: { issues: [{ path: [], value: type, reason: `${type} is a message customs sends, not one it receives; send one of ${DECLARATION_TYPES.join(', ')}.` }], ...known, sender } };
  }
  return { ok: { guid: message.guid, type, sender, data: message.data, xml, script: mergeScripts(headerScript, noteScript(message.data)) } };
}

/** The CEB900 schema-error receipt for an unreadable message. */
export function ceb900(refused: Unreadable, guid: string, at: number): string {
  const lines = formatIssues(refused.issues);
  return receiptMessage('CEB900', {
    guid,
    identifiers: {
      oriCopMsgId: oneLine(refused.guid ?? 'unknown', 64),
      oriMessageType: oneLine(refused.type ?? 'unknown', 20),
      oriBizMessage: oneLine(lines.join('; ') || 'unreadable', 4000),
    },
    returnStatus: -1,
    returnTime: at,
    returnInfo: oneLine(`报文格式校验失败 (schema check failed): ${lines[0] ?? 'unreadable'}${lines.length > 1 ? ` (+${lines.length - 1} more)` : ''}`, 1000),
  });
}
