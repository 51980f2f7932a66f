/**
 * `cbec-sim/sandbox`: a local customs Single Window sandbox. Start one in a test with
 * {@link startSandbox} (or `cbec-sim serve` from the command line), talk to it with
 * {@link createSandboxClient}, and build the parties' messages with {@link declarationMessages}
 * and the request builders.
 *
 * @packageDocumentation
 */
export { startSandbox } from './start.js';
export type { Sandbox, SandboxOptions } from './start.js';
export { createSandboxClient, SandboxRequestError } from './client.js';
export type { SandboxClient, SandboxClientOptions, ReceiptRecord, ReceiptPage, SendOutcome, ClockState, OrderView, OrderSummary, ChartNode, TimelineEntry } from './client.js';
export type { WebhookOptions } from './webhooks.js';
export { declarationMessages, messageGuid, SAMPLE_SENDERS } from './declarations.js';
export type { OrderDocuments, DeclarationSenders, DeclarationOptions, DeclarationMessages } from './declarations.js';
export { cancelMessage, returnMessage, transportMessage, waybillStatusMessage, summaryMessage } from './requests.js';
export type { RequestOptions } from './requests.js';
export type { StatusMeta } from '../channels/regions.js';
export type { TransferParty } from '../messages/map-common.js';
