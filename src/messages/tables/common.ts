/**
 * What the CEB message tables share: the root (namespace, `guid` and `version`), the head every
 * declaration starts with, `BaseTransfer`, `BaseSubscribe`, `ExtendMessage` and the signature.
 * Source: the official import and export schemas of the 2018 specification (GACC Announcement
 * No. 113 of 2018) and of its 2022-05 revision.
 */
import { node, opt, text, type AttributeSpec, type ElementSpec, type FieldSpec, type MessageSpec, type NodeSpec, type SpecVersion, type XmlSpec } from '../spec.js';

/** The namespace of every CEB business message. */
export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';

const stringOf = (minLength: number, maxLength: number) => ({ base: 'string' as const, minLength, maxLength, collapse: false });

/** The root's attributes: `guid`, exactly 36 characters, and `version`, 1 to 10. */
export const ROOT_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'guid', required: true, type: stringOf(36, 36) },
  { name: 'version', required: true, type: stringOf(1, 10) },
];

/** A CEB message table: the root `CEBnnnMessage` in the CEB namespace with its children. */
export function ceb(type: string, version: SpecVersion, children: readonly ElementSpec[]): MessageSpec {
  return { type, version, namespace: CEB_NAMESPACE, attributes: ROOT_ATTRIBUTES, children };
}

const head = (appStatusMax: number): readonly FieldSpec[] => [text('guid', 36), text('appType', 1), text('appTime', 14), text('appStatus', 1, appStatusMax)];

/** guid, appType, appTime and appStatus, as an import declaration's head starts (appStatus up to 3 characters). */
export const IMPORT_HEAD = head(3);
/** guid, appType, appTime and appStatus, as an export declaration's head starts (appStatus exactly 1 character). */
export const EXPORT_HEAD = head(1);

const transfer = (copCodeMin: number): NodeSpec =>
  node('BaseTransfer', [text('copCode', copCodeMin, 18), text('copName', 0, 100), text('dxpMode', 3), text('dxpId', 0, 30), opt(text('note', 0, 1000))]);

/** BaseTransfer of import declarations: who transmits the message (copCode required non-empty). */
export const IMPORT_TRANSFER = transfer(1);
/** BaseTransfer of export declarations (copCode may be empty). */
export const EXPORT_TRANSFER = transfer(0);

/** BaseSubscribe: a third party subscribing to the record's receipts. */
export const BASE_SUBSCRIBE = node('BaseSubscribe', [text('status', 0, 100), text('dxpMode', 3), text('dxpAddress', 0, 100), opt(text('note', 0, 1000))]);

/** The content of `ExtendMessage/Message`: at most one element of any namespace, kept as XML. */
export const MESSAGE_CONTENT: XmlSpec = { kind: 'xml', name: 'Message', minOccurs: 1, maxOccurs: 1, content: 'element' };

/** ExtendMessage: a user-defined extension (name, version, and one element of any content). */
export const EXTEND_MESSAGE = node('ExtendMessage', [text('name', 0, 30), text('version', 0, 30), MESSAGE_CONTENT]);

/** The XML-DSig `Signature` element, kept as XML. */
export const SIGNATURE: XmlSpec = { kind: 'xml', name: 'Signature', minOccurs: 1, maxOccurs: 1, content: 'signature' };
