/**
 * The model-based sandbox commands of cbec-sim/testing against a live sandbox: random sequences
 * of an integrator's actions agree with the model in every channel, and a sandbox that behaves
 * otherwise (every list inspected) is caught with a shrunk counterexample.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/start.js';
import { channelDocuments } from '../../src/testing/documents.js';
import { sandboxCommands, sandboxSetup, SandboxDisagreementError } from '../../src/testing/sandbox-commands.js';
import type { ChannelId } from '../../src/channels/registry.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const CHANNELS: readonly ChannelId[] = ['9610-import', '1210-import', '1239-import', '9610-export', '1210-export', '9710', '9810'];

describe('sandboxCommands against a live sandbox', () => {
  it.each(CHANNELS)('%s: the sandbox agrees with the model after every action', async (channel) => {
    await fc.assert(
      fc.asyncProperty(channelDocuments(channel), sandboxCommands(), async (docs, commands) => {
        await fc.asyncModelRun(sandboxSetup(docs, sandbox.client), commands);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('catches a sandbox that inspects every list, and shrinks to the shortest way there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbec-sandbox-commands-'));
    const scenario = join(dir, 'inspect-all.json');
    writeFileSync(scenario, JSON.stringify({ start: '2024-01-15T09:00:00+08:00', arrivals: [{ channel: '9610-import', ordersPerDay: 1 }], catalogue: [{ itemNo: 'A', itemName: 'A', hsCode: '3304990000', unit: '011', originCountry: '116', minPrice: '1', maxPrice: '2' }], customs: { inspectionRate: 1 } }));
    const inspecting = await startSandbox({ scenario });
    const details = await fc.check(
      fc.asyncProperty(channelDocuments('9610-import'), sandboxCommands(), async (docs, commands) => {
        await fc.asyncModelRun(sandboxSetup(docs, inspecting.client), commands);
      }),
      { numRuns: 20, seed: 42 },
    );
    await inspecting.close();
    rmSync(dir, { recursive: true, force: true });
    expect(details.failed).toBe(true);
    expect(details.errorInstance).toBeInstanceOf(SandboxDisagreementError);
    expect((details.errorInstance as SandboxDisagreementError).actual.receipts.at(-1)).toBe('CEB622 500');
  }, 120_000);
});
