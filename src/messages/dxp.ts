/**
 * The DXP transport envelope: `<DxpMsg xmlns="http://www.chinaport.gov.cn/dxp" ver="1.0">` with
 * TransInfo (who sends what to whom), the business message base64-encoded in Data, and optional
 * AddInfo (file name, IC card, business keys, text flag, receiver mapping). {@link wrapDxp} writes
 * one; {@link unwrapDxp} opens one (or the `DxpMsg` inside a server's `DxpMsgSv`);
 * {@link validateMessage} checks an envelope and the message inside it.
 */
import { MessageError } from '../domain/errors.js';
import { dropUndefined } from '../domain/drop-undefined.js';
import { shapeIssues } from './data-shape.js';
import { decodeContent } from './decode.js';
import { messageIssue, type MessageIssue } from './issues.js';
import { resolveLimits } from './limits.js';
import type { MessageInput, ParseOptions } from './parse.js';
import { schemaIssues } from './schema/check.js';
import { rootDeclaration } from './schema/declarations.js';
import type { MessageData, MessageSpec } from './spec.js';
import { DXP_MSG, DXP_NAMESPACE, ENVELOPES } from './tables/dxp.js';
import { decodeXmlBytes } from './xml/decode-bytes.js';
import { readXml, type XmlElement } from './xml/read-xml.js';
import { openTag, writeElements } from './xml/write-xml.js';

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
  /** The receiver's mapping id (RecMapId), as XML content. */
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
    RecMapId: add.recMapId,
  }) as MessageData;
}

function checkEnvelope(spec: MessageSpec, data: MessageData, xml: string): MessageIssue[] {
  const shape = shapeIssues(spec.children, data);
  if (shape.length > 0) return shape;
  const read = readXml(xml, { maxDepth: 64, maxRepeat: 1_000_000 });
  if ('problem' in read) return [messageIssue('schema', [], `could not be written as XML: it ${read.problem}`)];
  return schemaIssues(read.root, rootDeclaration(spec, spec.type));
}

/**
 * Wraps a business message for DXP transport: Data is the message's UTF-8 bytes in base64.
 *
 * @throws {@link MessageError} naming each TransInfo or AddInfo field the envelope schema refuses
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
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    openTag('DxpMsg', [['xmlns', DXP_NAMESPACE], ['ver', '1.0']]),
    ...writeElements(DXP_MSG.children, data, '', 1),
    '</DxpMsg>',
    '',
  ].join('\n');
  const issues = checkEnvelope(DXP_MSG, data, out);
  if (issues.length > 0) throw new MessageError(issues);
  return out;
}

/** The DxpMsg element of an envelope: the root, or the one inside a DxpMsgSv. */
export function innerDxpMsg(root: XmlElement): XmlElement | undefined {
  if (root.name === 'DxpMsg') return root;
  return root.name === 'DxpMsgSv' ? root.children.find((c) => c.name === 'DxpMsg' && c.namespace === DXP_NAMESPACE) : undefined;
}

/** The bytes Data holds, or `undefined` when it is not base64. */
export function dataBytes(data: MessageData): Uint8Array | undefined {
  const text = data['Data'];
  return typeof text === 'string' ? Buffer.from(text.replace(/[ \t\r\n]/g, ''), 'base64') : undefined;
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

function addInfoOf(add: MessageData): DxpAddInfo {
  const keys = (add['BizKey'] as MessageData | undefined)?.['Key'] as readonly MessageData[] | undefined;
  return dropUndefined({
    fileName: add['FileName'] as string | undefined,
    icCard: add['IcCard'] as string | undefined,
    bizKeys: keys?.map((k) => dropUndefined({ name: k['@name'] as string | undefined, value: k['#text'] as string }) as DxpKey),
    isText: (add['IsText'] as MessageData | undefined)?.['@Encode'] as string | undefined,
    recMapId: add['RecMapId'] as string | undefined,
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
  const spec = read.root.namespace === DXP_NAMESPACE ? ENVELOPES[read.root.name] : undefined;
  const msg = innerDxpMsg(read.root);
  if (!spec || !msg) throw new MessageError([messageIssue('schema', [], `is <${read.root.qname}>, not a DxpMsg or DxpMsgSv envelope in the namespace ${DXP_NAMESPACE}`, read.root.qname)]);
  const issues = schemaIssues(read.root, rootDeclaration(spec, spec.type));
  if (issues.length > 0) throw new MessageError(issues.slice(0, limits.maxIssues));
  const data = decodeContent(msg, DXP_MSG.children);
  const body = decodeXmlBytes(dataBytes(data) ?? new Uint8Array());
  if (!('text' in body)) throw new MessageError([messageIssue('schema', ['Data'], `holds a message that ${body.problem}`)]);
  const add = data['AddInfo'] as MessageData | undefined;
  return { transInfo: transInfoOf(data), ...(add ? { addInfo: addInfoOf(add) } : {}), xml: body.text };
}
