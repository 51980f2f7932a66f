/**
 * `cbec-sim/testing`: property-based testing of customs flows with fast-check: arbitraries for
 * buyers, goods, orders and their documents, CEB messages, scenarios and event sequences;
 * invariants to call on any run, report or log; and model-based commands that find where your
 * order system and customs disagree. fast-check is an optional peer dependency: install it to use
 * this entry point.
 *
 * @packageDocumentation
 */
export { arbitraries } from './arbitraries.js';
export { residentId, invalidResidentId, ID_CORRUPTIONS } from './resident-id.js';
export type { IdCorruption } from './resident-id.js';
export { amount } from './amount.js';
export { buyer, consignee } from './buyer.js';
export type { BuyerOptions } from './buyer.js';
export { goods, hsCode } from './goods.js';
export type { GoodsOptions } from './goods.js';
export { orderInput } from './order-input.js';
export { channelDocuments, inventoryList, planOf } from './documents.js';
export type { DocumentSet, DocumentOptions } from './documents.js';
export { flawsFor } from './flaws.js';
export type { DocumentFlaw } from './flaws.js';
export { freeText, fieldValue, nodeData, messageData } from './message-data.js';
export { cebMessage } from './ceb-message.js';
export type { CebMessage } from './ceb-message.js';
export { scenarioInput } from './scenario.js';
export type { ScenarioOptions } from './scenario.js';
export { eventWalk, autopilotEvents, anyEvents } from './channel-events.js';
export type { EventSequence, EventOptions } from './channel-events.js';
export { channelEventsAt } from './probe-events.js';
export { invariants, checkInvariants, assertInvariants } from './invariants.js';
export type { RunEvidence } from './invariants.js';
export { everyOrderAccountedFor } from './orders-accounted.js';
export { releaseNeedsMatchedDocuments } from './release-matched.js';
export { receiptsInAllowedOrder } from './receipt-order.js';
export { loggedReceipts } from './log-receipts.js';
export type { LoggedReceipt } from './log-receipts.js';
export { stepRecords } from './step-records.js';
export { quotaWithinLimit, quotaMovements } from './quota-limit.js';
export type { QuotaLimitOptions } from './quota-limit.js';
export { ledgerNeverNegative } from './ledger-non-negative.js';
export { taxesExact } from './taxes-exact.js';
export type { TaxedOrder } from './taxes-exact.js';
export { InvariantError } from './violation.js';
export type { Violation, InvariantName } from './violation.js';
export { customsCommands, asyncCustomsCommands, DisagreementError } from './customs-commands.js';
export type { CustomsCommandOptions } from './customs-commands.js';
export { createCustomsModel } from './customs-model.js';
export type { CustomsModel } from './customs-model.js';
export { customsSetup } from './customs-setup.js';
export { STEP_KINDS } from './customs-actions.js';
export type { CustomsAction, CustomsActionKind } from './customs-actions.js';
export { statusOf, disagreement } from './order-view.js';
export type { OrderStatus, OrderView } from './order-view.js';
export type { SystemUnderTest, AsyncSystemUnderTest } from './system-under-test.js';
export { ValidationError } from '../domain/errors.js';
export { sandboxCommands, sandboxSetup, SandboxDisagreementError } from './sandbox-commands.js';
export type { LiveSandbox } from './sandbox-commands.js';
export { createSandboxModel, SANDBOX_ACTION_KINDS } from './sandbox-model.js';
export type { SandboxModel, SandboxActionKind } from './sandbox-model.js';
