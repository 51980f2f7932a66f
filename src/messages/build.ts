/**
 * buildMessage: message data to CEB XML (or a DXP envelope) that the official schema of the
 * chosen specification accepts. The data's shape is checked, the XML written in table order, and
 * the result read back and checked against the schema before it is returned: what leaves is
 * valid, or nothing leaves.
 */
import { MessageError } from '../domain/errors.js';
import { businessIssues } from './business.js';
import { shapeIssues } from './data-shape.js';
import { isEnvelopeType, rootAttributeKeys, writeEnvelope, type EnvelopeType } from './envelope.js';
import { messageIssue, type IssueLevel, type MessageIssue } from './issues.js';
import { LIMIT_CEILINGS } from './limits.js';
import { validateMessage } from './parse.js';
import { DEFAULT_SPEC, messageSpec, type MessageType } from './registry.js';
import { schemaIssues } from './schema/check.js';
import { rootDeclaration } from './schema/declarations.js';
import type { Signer } from './signer.js';
import type { MessageData, MessageSpec, SpecVersion } from './spec.js';
import { CEB_NAMESPACE } from './tables/common.js';
import { readXml } from './xml/read-xml.js';
import { openTag, writeElements } from './xml/write-xml.js';

/** Options of {@link buildMessage}. */
export interface BuildOptions {
  /** The specification version to follow: `'202205'` (default) or `'2018'`; a DXP envelope has 202205 only. */
  readonly spec?: SpecVersion;
  /** The root's guid attribute (36 characters); by default the guid of the first business record. Not used for an envelope (its Data holds the message). */
  readonly guid?: string;
  /** The root's version attribute (1 to 10 characters), kept as given; `'1.0'` by default. Not used for an envelope. */
  readonly version?: string;
  /**
   * Signs the message (types whose schema has a Signature; others are built unsigned): the
   * Signature element is placed where the schema puts it. Types whose
   * schema requires a Signature (CEB621, CEB623, CEB625, CEB711) need a signer, a `Signature` in
   * the data, or `unsigned: true`.
   */
  readonly signer?: Signer;
  /** Builds a type whose schema requires a Signature without one: an unsigned draft, not valid until signed. */
  readonly unsigned?: boolean;
  /** `'schema'` (default) refuses only what the schema rejects; `'business'` also refuses business issues. */
  readonly level?: IssueLevel;
}

/** The data key of the signature. */
const SIGNATURE = 'Signature';

function firstGuid(data: MessageData): string | undefined {
  for (const value of Object.values(data)) {
    const record = Array.isArray(value) ? value[0] : value;
    if (typeof record !== 'object' || record === null) continue;
    const direct = (record as MessageData)['guid'];
    if (typeof direct === 'string') return direct;
    const nested = firstGuid(record as MessageData);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function defaultTransfer(data: MessageData): MessageData {
  const transfer = data['BaseTransfer'];
  if (typeof transfer !== 'object' || Array.isArray(transfer) || transfer === null || 'dxpMode' in transfer) return data;
  return { ...data, BaseTransfer: { ...(transfer as MessageData), dxpMode: 'DXP' } };
}

/**
 * Writes message data as XML in table order, as {@link buildMessage} does, without checking it:
 * for data the caller has already fitted to the table and checked (the sandbox's receipts).
 */
export function writeMessageXml(spec: MessageSpec, data: MessageData, guid: string, version: string): string {
  const root = `ceb:${spec.type}Message`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    openTag(root, [['guid', guid], ['version', version], ['xmlns:ceb', CEB_NAMESPACE]]),
    ...writeElements(spec.children, data, 'ceb:', 1),
    `</${root}>`,
    '',
  ].join('\n');
}

function checkWritten(spec: MessageSpec, xml: string, allowUnsigned: boolean): MessageIssue[] {
  const read = readXml(xml, { maxDepth: 256, maxRepeat: 1_000_000 });
  if ('problem' in read) return [messageIssue('schema', [], `could not be written as XML: it ${read.problem}`)];
  const issues = schemaIssues(read.root, rootDeclaration(spec, `${spec.type}Message`));
  return allowUnsigned ? issues.filter((i) => !(i.path.length === 1 && i.path[0] === SIGNATURE)) : issues;
}

/** An envelope is checked as a reader checks it: its schema, then the message its Data carries. */
function checkEnvelope(xml: string, level: IssueLevel): MessageIssue[] {
  return [...validateMessage(xml, { level, limits: LIMIT_CEILINGS })];
}

function signatureSlot(spec: MessageSpec): 'required' | 'optional' | 'none' {
  const slot = spec.children.find((c) => c.name === SIGNATURE);
  return slot === undefined ? 'none' : slot.minOccurs > 0 ? 'required' : 'optional';
}

/**
 * Builds a CEB message: root `ceb:CEBnnnMessage` with the CEB namespace, `guid` and `version`,
 * then the root's children in the order of the chosen specification's schema. Builds a DXP
 * envelope (`DxpMsg`, `DxpMsgSv`, `DxpRep`) from envelope data as {@link parseMessage} gives it:
 * root attributes as `'@ver'` (default `1.0`) and `'@Id'`, Data as base64 text.
 *
 * @param data - the root's children by element name, values as strings, lists as arrays (the
 *   shape {@link parseMessage} returns); `BaseTransfer.dxpMode` defaults to `DXP`
 * @throws {@link MessageError} listing every problem with its path, or naming the type when its
 *   schema requires a Signature and neither a signer, a Signature nor `unsigned` is given
 * @example
 * ```ts
 * const xml = buildMessage('CEB311', data, { spec: '202205' });
 * const signed = buildMessage('CEB621', listData, { signer: testSigner });
 * const envelope = buildMessage(parsed.type, parsed.data, parsed); // parsed = parseMessage(dxpFile)
 * ```
 */
export function buildMessage(type: MessageType | EnvelopeType, data: MessageData, options: BuildOptions = {}): string {
  const spec = messageSpec(type, options.spec ?? DEFAULT_SPEC);
  const envelope = isEnvelopeType(type);
  const shape = shapeIssues(spec.children, data, [], envelope ? rootAttributeKeys(spec) : new Set());
  if (shape.length > 0) throw new MessageError(shape);
  const full = defaultTransfer(data);
  const guid = envelope ? '' : (options.guid ?? firstGuid(full) ?? '');
  const version = options.version ?? '1.0';
  const signed = full[SIGNATURE] !== undefined;
  const slot = signatureSlot(spec);
  const signer = slot === 'none' ? undefined : options.signer;
  if (!signed && !signer && !options.unsigned && slot === 'required') {
    throw new MessageError([
      messageIssue('schema', [SIGNATURE], `is required: the ${spec.version} schema of ${type} requires a signed message; pass a signer, a Signature in the data, or { unsigned: true } for an unsigned draft`),
    ]);
  }
  const write = (content: MessageData) => (envelope ? writeEnvelope(spec, content) : writeMessageXml(spec, content, guid, version));
  let xml = write(full);
  if (!signed && signer) {
    const withSignature = { ...full, [SIGNATURE]: signer(xml, { type, guid, spec: spec.version }) };
    const signatureShape = shapeIssues(spec.children, withSignature, [], envelope ? rootAttributeKeys(spec) : new Set());
    if (signatureShape.length > 0) throw new MessageError(signatureShape);
    xml = write(withSignature);
  }
  const level = options.level ?? 'schema';
  const issues = envelope ? checkEnvelope(xml, level) : checkWritten(spec, xml, options.unsigned === true && !signed && !signer);
  if (!envelope && level === 'business') issues.push(...businessIssues(spec, full, guid));
  if (issues.length > 0) throw new MessageError(issues);
  return xml;
}
