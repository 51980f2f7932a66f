/**
 * The documents the simulated platform files fit the CEB messages they are sent as: every
 * identifier within its field's length, so a run's orders can be built into schema-valid XML
 * (the widest order number: the largest 10-digit serial).
 */
import { describe, expect, it } from 'vitest';
import { buildMessage, inventoryToCeb603, inventoryToCeb621, orderToCeb303, orderToCeb311, testSigner, waybillToCeb505, waybillToCeb511 } from '../../../src/messages/index.js';
import { money } from '../../../src/money/money.js';
import { modeAt } from '../../../src/rules/modes.js';
import { createOrderFactory } from '../../../src/sim/flow/documents.js';
import { DEFAULT_COMPANIES } from '../../../src/sim/parties/companies.js';
import { CHANNEL_PROFILES } from '../../../src/sim/parties/platform.js';
import { createPopulation } from '../../../src/sim/parties/population.js';
import { createRng } from '../../../src/sim/rng.js';
import { loadScenario } from '../../../src/sim/scenario/load.js';
import type { ChannelId } from '../../../src/channels/registry.js';

const scenario = loadScenario('examples/scenarios/guangzhou-three-channels.json');
const root = createRng(7);
const factory = createOrderFactory({
  scenario,
  rng: root.stream('platform'),
  population: createPopulation(scenario.buyers.population, root.stream('buyers')),
  companies: DEFAULT_COMPANIES,
  modeAt: (at, wanted) => modeAt(at, wanted),
  withheldTax: () => money(0),
});
const channels = (Object.keys(CHANNEL_PROFILES) as ChannelId[]).filter((c) => scenario.catalogue.some((g) => (g.channels ?? [c]).includes(c)));
const header = { guid: '00000000-0000-4000-8000-000000000001', appTime: scenario.start };
const transfer = { copCode: DEFAULT_COMPANIES.ebp.code, copName: DEFAULT_COMPANIES.ebp.name, dxpId: 'DXPENT0000458763' };
const facts = { trafMode: '5', country: '502', packNo: 1, grossWeightKg: money('1.5'), netWeightKg: money('1.2') };

describe('simulated documents fit their CEB messages', () => {
  it.each(channels)('%s: the order, waybill and inventory list of the widest order number build as schema-valid messages', (channel) => {
    const { order, waybill, list } = factory(channel, scenario.start + 3_600_000, 9_999_999_999);
    if (order.ieFlag === 'I') {
      expect(() => buildMessage('CEB311', orderToCeb311(order, header, transfer))).not.toThrow();
      expect(() => buildMessage('CEB511', waybillToCeb511(waybill, header, transfer))).not.toThrow();
      expect(() => buildMessage('CEB621', inventoryToCeb621(list, header, transfer, { ...facts, country: '116', consigneeAddress: 'Guangzhou' }), { signer: testSigner })).not.toThrow();
    } else {
      expect(() => buildMessage('CEB303', orderToCeb303(order, header, transfer))).not.toThrow();
      expect(() => buildMessage('CEB505', waybillToCeb505(waybill, header, transfer, { ...order.ebc, telephone: '020-88888888' }))).not.toThrow();
      const owner = { code: order.ebc.code, name: order.ebc.name };
      expect(() => buildMessage('CEB603', inventoryToCeb603(list, header, transfer, { ...facts, statisticsFlag: 'A', pod: 'LAX', owner }))).not.toThrow();
    }
  });
});
