/**
 * The DXP transport envelope (docs/domain.md §2.1): `<DxpMsg xmlns="http://www.chinaport.gov.cn/dxp">`
 * with TransInfo (who sends what to whom), the business XML base64-encoded in Data, and optional
 * AddInfo.
 */
import { MessageError, type ValidationIssue } from '../domain/errors.js';
import { issuesFromZod } from '../domain/zod-issues.js';
import { decodeContent } from './decode.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ParseOptions } from './parse.js';
import { nodeContentSchema } from './schema.js';
import { one, opt, req, type ElementSpec, type MessageData } from './spec.js';
import { openTag, writeElements } from './xml-writer.js';
import { dropUndefined } from '../domain/drop-undefined.js';
import { localName, readXml } from './xml-reader.js';

/** The DXP namespace. */
export const DXP_NAMESPACE = 'http://www.chinaport.gov.cn/dxp';

/** TransInfo of a DXP envelope. */
export interface DxpTransInfo {
  /** The sender's message id (CopMsgId), unique per sender. */
  readonly copMsgId: string;
  /** DXP id of the sender, e.g. `DXPENT0000458763`. */
  readonly senderId: string;
  /** DXP ids of the receivers, e.g. `DXPEDCCEB0000002` (customs import) [P]. */
  readonly receiverIds: readonly string[];
  /** Creation time as the sender writes it (CreatTime, sic, on the wire), e.g. `2019-03-15T10:00:00`. */
  readonly createTime: string;
  /** Message type, e.g. `CEB311Message`. */
  readonly msgType: string;
}

/** AddInfo of a DXP envelope. */
export interface DxpAddInfo {
  readonly fileName?: string;
  readonly icCard?: string;
  readonly bizKey?: string;
}

/** An opened DXP envelope. */
export interface DxpEnvelope {
  readonly transInfo: DxpTransInfo;
  readonly addInfo?: DxpAddInfo;
  /** The business XML, decoded from Data. */
  readonly xml: string;
}

const BASE64 = { pattern: /^[A-Za-z0-9+/]*={0,2}$/, hint: 'base64 text' };

const ENVELOPE: readonly ElementSpec[] = [
  one('TransInfo', [
    req('CopMsgId', 64),
    req('SenderId', 30),
    one('ReceiverIds', [{ ...req('ReceiverId', 30), repeated: true }]),
    req('CreatTime', 30),
    req('MsgType', 30),
  ]),
  req('Data', Math.ceil((DEFAULT_LIMITS.maxBytes * 4) / 3) + 4, BASE64),
  { ...one('AddInfo', [opt('FileName', 255), opt('IcCard', 64), opt('BizKey', 255)]), required: false },
];

/**
 * Wraps a business message for DXP transport.
 *
 * @throws {@link MessageError} naming each TransInfo or AddInfo field that is missing or too long
 * @example
 * ```ts
 * wrapDxp(xml, { copMsgId: guid, senderId: 'DXPENT0000458763', receiverIds: ['DXPEDCCEB0000002'],
 *   createTime: '2019-03-15T10:00:00', msgType: 'CEB311Message' });
 * ```
 */
export function wrapDxp(xml: string, transInfo: DxpTransInfo, addInfo?: DxpAddInfo): string {
  const data: MessageData = {
    TransInfo: {
      CopMsgId: transInfo.copMsgId,
      SenderId: transInfo.senderId,
      ReceiverIds: { ReceiverId: transInfo.receiverIds },
      CreatTime: transInfo.createTime,
      MsgType: transInfo.msgType,
    },
    Data: Buffer.from(xml, 'utf8').toString('base64'),
    ...(addInfo ? { AddInfo: dropUndefined({ FileName: addInfo.fileName, IcCard: addInfo.icCard, BizKey: addInfo.bizKey }) } : {}),
  };
  const checked = nodeContentSchema(ENVELOPE).safeParse(data, { reportInput: true });
  if (!checked.success) throw new MessageError(issuesFromZod(checked.error));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    openTag('DxpMsg', [['xmlns', DXP_NAMESPACE], ['ver', '1.0']]),
    ...writeElements(ENVELOPE, data, '', 1),
    '</DxpMsg>',
    '',
  ].join('\n');
}

/**
 * Opens a DXP envelope and returns its TransInfo, AddInfo and the decoded business XML
 * (parse that with {@link parseMessage}).
 *
 * @throws {@link MessageError} for a malformed envelope, a missing field, or Data that is not
 *   base64 of UTF-8 text; never any other error
 */
export function unwrapDxp(xml: string, options: ParseOptions = {}): DxpEnvelope {
  const read = readXml(xml, { ...DEFAULT_LIMITS, ...options.limits });
  if ('issues' in read) throw new MessageError(read.issues);
  const issues: ValidationIssue[] = [];
  const root = read.root;
  if (localName(root.name) !== 'DxpMsg' || (root.attributes['xmlns'] ?? root.attributes[`xmlns:${root.name.split(':')[0]}`]) !== DXP_NAMESPACE) {
    throw new MessageError([{ path: [], value: root.name, reason: `must be a DxpMsg element in the namespace ${DXP_NAMESPACE}.` }]);
  }
  const data = decodeContent(root, ENVELOPE, [], { issues, skip: new Set(['Signature']) });
  const checked = nodeContentSchema(ENVELOPE).safeParse(data, { reportInput: true });
  if (!checked.success) issues.push(...issuesFromZod(checked.error));
  if (issues.length > 0) throw new MessageError(issues);
  const trans = data['TransInfo'] as { CopMsgId: string; SenderId: string; ReceiverIds: { ReceiverId: string[] }; CreatTime: string; MsgType: string };
  const add = data['AddInfo'] as Record<string, string> | undefined;
  return {
    transInfo: {
      copMsgId: trans.CopMsgId,
      senderId: trans.SenderId,
      receiverIds: trans.ReceiverIds.ReceiverId,
      createTime: trans.CreatTime,
      msgType: trans.MsgType,
    },
    ...(add ? { addInfo: dropUndefined({ fileName: add['FileName'], icCard: add['IcCard'], bizKey: add['BizKey'] }) } : {}),
    xml: decodeBase64(data['Data'] as string),
  };
}

function decodeBase64(text: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  } catch {
    throw new MessageError([{ path: ['Data'], value: undefined, reason: 'is not base64 of UTF-8 text; encode the business XML as UTF-8, then base64.' }]);
  }
}
