/**
 * DXP transport envelopes as messages: `DxpMsg` (what a client sends), `DxpMsgSv` (a server
 * node's wrapping of one) and `DxpRep` (the platform's response). An envelope is read against
 * its table like any message, its root's attributes kept in the data as `'@ver'` and `'@Id'`;
 * the CEB message its Data carries is read as a message of its own, its schema issues reported
 * under `Data`. An envelope is written from its data with the DXP namespace as default.
 */
import { decodeContent } from './decode.js';
import { messageIssue, type MessageIssue } from './issues.js';
import type { ParsedMessage } from './parse.js';
import { schemaIssues } from './schema/check.js';
import { rootDeclaration } from './schema/declarations.js';
import type { MessageData, MessageSpec } from './spec.js';
import { DXP_MSG_SV, DXP_NAMESPACE, DXP_REP, DXP_MSG } from './tables/dxp.js';
import type { XmlElement } from './xml/read-xml.js';
import { openTag, writeElements } from './xml/write-xml.js';

/** Every DXP envelope type, by its root element's name. */
export const ENVELOPE_TYPES = ['DxpMsg', 'DxpMsgSv', 'DxpRep'] as const;

/** A DXP envelope type: `'DxpMsg'`, `'DxpMsgSv'` or `'DxpRep'`. */
export type EnvelopeType = (typeof ENVELOPE_TYPES)[number];

const TABLES: Readonly<Record<EnvelopeType, MessageSpec>> = { DxpMsg: DXP_MSG, DxpMsgSv: DXP_MSG_SV, DxpRep: DXP_REP };

/** True when `type` names a DXP envelope. */
export function isEnvelopeType(type: string): type is EnvelopeType {
  return (ENVELOPE_TYPES as readonly string[]).includes(type);
}

/** The table of an envelope type. */
export function envelopeSpec(type: EnvelopeType): MessageSpec {
  return TABLES[type];
}

/** The envelope type of a root element, when it is one. */
export function envelopeTypeOf(root: XmlElement): EnvelopeType | undefined {
  return root.namespace === DXP_NAMESPACE && isEnvelopeType(root.name) ? root.name : undefined;
}

/** What reading the bytes an envelope's Data holds gave: the message, or issues saying why there is none. */
export interface Reading {
  readonly message?: ParsedMessage;
  readonly schema: readonly MessageIssue[];
  readonly business: readonly MessageIssue[];
}

/** The data of the DxpMsg that carries the business message: the envelope's own, or the one inside a DxpMsgSv. */
function carrier(type: EnvelopeType, data: MessageData): { data: MessageData; path: readonly string[] } | undefined {
  if (type === 'DxpMsg') return { data, path: [] };
  return type === 'DxpMsgSv' ? { data: data['DxpMsg'] as MessageData, path: ['DxpMsg'] } : undefined;
}

/** The bytes a DxpMsg's Data holds (base64, white space allowed). */
export function dataBytes(dxpMsg: MessageData): Uint8Array {
  return Buffer.from(String(dxpMsg['Data'] ?? '').replace(/[ \t\r\n]/g, ''), 'base64');
}

const within =
  (prefix: readonly string[]) =>
  ({ line: _line, ...issue }: MessageIssue): MessageIssue => ({ ...issue, path: [...prefix, ...issue.path] });

/** The data of an envelope: its root's attributes as `'@name'`, then its children. */
export function envelopeData(root: XmlElement, spec: MessageSpec): MessageData {
  const attributes: Record<string, string> = {};
  for (const declared of spec.attributes) {
    const given = root.attributes.find((a) => a.namespace === '' && a.name === declared.name);
    if (given) attributes[`@${declared.name}`] = given.value;
  }
  return { ...attributes, ...decodeContent(root, spec.children) };
}

/** An envelope read: its data, the message its Data carries, and the issues of both. */
export interface EnvelopeReading {
  readonly type: EnvelopeType;
  readonly data: MessageData;
  readonly message?: ParsedMessage;
  readonly schema: MessageIssue[];
  readonly business: MessageIssue[];
}

/**
 * Reads an envelope: the schema issues of the envelope, then (when it has none) those of the
 * CEB message in Data, under the path of Data; whether MsgType names that message.
 *
 * @param read - reads the bytes Data holds as a CEB message
 */
export function readEnvelope(root: XmlElement, type: EnvelopeType, read: (bytes: Uint8Array) => Reading): EnvelopeReading {
  const spec = TABLES[type];
  const schema = schemaIssues(root, rootDeclaration(spec, type));
  const data = envelopeData(root, spec);
  const business: MessageIssue[] = [];
  const dxpMsg = carrier(type, data);
  if (schema.length > 0 || !dxpMsg) return { type, data, schema, business };
  const inner = read(dataBytes(dxpMsg.data));
  const prefix = [...dxpMsg.path, 'Data'];
  schema.push(...inner.schema.map(within(prefix)));
  business.push(...inner.business.map(within(prefix)));
  const msgType = (dxpMsg.data['TransInfo'] as MessageData)['MsgType'];
  if (inner.message && msgType !== `${inner.message.type}Message`) {
    business.push(messageIssue('business', [...dxpMsg.path, 'TransInfo', 'MsgType'], `must name the message in Data, ${inner.message.type}Message`, msgType));
  }
  return { type, data, schema, business, ...(inner.message ? { message: inner.message } : {}) };
}

/** The issue of a Data that holds no CEB message cbec-sim reads (a business finding: the envelope schema allows any bytes). */
export function noCebMessage(reason: string): Reading {
  return { schema: [], business: [messageIssue('business', [], `holds no CEB message cbec-sim reads: it ${reason}`)] };
}

/** The names of the root attributes an envelope's data may hold (`'@ver'`, `'@Id'`). */
export function rootAttributeKeys(spec: MessageSpec): ReadonlySet<string> {
  return new Set(spec.attributes.map((a) => `@${a.name}`));
}

/**
 * An envelope as XML: `<DxpMsg xmlns="http://www.chinaport.gov.cn/dxp" ver="1.0">` (`ver` from
 * the data, `1.0` when absent; `Id` when the data has one), then its children in table order.
 */
export function writeEnvelope(spec: MessageSpec, data: MessageData): string {
  const attributes: [string, string][] = [['xmlns', DXP_NAMESPACE], ['ver', (data['@ver'] as string | undefined) ?? '1.0']];
  if (typeof data['@Id'] === 'string') attributes.push(['Id', data['@Id']]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', openTag(spec.type, attributes), ...writeElements(spec.children, data, '', 1), `</${spec.type}>`, ''].join('\n');
}
