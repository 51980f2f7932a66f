import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMermaid } from '../../src/channels/mermaid.js';
import { CHANNELS, CHANNEL_IDS } from '../../src/channels/registry.js';

const DOC = new URL('../../docs/channels.md', import.meta.url);

/** docs/channels.md as the generator writes it now. */
function channelsDoc(): string {
  const sections = CHANNEL_IDS.map((id) => `## ${id}: ${CHANNELS[id].title}\n\n\`\`\`mermaid\n${toMermaid(CHANNELS[id].machine)}\`\`\`\n`);
  return [
    '# Channel state machines',
    '',
    'Generated from the machines by `toMermaid` (test/channels/diagrams.test.ts; run it with `UPDATE_DOCS=1` to rewrite this file). Do not edit by hand.',
    'Each state shows the receipt message and status code it stands for; each edge its event and guard.',
    '',
    'Driving a machine: create an actor with `{ input: { order } }` (or use `createDriver`), send the events of',
    '`src/channels/events.ts` with their `at` time, and collect what each event emitted (`actor.on(\'*\')`, the',
    'return value of `driver.send`, or `effectsOf` for a pure step): receipts to turn into CEB receipt messages,',
    'and stock, quota, tax-bill, export-summary and rebate movements to apply to the side ledgers. When a ledger',
    'refuses a reservation, send `STOCK_SHORTAGE` or `QUOTA_REFUSED` at once. Time-outs are `TIMEOUT` events',
    'the simulator schedules (`documents`, `arrival`, `return`); the machines have no timers.',
    '',
    ...sections,
  ].join('\n');
}

describe('diagrams', () => {
  it('docs/channels.md is what toMermaid produces now', () => {
    if (process.env['UPDATE_DOCS']) writeFileSync(DOC, channelsDoc());
    expect(readFileSync(DOC, 'utf8')).toBe(channelsDoc());
  });

  it('draws states with their status and edges with event and guard', () => {
    const chart = toMermaid(CHANNELS['1210-import'].machine);
    expect(chart.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(chart).toContain('clearance_released : released (CEB622 800)');
    expect(chart).toContain('\n  declaration_list_sent --> clearance : CUSTOMS_ACCEPTED [documentsMatch]');
    expect(chart).toContain('\n  declaration_list_declaring --> rejected : STOCK_SHORTAGE [stockReserved]');
    expect(chart).toContain('\n  delivery --> delivery : CANCEL_REQUESTED');
    expect(chart).toContain('\n      declaration_order_pending --> declaration_order_declaring : ORDER_FILED');
    expect(chart).toContain('\n    clearance_accepted --> clearance_review : MANUAL_REVIEW');
  });
});
