/**
 * The DXP transport envelopes of the China E-port data exchange platform: `DxpMsg` (what a client
 * sends: TransInfo, the business message base64-encoded in Data, AddInfo), `DxpMsgSv` (a server
 * node's wrapping of it) and `DxpRep` (the platform's response).
 * Source: the official transport schemas published with the 2022-05 CEB specification
 * (terminal-202205.xsd for DxpMsg and DxpRep, transfer-202205.xsd for DxpMsgSv).
 */
import { builtin, node, occurs, opt, text, type AttributeSpec, type ElementSpec, type FieldSpec, type MessageSpec, type NodeSpec } from '../spec.js';
import { SIGNATURE } from './common.js';

/** The DXP namespace. */
export const DXP_NAMESPACE = 'http://www.chinaport.gov.cn/dxp';

const string = (minLength: number, maxLength: number) => ({ base: 'string' as const, minLength, maxLength, collapse: false });
const VER: AttributeSpec = { name: 'ver', required: true, type: string(0, Number.POSITIVE_INFINITY), fixed: '1.0' };
const ID: AttributeSpec = { name: 'Id', required: false, type: { base: 'ID' } };

/** TransInfo: the sender's message id, sender, up to five receivers, creation time, message type. */
function transInfo(name: string): NodeSpec {
  return node(name, [
    text('CopMsgId', 1, 255),
    text('SenderId', 1, 16),
    node('ReceiverIds', [occurs(text('ReceiverId', 1, 16), 1, 5)]),
    builtin('CreatTime', 'dateTime'),
    text('MsgType', 0, 30),
  ]);
}

const KEY: FieldSpec = { ...occurs(text('Key', 1, 64), 1, 5), attributes: [{ name: 'name', required: false, type: string(1, 32) }] };
const IS_TEXT: NodeSpec = { ...node('IsText', []), attributes: [{ name: 'Encode', required: true, type: string(0, 50) }] };

const ADD_INFO = node('AddInfo', [
  opt(text('FileName', 1, 255)),
  opt(text('IcCard', 1, 13)),
  opt(node('BizKey', [KEY])),
  opt(IS_TEXT),
  opt({ kind: 'xml', name: 'RecMapId', minOccurs: 1, maxOccurs: 1, content: 'any' }),
]);

const DXP_MSG_CHILDREN: readonly ElementSpec[] = [transInfo('TransInfo'), builtin('Data', 'base64Binary'), opt(ADD_INFO), opt(SIGNATURE)];

const envelope = (type: string, children: readonly ElementSpec[], attributes: readonly AttributeSpec[]): MessageSpec => ({
  type,
  version: '202205',
  namespace: DXP_NAMESPACE,
  attributes,
  children,
});

/** `DxpMsg`: the envelope a client sends. */
export const DXP_MSG = envelope('DxpMsg', DXP_MSG_CHILDREN, [VER, ID]);

/** `DxpMsgSv`: a server node's wrapping of a `DxpMsg`, with its own routing (SvNo). */
export const DXP_MSG_SV = envelope(
  'DxpMsgSv',
  [
    {
      ...node('SvNo', [text('MsgId', 1, 32), opt(text('SubMsgId', 1)), builtin('SendTime', 'dateTime'), text('EndNode', 1, 8), text('StaNode', 1, 8)]),
      attributes: [{ ...VER, name: 'Ver' }],
    },
    { ...node('DxpMsg', DXP_MSG_CHILDREN), attributes: [VER, ID] },
    opt(SIGNATURE),
  ],
  [VER, ID],
);

/** `DxpRep`: the exchange platform's response to a `DxpMsg`. */
export const DXP_REP = envelope(
  'DxpRep',
  [
    text('RecevierId', 1, 16),
    opt(text('AdNodeId', 1, 8)),
    node(
      'Response',
      [
        opt(text('NodeId', 1, 8)),
        text('ResponseCode', 1, 9),
        opt(text('ResponseInfo', 0, 300)),
        opt(node('Results', [node('Result', [text('RecId', 1, 16), text('Code', 1, 9), opt(text('Info', 0, 300)), opt(text('Note', 0, 500))], [1, Number.POSITIVE_INFINITY])])),
        builtin('NoticeTime', 'date'),
        opt(text('Note', 0, 500)),
        transInfo('OriHead'),
      ],
      [1, Number.POSITIVE_INFINITY],
    ),
    opt(SIGNATURE),
  ],
  [VER],
);

/** The envelope tables by root name. */
export const ENVELOPES: Readonly<Record<string, MessageSpec>> = { DxpMsg: DXP_MSG, DxpMsgSv: DXP_MSG_SV, DxpRep: DXP_REP };
