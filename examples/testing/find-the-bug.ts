/**
 * The demo: property-test the in-memory order service against the customs model of the 9610
 * direct-buy import channel, and report the shortest sequence of customs actions after which the
 * service and customs disagree, with the line that replays it.
 *
 * Run: `npx tsx examples/testing/find-the-bug.ts`. The suite calls {@link findTheBug} too
 * (`test/testing/finds-bug.test.ts`).
 */
import fc from 'fast-check';
import type { ChannelId } from '../../src/channels/registry.js';
import { channelDocuments, customsCommands, customsSetup } from '../../src/testing/index.js';
import { runIfMain } from '../run-if-main.js';
import { InMemoryOrderService, OrderServiceAdapter, type ServiceBug } from './buggy-order-service.js';

/** What the search found. */
export interface BugReport {
  readonly failed: boolean;
  /** The shrunk commands, as fast-check prints them (`declare-documents,declare-list,...`). */
  readonly commands: readonly string[];
  /** Why the run failed: the disagreement after the last command. */
  readonly error: string;
  /** The replay line: the commands' `replayPath` and the `{ seed, path }` to pass back to `fc.assert`. */
  readonly replay: string;
  readonly numRuns: number;
  /** What {@link findTheBug} takes to replay the counterexample at once. */
  readonly replayOptions?: { readonly seed: number; readonly path: string; readonly replayPath?: string };
}

/**
 * Runs the model-based property against the service (with `bug`, or correct when absent).
 *
 * @example
 * ```ts
 * const found = findTheBug({ bug: 'cancel-after-left-site', seed: 42 });
 * console.log(found.commands.join(' -> '), '\n', found.error, '\n', found.replay);
 * ```
 */
export function findTheBug(
  options: { readonly bug?: ServiceBug; readonly channel?: ChannelId; readonly seed?: number; readonly numRuns?: number; readonly path?: string; readonly replayPath?: string } = {},
): BugReport {
  const channel = options.channel ?? '9610-import';
  const steps = customsCommands(channel, options.replayPath === undefined ? {} : { replayPath: options.replayPath });
  const property = fc.property(channelDocuments(channel), steps, (docs, commands) => {
    const service = new InMemoryOrderService(options.bug === undefined ? {} : { bug: options.bug });
    fc.modelRun(customsSetup(docs, () => new OrderServiceAdapter(service, docs)), commands);
  });
  const details = fc.check(property, { numRuns: options.numRuns ?? 200, ...(options.seed !== undefined && { seed: options.seed }), ...(options.path !== undefined && { path: options.path, endOnFailure: true }) });
  const printed = details.counterexample ? String(details.counterexample[1]) : '';
  const replayPath = /replayPath="([^"]*)"/.exec(printed)?.[1];
  const commands = printed.replace(/\s*\/\*.*\*\/$/, '').split(',').filter((c) => c !== '');
  const replayCommands = replayPath === undefined ? '' : `customsCommands('${channel}', { replayPath: ${JSON.stringify(replayPath)} }) and `;
  return {
    failed: details.failed,
    commands,
    error: details.errorInstance instanceof Error ? details.errorInstance.message : '',
    replay: details.failed ? `${replayCommands}fc.assert(property, { seed: ${details.seed}, path: ${JSON.stringify(details.counterexamplePath)}, endOnFailure: true })` : '',
    numRuns: details.numRuns,
    ...(details.failed && details.counterexamplePath !== null && { replayOptions: { seed: details.seed, path: details.counterexamplePath, ...(replayPath !== undefined && { replayPath }) } }),
  };
}

/** Searches the buggy service (cancellation granted after the goods left) and returns the printed report. */
export function main(): string {
  const found = findTheBug({ bug: 'cancel-after-left-site', seed: 42 });
  if (!found.failed) return `No disagreement found in ${found.numRuns} runs.`;
  return [`Counterexample after ${found.numRuns} runs, shrunk: ${found.commands.join(' -> ')}`, found.error, `Replay: ${found.replay}`].join('\n');
}

await runIfMain(import.meta.url, main);
