/** The customs side: receipt codes, reasons, three-document matching, scripts, export summary. */
export { ReceiptStatus, DETENTION_STATUSES, RECEIPT_APPLICABILITY, statusAllowed, receiptOrderProblem } from './receipts.js';
export type { DetentionStatus, ImportReceiptMessage, ExportReceiptMessage, ReceiptMessage, ReceiptReason, Receipt } from './receipts.js';
export { REASONS, REASON_CODES, reason, isReasonCode } from './reasons.js';
export type { ReasonCode, CustomsReason } from './reasons.js';
export { matchDocuments, documentWaitDeadline, DEFAULT_DOCUMENT_WAIT_MS } from './matching.js';
export type { DocumentKind, MatchInput, MatchOptions, MatchFailure } from './matching.js';
export { parseScript } from './scripts.js';
export type { Script, ScriptStep } from './scripts.js';
export { summarise, summaryDeadline, summaryResults, SummaryBuilder, SUMMARY_RULE_2018, SUMMARY_RULE_2016 } from './summary.js';
export type { SummaryCandidate, SummaryLine, SummaryRule, SummaryApplication, SummaryApplicationLine, SummaryResult, CountedSummaryApplication } from './summary.js';
