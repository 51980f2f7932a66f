/**
 * `cbec-sim/messages`: the CEB customs messages of the 2018 and 2022-05 specifications: field
 * tables that follow the official schemas, build, parse and validate (schema and business
 * levels), the DXP transport envelope, signing, and mappings from the domain model.
 *
 * @packageDocumentation
 */
export { MessageError, ValidationError, isCbecError } from '../domain/errors.js';
export type { ValidationIssue } from '../domain/errors.js';
export { MESSAGE_CATALOGUE, catalogueEntry } from './catalogue.js';
export type { CatalogueEntry, MessageFamily } from './catalogue.js';
export { MESSAGE_TYPES, DEFAULT_SPEC, messageSpec, messageTypesOf, isMessageType, schemaFamily } from './registry.js';
export type { MessageType } from './registry.js';
export { SPEC_VERSIONS, isRepeated } from './spec.js';
export type { MessageData, MessageSpec, NodeSpec, FieldSpec, XmlSpec, ElementSpec, SimpleType, AttributeSpec, SpecVersion, Table } from './spec.js';
export type { Format } from './formats.js';
export { formatOf } from './formats.js';
export { CEB_NAMESPACE } from './tables/common.js';
export { DSIG_NAMESPACE } from './schema/dsig.js';
export { buildMessage } from './build.js';
export type { BuildOptions } from './build.js';
export { parseMessage, validateMessage } from './parse.js';
export type { ParsedMessage, ParseOptions, MessageInput } from './parse.js';
export type { MessageIssue, IssueLevel } from './issues.js';
export { DEFAULT_LIMITS, LIMIT_CEILINGS, LimitError } from './limits.js';
export type { ParseLimits } from './limits.js';
export { decodeXmlBytes } from './xml/decode-bytes.js';
export type { DecodeResult } from './xml/decode-bytes.js';
export { testSigner } from './signer.js';
export type { Signer, SignContext } from './signer.js';
export { wrapDxp, unwrapDxp, DXP_NAMESPACE } from './dxp.js';
export type { DxpTransInfo, DxpAddInfo, DxpKey, DxpEnvelope } from './dxp.js';
export { formatIssues } from './format-issues.js';
export { orderToCeb311, paymentToCeb411, waybillToCeb511, inventoryToCeb621 } from './map-import.js';
export { orderToCeb303, waybillToCeb505, inventoryToCeb603 } from './map-export.js';
export type { ExportListFacts } from './map-export.js';
export type { ListDeclarationFacts } from './map-list.js';
export type { DeclarationHeader, TransferParty } from './map-common.js';
export { receiptData, receiptMessage, returnTimeText, RETURN_STATUS_TEXT } from './receipts.js';
export type { ReceiptType, ReceiptFacts } from './receipts.js';
