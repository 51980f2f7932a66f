/**
 * `cbec-sim/messages`: the CEB customs message catalogue: field tables, build, parse and
 * validate, the DXP envelope, and mappings from the domain model.
 *
 * @packageDocumentation
 */
export { MessageError, ValidationError, isCbecError } from '../domain/errors.js';
export type { ValidationIssue } from '../domain/errors.js';
export { MESSAGE_CATALOGUE, catalogueEntry } from './catalogue.js';
export type { CatalogueEntry, MessageFamily } from './catalogue.js';
export { MESSAGE_TYPES, messageSpec } from './registry.js';
export type { MessageType } from './registry.js';
export type { MessageData, MessageSpec, NodeSpec, FieldSpec, ElementSpec } from './spec.js';
export type { Format } from './formats.js';
export { buildMessage, CEB_NAMESPACE } from './build.js';
export type { BuildOptions } from './build.js';
export { parseMessage, validateMessage } from './parse.js';
export type { ParsedMessage, ParseOptions } from './parse.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ParseLimits } from './limits.js';
export { testSigner } from './signer.js';
export type { Signer, SignContext } from './signer.js';
export { wrapDxp, unwrapDxp, DXP_NAMESPACE } from './dxp.js';
export type { DxpTransInfo, DxpAddInfo, DxpEnvelope } from './dxp.js';
export { formatIssues } from './format-issues.js';
export { orderToCeb311, paymentToCeb411, waybillToCeb511, inventoryToCeb621 } from './map-import.js';
export { orderToCeb303, waybillToCeb505, inventoryToCeb603 } from './map-export.js';
export type { ExportListFacts } from './map-export.js';
export type { ListDeclarationFacts } from './map-list.js';
export type { DeclarationHeader, TransferParty } from './map-common.js';
export { receiptData, receiptMessage, returnTimeText, RETURN_STATUS_TEXT } from './receipts.js';
export type { ReceiptType, ReceiptFacts } from './receipts.js';
