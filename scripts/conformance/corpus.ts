/**
 * The messages the conformance check validates: the project's fixtures as they are on disk, one
 * message the library builds per type and specification version (from its fixture's data), the
 * messages the model mappings make from the documents of a simulated run (and their receipts),
 * DXP envelopes around them, and the receipts the sandbox writes in a run of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatGuid, formatInvtNo, formatPreNo } from '../../src/domain/identifiers.js';
import { money } from '../../src/money/money.js';
import {
  buildMessage,
  inventoryToCeb603,
  inventoryToCeb621,
  messageTypesOf,
  orderToCeb303,
  orderToCeb311,
  parseMessage,
  paymentToCeb411,
  receiptMessage,
  schemaFamily,
  SPEC_VERSIONS,
  testSigner,
  waybillToCeb505,
  waybillToCeb511,
  wrapDxp,
  type MessageType,
  type ReceiptType,
  type SpecVersion,
} from '../../src/messages/index.js';
import { modeAt } from '../../src/rules/modes.js';
import { DEFAULT_COMPANIES } from '../../src/sim/parties/companies.js';
import { createOrderFactory } from '../../src/sim/flow/documents.js';
import { CHANNEL_PROFILES, type OrderDocuments } from '../../src/sim/parties/platform.js';
import { createPopulation } from '../../src/sim/parties/population.js';
import { createRng } from '../../src/sim/rng.js';
import { loadScenario } from '../../src/sim/scenario/load.js';
import type { ChannelId } from '../../src/channels/registry.js';
import { sandboxSpecimens } from './sandbox.js';

/** One message to validate. */
export interface Specimen {
  /** A name for reports, e.g. `built/2018/CEB621`. */
  readonly name: string;
  readonly content: string | Uint8Array;
  /** The schema file that declares it, e.g. `import-2018.xsd`. */
  readonly schema: string;
  /** True when the library made it (it must then be valid); false for fixtures read from disk. */
  readonly built: boolean;
}

const FIXTURES = new URL('../../test/fixtures/messages/', import.meta.url).pathname;

const schemaOf = (type: MessageType, spec: SpecVersion) => `${schemaFamily(type)}-${spec}.xsd`;

function fixtureSpecimens(): Specimen[] {
  const out: Specimen[] = [];
  const add = (dir: string, spec: SpecVersion | undefined) => {
    for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.xml'))) {
      const content = readFileSync(join(FIXTURES, dir, file));
      const type = file.slice(0, 6) as MessageType;
      const version = spec ?? (/\.(2018|202205)\.xml$/.exec(file)?.[1] as SpecVersion | undefined);
      const schema = file.startsWith('dxp-server') ? 'transfer-202205.xsd' : file.startsWith('dxp-') ? 'terminal-202205.xsd' : schemaOf(type, version ?? '202205');
      out.push({ name: `fixture/${dir}${file}`, content, schema, built: false });
    }
  };
  add('', '202205');
  add('2018/', '2018');
  add('special/', undefined);
  return out;
}

function builtSpecimens(): Specimen[] {
  const out: Specimen[] = [];
  for (const spec of SPEC_VERSIONS) {
    for (const type of messageTypesOf(spec)) {
      const fixture = parseMessage(readFileSync(join(FIXTURES, spec === '2018' ? '2018/' : '', `${type}.xml`)));
      const xml = buildMessage(type, fixture.data, { spec, guid: fixture.guid, version: fixture.version });
      out.push({ name: `built/${spec}/${type}`, content: xml, schema: schemaOf(type, spec), built: true });
    }
  }
  return out;
}

const transfer = { copCode: DEFAULT_COMPANIES.ebp.code, copName: DEFAULT_COMPANIES.ebp.name, dxpId: 'DXPENT0000458763' };
const facts = { trafMode: '5', country: '502', packNo: 1, grossWeightKg: money('1.5'), netWeightKg: money('1.2') };

function simulatedDocuments(seed: number): OrderDocuments[] {
  const scenario = loadScenario(new URL('../../examples/scenarios/guangzhou-three-channels.json', import.meta.url).pathname);
  const root = createRng(seed);
  const factory = createOrderFactory({
    scenario,
    rng: root.stream('platform'),
    population: createPopulation(scenario.buyers.population, root.stream('buyers')),
    companies: DEFAULT_COMPANIES,
    modeAt: (at, wanted) => modeAt(at, wanted),
    withheldTax: () => money(0),
  });
  const channels = Object.keys(CHANNEL_PROFILES) as ChannelId[];
  const withGoods = channels.filter((c) => scenario.catalogue.some((g) => (g.channels ?? channels).includes(c)));
  return withGoods.flatMap((channel, i) => [0, 1].map((n) => factory(channel, scenario.start + (i * 2 + n) * 3_600_000, i * 2 + n + 1)));
}

function receiptSpecimens(docs: OrderDocuments, spec: SpecVersion, serial: number): [ReceiptType, string][] {
  const { order, list, waybill, payment } = docs;
  const preNo = formatPreNo('20220615', serial);
  const invtNo = formatInvtNo(list.customsCode, 2022, list.ieFlag, serial);
  const at = order.placedAt + 60_000;
  const receipt = (type: ReceiptType, identifiers: Record<string, string>): [ReceiptType, string] => [
    type,
    receiptMessage(type, { guid: formatGuid([serial, 2, 3, 4]), identifiers, returnStatus: 120, returnTime: at }, { spec }),
  ];
  if (order.ieFlag === 'I') {
    return [
      receipt('CEB312', { ebpCode: order.ebp.code, ebcCode: order.ebc.code, orderNo: order.orderNo }),
      receipt('CEB412', { payCode: payment.payCode, payTransactionId: payment.payTransactionId }),
      receipt('CEB512', { logisticsCode: waybill.logisticsCode, logisticsNo: waybill.logisticsNo }),
      receipt('CEB622', { customsCode: list.customsCode, ebpCode: order.ebp.code, ebcCode: order.ebc.code, agentCode: list.agent.code, copNo: list.copNo, preNo, invtNo }),
    ];
  }
  return [
    receipt('CEB304', { ebpCode: order.ebp.code, ebcCode: order.ebc.code, orderNo: order.orderNo }),
    receipt('CEB506', { logisticsCode: waybill.logisticsCode, logisticsNo: waybill.logisticsNo }),
    receipt('CEB604', { agentCode: list.agent.code, copNo: list.copNo, preNo, invtNo, ebcCode: order.ebc.code, ebpCode: order.ebp.code, orderNo: order.orderNo, statisticsFlag: 'A' }),
  ];
}

function declarationSpecimens(docs: OrderDocuments, spec: SpecVersion, serial: number): [MessageType, string][] {
  const header = { guid: formatGuid([serial, 7, 8, 9]), appTime: docs.order.placedAt };
  const { order, payment, waybill, list } = docs;
  if (order.ieFlag === 'I') {
    const address = order.consignee?.address.line ?? '';
    return [
      ['CEB311', buildMessage('CEB311', orderToCeb311(order, header, transfer, payment), { spec })],
      ['CEB411', buildMessage('CEB411', paymentToCeb411(payment, header, transfer, order.ebp.name), { spec })],
      ['CEB511', buildMessage('CEB511', waybillToCeb511(waybill, header, transfer), { spec })],
      ['CEB621', buildMessage('CEB621', inventoryToCeb621(list, header, transfer, { ...facts, country: '116', consigneeAddress: address }), { spec, signer: testSigner })],
    ];
  }
  const ebc = { ...order.ebc, telephone: '020-88888888' };
  const owner = { code: order.ebc.code, name: order.ebc.name };
  return [
    ['CEB303', buildMessage('CEB303', orderToCeb303(order, header, transfer), { spec })],
    ['CEB505', buildMessage('CEB505', waybillToCeb505(waybill, header, transfer, ebc), { spec })],
    ['CEB603', buildMessage('CEB603', inventoryToCeb603(list, header, transfer, { ...facts, statisticsFlag: 'A', pod: 'LAX', owner }), { spec })],
  ];
}

function simulatedSpecimens(seed: number): Specimen[] {
  const out: Specimen[] = [];
  const documents = simulatedDocuments(seed);
  for (const spec of SPEC_VERSIONS) {
    documents.forEach((docs, i) => {
      const serial = i + 1;
      for (const [type, xml] of [...declarationSpecimens(docs, spec, serial), ...receiptSpecimens(docs, spec, serial)]) {
        out.push({ name: `simulated/${spec}/${docs.channel}/${docs.order.orderNo}/${type}`, content: xml, schema: schemaOf(type, spec), built: true });
        if (type === 'CEB311' || type === 'CEB303') {
          const envelope = wrapDxp(xml, { copMsgId: formatGuid([serial, 5, 5, 5]), senderId: 'DXPENT0000458763', receiverIds: ['DXPEDCCEB0000002'], createTime: '2022-06-15T10:30:15', msgType: `${type}Message` }, { bizKeys: [{ name: 'orderNo', value: docs.order.orderNo }] });
          out.push({ name: `simulated/${spec}/${docs.channel}/${docs.order.orderNo}/dxp`, content: envelope, schema: 'terminal-202205.xsd', built: true });
        }
      }
    });
  }
  return out;
}

/** Every message the conformance check validates. */
export function corpus(seed: number): Specimen[] {
  return [...fixtureSpecimens(), ...builtSpecimens(), ...simulatedSpecimens(seed), ...sandboxSpecimens(seed)];
}
