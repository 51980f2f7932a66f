/**
 * Integrator example: one bonded-import (1210) order driven through the channel with a scripted
 * inspection that passes (`inspect:pass`), printing every CEB message the platform, payer, carrier,
 * declarant and customs would exchange. Declarations are built from the domain model with the
 * map functions (`orderToCeb311`, `paymentToCeb411`, `waybillToCeb511`, `inventoryToCeb621`);
 * receipts from the machine's receipt effects with `receiptMessage`.
 *
 * Swap the script for `review`, `inspect:detain-502` or `reject:payment-missing` to get those
 * paths instead. Run: `npx tsx examples/integrator-1210-inspection.ts`.
 */
import {
  CHANNELS,
  createRng,
  formatGuid,
  formatInvtNo,
  formatPreNo,
  money,
  parseOrder,
  parseScript,
  retailImportTax,
  runAutopilot,
  type DriveStep,
  type InventoryList,
  type Payment,
  type Receipt,
  type Waybill,
} from '../src/index.js';
import {
  buildMessage,
  inventoryToCeb621,
  orderToCeb311,
  paymentToCeb411,
  receiptMessage,
  RETURN_STATUS_TEXT,
  testSigner,
  waybillToCeb511,
  type ReceiptType,
} from '../src/messages/index.js';
import { runIfMain } from './run-if-main.js';

const CUSTOMS = '5141'; // Guangzhou [P]
const EMS_NO = 'T5141W000001'; // the bonded warehouse's account book
const PRE_NO = formatPreNo('20190610', 1); // the e-port's pre-entry number of the list

const order = parseOrder({
  orderNo: 'NS20190610000001',
  orderType: 'I',
  tradeMode: '1210',
  ebp: { code: '4401960XXA', name: 'Yangcheng Global Mall' },
  ebc: { code: '4401980ZZB', name: 'Sakura Beauty Trading Co.' },
  buyer: { regNo: 'buyer-8842', name: '陈小明', idType: '1', idNumber: '440106199003071231', phone: '13800138000' },
  consignee: { name: '陈小明', phone: '13800138000', address: { line: '广州市天河区体育西路 100 号', districtCode: '440106' } },
  lines: [
    {
      goods: { itemNo: 'SKB-SERUM-50', itemName: 'Essence serum 50 ml', hsCode: '3304990099', gname: '精华液', declarationElements: ['护肤', '50ml/瓶'], unit: '142', originCountry: 'JP', itemRecordNo: '1' },
      quantity: '2',
      unitPrice: '380.00',
    },
  ],
  freight: '0',
  insurance: '0',
  discount: '0',
  currency: 'CNY',
  placedAt: '2019-06-10T20:15:00+08:00',
});
const parties = {
  payer: { payCode: '4403169D3W', payName: '财付通支付科技有限公司' },
  logistics: { role: 'logistics' as const, code: '4401980XXC', name: '广州速达国际物流有限公司' },
  agent: { role: 'agent' as const, code: '4401960XXD', name: '广州通关报关有限公司' },
};
const transfer = { copCode: order.ebp.code, copName: order.ebp.name, dxpId: 'DXPENT0000458763' };

const payment: Payment = {
  ...parties.payer,
  payTransactionId: '4200000256201906101024001234',
  orderNo: order.orderNo,
  ebpCode: order.ebp.code,
  payerIdType: '1',
  payerIdNumber: order.buyer!.idNumber,
  payerName: order.buyer!.name,
  payerPhone: order.buyer!.phone,
  amountPaid: order.actualPaid,
  currency: '142',
  payTime: order.placedAt,
};
const waybill: Waybill = {
  logisticsCode: parties.logistics.code,
  logisticsName: parties.logistics.name,
  logisticsNo: 'SD190610000001',
  orderNo: order.orderNo,
  freight: order.freight,
  insuredFee: money(0),
  currency: '142',
  weightKg: money('0.3'),
  packNo: 1,
  goodsInfo: '精华液',
  ...(order.consignee && { consignee: order.consignee }),
};
const list: InventoryList = {
  copNo: 'COP190610000001',
  orderNo: order.orderNo,
  logisticsNo: waybill.logisticsNo,
  ieFlag: 'I',
  tradeMode: '1210',
  customsCode: CUSTOMS,
  portCode: CUSTOMS,
  ebp: order.ebp,
  ebc: order.ebc,
  logistics: parties.logistics,
  agent: parties.agent,
  assureCode: order.ebp.code,
  emsNo: EMS_NO,
  ...(order.buyer && { buyer: order.buyer }),
  lines: order.lines,
  freight: order.freight,
  insuredFee: money(0),
  currency: '142',
  declaredAt: order.placedAt,
};
const invtNo = formatInvtNo(CUSTOMS, 2019, 'I', 1);
const tax = retailImportTax({ date: order.placedAt, lines: order.lines.map((l) => ({ hsCode: l.goods.hsCode, quantity: l.quantity, unitPrice: l.unitPrice })), freight: order.freight });

const rng = createRng(1210).stream('guids');
const header = (at: number) => ({ guid: formatGuid(rng.words()), appTime: at });

/** Which declaration an event files. */
const FILED: Readonly<Record<string, string>> = { ORDER_FILED: 'order', PAYMENT_FILED: 'payment', WAYBILL_FILED: 'waybill', LIST_DECLARED: 'list' };

/** The declaration message of a document, as XML. */
function declaration(doc: string | undefined, at: number): [string, string] | undefined {
  const facts = { trafMode: '5', country: '116', packNo: 1, grossWeightKg: money('0.3'), netWeightKg: money('0.2'), consigneeAddress: order.consignee?.address.line ?? '' };
  switch (doc) {
    case 'order':
      return ['CEB311', buildMessage('CEB311', orderToCeb311(order, header(at), transfer, payment))];
    case 'payment':
      return ['CEB411', buildMessage('CEB411', paymentToCeb411(payment, header(at), { ...transfer, copCode: parties.payer.payCode, copName: parties.payer.payName }, order.ebp.name))];
    case 'waybill':
      return ['CEB511', buildMessage('CEB511', waybillToCeb511(waybill, header(at), { ...transfer, copCode: parties.logistics.code, copName: parties.logistics.name }))];
    case 'list':
      // The schema requires a signed list; testSigner shows the shape (plug your signing client's signer instead).
      return ['CEB621', buildMessage('CEB621', inventoryToCeb621(list, header(at), { ...transfer, copCode: parties.agent.code, copName: parties.agent.name }, facts), { signer: testSigner })];
    default:
      return undefined;
  }
}

/** The identifiers each receipt type carries. */
function identifiers(type: ReceiptType, accepted: boolean): Record<string, string> {
  switch (type) {
    case 'CEB312':
      return { ebpCode: order.ebp.code, ebcCode: order.ebc.code, orderNo: order.orderNo };
    case 'CEB412':
      return { payCode: payment.payCode, payTransactionId: payment.payTransactionId };
    case 'CEB512':
      return { logisticsCode: waybill.logisticsCode, logisticsNo: waybill.logisticsNo };
    default:
      return { customsCode: CUSTOMS, ebpCode: order.ebp.code, ebcCode: order.ebc.code, agentCode: parties.agent.code, copNo: list.copNo, preNo: PRE_NO, ...(accepted && { invtNo }) };
  }
}

/** One message of the exchange: a one-line summary and its XML. */
interface Exchanged {
  readonly line: string;
  readonly type: string;
  readonly xml: string;
}

function messagesOf(steps: readonly DriveStep[]): Exchanged[] {
  let accepted = false;
  return steps.flatMap((step) => {
    const out: Exchanged[] = [];
    const event = step.event;
    const built = declaration(FILED[event.type], event.at);
    if (built) out.push({ type: built[0], xml: built[1], line: `-> ${built[0]} ${FILED[event.type]} declaration` });
    if (event.type === 'CUSTOMS_ACCEPTED') accepted = true;
    for (const effect of step.effects.filter((e): e is Receipt => e.type === 'receipt')) {
      const type = effect.message as ReceiptType;
      const text = effect.reason?.text ?? RETURN_STATUS_TEXT[effect.status] ?? '';
      const xml = receiptMessage(type, { guid: formatGuid(rng.words()), identifiers: identifiers(type, accepted), returnStatus: effect.status, returnTime: effect.at, returnInfo: text });
      out.push({ type, xml, line: `<- ${type} ${String(effect.status).padStart(3)} ${text}` });
    }
    return out;
  });
}

/** Drives the order with `inspect:pass` and returns the printed exchange. */
export function main(): string {
  const script = parseScript('inspect:pass');
  const report = runAutopilot(CHANNELS['1210-import'].machine, { order }, { payment, waybill, list, invtNo, tax, script, start: order.placedAt });
  const messages = messagesOf(report.steps);
  const show = (type: string, status: string) => messages.find((m) => m.type === type && (status === '' || m.line.includes(` ${status} `)))?.xml ?? '';
  return [
    `1210-import order ${order.orderNo}, script 'inspect:pass': ${report.steps.length} events, final state ${String(report.snapshot.value)}`,
    `tax ${tax.route}: duty ${tax.customsDuty.toFixed(2)}, VAT ${tax.vat.toFixed(2)}, consumption ${tax.consumptionTax.toFixed(2)}, total ${tax.total.toFixed(2)} CNY`,
    '',
    `${messages.length} messages (-> to customs, <- receipts):`,
    ...messages.map((m) => `  ${m.line}`),
    '',
    'The inventory list as declared (CEB621):',
    show('CEB621', ''),
    '',
    'The inspection receipt (CEB622, 500):',
    show('CEB622', '500'),
  ].join('\n');
}

await runIfMain(import.meta.url, main);
