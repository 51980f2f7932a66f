/**
 * The DXP transport envelope: `<DxpMsg xmlns="http://www.chinaport.gov.cn/dxp" ver="1.0">` with
 * TransInfo (who sends what to whom), the business message base64-encoded in Data, and optional
 * AddInfo (file name, IC card, business keys, text flag, receiver mapping). {@link wrapDxp} writes
 * one around a message; {@link unwrapDxp} opens one (or the `DxpMsg` inside a server's
 * `DxpMsgSv`) into plain fields. {@link parseMessage}, {@link validateMessage} and
 * {@link buildMessage} take envelopes as messages of their own.
 */
import { MessageError } from '../domain/errors.js';
import { dropUndefined } from '../domain/drop-undefined.js';
import { buildMessage } from './build.js';
import { dataBytes, envelopeData, envelopeSpec, envelopeTypeOf } from './envelope.js';
import { messageIssue } from './issues.js';
import { LIMIT_CEILINGS, resolveLimits } from './limits.js';
import type { MessageInput, ParseOptions } from './parse.js';
import { schemaIssues } from './schema/check.js';
import { rootDeclaration } from './schema/declarations.js';
import type { MessageData } from './spec.js';
import { DXP_NAMESPACE } from './tables/dxp.js';
import { decodeXmlBytes } from './xml/decode-bytes.js';
import { readXml } from './xml/read-xml.js';
import { serializeContent } from './xml/write-xml.js';

export { DXP_NAMESPACE } from './tables/dxp.js';

/** TransInfo of a DXP envelope. */
export interface DxpTransInfo {
  /** The sender's message id (CopMsgId, 1 to 255 characters), unique per sender. */
  readonly copMsgId: string;
  /** DXP id of the sender (1 to 16 characters), e.g. `DXPENT0000458763`. */
  readonly senderId: string;
  /** DXP ids of the receivers (1 to 5, each 1 to 16 characters), e.g. `DXPEDCCEB0000002` (customs import). */
  readonly receiverIds: readonly string[];
  /** Creation time (CreatTime, sic), an XML dateTime, e.g. `2019-03-15T10:00:00` or `2019-03-15T10:00:00+08:00`. */
  readonly createTime: string;
  /** Message type, e.g. `CEB311Message`. */
  readonly msgType: string;
}

/** One business key of AddInfo/BizKey: `<Key name="orderNo">NS2019...</Key>`. */
export interface DxpKey {
  /** The key's name attribute (1 to 32 characters), when it has one. */
  readonly name?: string;
  /** The key's value, 1 to 64 characters. */
  readonly value: string;
}

/** AddInfo of a DXP envelope. */
export interface DxpAddInfo {
  /** The original file name, 1 to 255 characters. */
  readonly fileName?: string;
  /** The sender's e-port IC card number, 1 to 13 characters. */
  readonly icCard?: string;
  /** Up to five business keys. */
  readonly bizKeys?: readonly DxpKey[];
  /** When set, Data is text in this character set (IsText Encode="..."). */
  readonly isText?: string;
  /**
   * The receiver's mapping id (RecMapId), as XML content (text or elements). The schema also
   * allows attributes on RecMapId; {@link parseMessage} keeps them (the whole element is in its
   * data), this view does not.
   */
  readonly recMapId?: string;
}

/** An opened DXP envelope. */
export interface DxpEnvelope {
  readonly transInfo: DxpTransInfo;
  readonly addInfo?: DxpAddInfo;
  /** The business message, decoded from Data in the encoding its own declaration names. */
  readonly xml: string;
}

function addInfoData(add: DxpAddInfo): MessageData {
  return dropUndefined({
    FileName: add.fileName,
    IcCard: add.icCard,
    BizKey: add.bizKeys && { Key: add.bizKeys.map((k) => dropUndefined({ '@name': k.name, '#text': k.value }) as MessageData) },
    IsText: add.isText === undefined ? undefined : { '@Encode': add.isText },
    RecMapId: add.recMapId === undefined ? undefined : `<RecMapId xmlns="${DXP_NAMESPACE}">${add.recMapId}</RecMapId>`,
  }) as MessageData;
}

/**
 * Wraps a business message for DXP transport: Data is the message's bytes in base64 (a string as
 * UTF-8). The envelope is built with {@link buildMessage}, so a CEB message in it must be valid too.
 *
 * @throws {@link MessageError} naming each TransInfo or AddInfo field the envelope schema refuses,
 *   and each schema problem of the CEB message inside (under `Data`)
 * @example
 * ```ts
 * wrapDxp(xml, { copMsgId: guid, senderId: 'DXPENT0000458763', receiverIds: ['DXPEDCCEB0000002'],
 *   createTime: '2019-03-15T10:00:00', msgType: 'CEB311Message' }, { bizKeys: [{ name: 'orderNo', value: 'NS1' }] });
 * ```
 */
export function wrapDxp(xml: string | Uint8Array, transInfo: DxpTransInfo, addInfo?: DxpAddInfo): string {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml);
  const data: MessageData = {
    TransInfo: {
      CopMsgId: transInfo.copMsgId,
      SenderId: transInfo.senderId,
      ReceiverIds: { ReceiverId: [...transInfo.receiverIds] },
      CreatTime: transInfo.createTime,
      MsgType: transInfo.msgType,
    },
    Data: bytes.toString('base64'),
    ...(addInfo ? { AddInfo: addInfoData(addInfo) } : {}),
  };
  return buildMessage('DxpMsg', data);
}

function transInfoOf(data: MessageData): DxpTransInfo {
  const trans = data['TransInfo'] as MessageData;
  return {
    copMsgId: trans['CopMsgId'] as string,
    senderId: trans['SenderId'] as string,
    receiverIds: (trans['ReceiverIds'] as MessageData)['ReceiverId'] as readonly string[],
    createTime: trans['CreatTime'] as string,
    msgType: trans['MsgType'] as string,
  };
}

/** The content of a RecMapId element kept whole in the data. */
function recMapContent(element: string | undefined): string | undefined {
  if (element === undefined) return undefined;
  const read = readXml(element, { maxDepth: LIMIT_CEILINGS.maxDepth, maxRepeat: LIMIT_CEILINGS.maxRepeat });
  return 'root' in read ? serializeContent(read.root) : undefined;
}

function addInfoOf(add: MessageData): DxpAddInfo {
  const keys = (add['BizKey'] as MessageData | undefined)?.['Key'] as readonly MessageData[] | undefined;
  return dropUndefined({
    fileName: add['FileName'] as string | undefined,
    icCard: add['IcCard'] as string | undefined,
    bizKeys: keys?.map((k) => dropUndefined({ name: k['@name'] as string | undefined, value: k['#text'] as string }) as DxpKey),
    isText: (add['IsText'] as MessageData | undefined)?.['@Encode'] as string | undefined,
    recMapId: recMapContent(add['RecMapId'] as string | undefined),
  }) as DxpAddInfo;
}

/**
 * Opens a DXP envelope (a `DxpMsg`, or the `DxpMsg` inside a `DxpMsgSv`) and returns its
 * TransInfo, AddInfo and the business message (parse that with {@link parseMessage}).
 *
 * @throws {@link MessageError} when the envelope is malformed or its schema refuses it, or Data
 *   does not hold a message in a readable encoding; never any other error
 */
export function unwrapDxp(input: MessageInput, options: Pick<ParseOptions, 'limits'> = {}): DxpEnvelope {
  const limits = resolveLimits(options.limits);
  const decoded = typeof input === 'string' ? { text: input } : decodeXmlBytes(input);
  if (!('text' in decoded)) throw new MessageError([messageIssue('schema', [], decoded.problem)]);
  const read = readXml(decoded.text, limits);
  if ('problem' in read) throw new MessageError([messageIssue('schema', [], read.problem, undefined, read.line)]);
  const type = envelopeTypeOf(read.root);
  if (type !== 'DxpMsg' && type !== 'DxpMsgSv') throw new MessageError([messageIssue('schema', [], `is <${read.root.qname}>, not a DxpMsg or DxpMsgSv envelope in the namespace ${DXP_NAMESPACE}`, read.root.qname)]);
  const spec = envelopeSpec(type);
  const issues = schemaIssues(read.root, rootDeclaration(spec, type));
  if (issues.length > 0) throw new MessageError(issues.slice(0, limits.maxIssues));
  const envelope = envelopeData(read.root, spec);
  const data = type === 'DxpMsg' ? envelope : (envelope['DxpMsg'] as MessageData);
  const body = decodeXmlBytes(dataBytes(data));
  if (!('text' in body)) throw new MessageError([messageIssue('schema', ['Data'], `holds a message that ${body.problem}`)]);
  const add = data['AddInfo'] as MessageData | undefined;
  return { transInfo: transInfoOf(data), ...(add ? { addInfo: addInfoOf(add) } : {}), xml: body.text };
}
