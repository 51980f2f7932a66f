import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrder } from '../../src/domain/order.js';
import type { InventoryList, Party, Payment, Waybill } from '../../src/domain/model.js';
import { money } from '../../src/money/money.js';
import { toEpoch } from '../../src/sim/clock.js';
import { buildMessage } from '../../src/messages/build.js';
import { inventoryToCeb603, orderToCeb303, waybillToCeb505 } from '../../src/messages/map-export.js';
import { inventoryToCeb621, orderToCeb311, paymentToCeb411, waybillToCeb511 } from '../../src/messages/map-import.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { receiptData, receiptMessage, returnTimeText } from '../../src/messages/receipts.js';
import { testSigner } from '../../src/messages/signer.js';
import type { MessageData } from '../../src/messages/spec.js';

const order = parseOrder(JSON.parse(readFileSync(new URL('../../examples/orders/cosmetics-9610.json', import.meta.url), 'utf8')));
const at = toEpoch('2019-03-15T10:25:30+08:00');
const header = { guid: 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D', appTime: at };
const platform = { copCode: '4401960XXA', copName: 'Yangcheng Global Mall', dxpId: 'DXPENT0000458763' };
const party = (role: Party['role'], code: string, name: string): Party => ({ role, code, name });

const payment: Payment = {
  payCode: '4403169D3W',
  payName: '财付通支付科技有限公司',
  payTransactionId: '4200000256201903151024001234',
  orderNo: order.orderNo,
  ebpCode: order.ebp.code,
  payerIdType: '1',
  payerIdNumber: '440106199003071231',
  payerName: '陈小明',
  payerPhone: '13800138000',
  amountPaid: order.actualPaid,
  currency: '142',
  payTime: at,
};
const waybill: Waybill = {
  logisticsCode: '4401980XXC',
  logisticsName: '广州速达国际物流有限公司',
  logisticsNo: 'SD190315000123',
  orderNo: order.orderNo,
  freight: money('20'),
  insuredFee: money('0'),
  currency: '142',
  weightKg: money('0.350'),
  packNo: 1,
  goodsInfo: '精华液, 面膜',
  ...(order.consignee ? { consignee: order.consignee } : {}),
};
const list: InventoryList = {
  copNo: 'INV20190315000123',
  orderNo: order.orderNo,
  logisticsNo: waybill.logisticsNo,
  ieFlag: 'I',
  tradeMode: '9610',
  customsCode: '5141',
  portCode: '5141',
  ebp: order.ebp,
  ebc: order.ebc,
  logistics: party('logistics', '4401980XXC', '广州速达国际物流有限公司'),
  agent: party('agent', '4401960XXD', '广州通关报关有限公司'),
  assureCode: '4401960XXA',
  ...(order.buyer ? { buyer: order.buyer } : {}),
  lines: order.lines,
  freight: order.freight,
  insuredFee: money('0'),
  currency: '142',
  declaredAt: at,
};
const facts = { trafMode: '5', country: '116', packNo: 1, grossWeightKg: money('0.35'), netWeightKg: money('0.24'), consigneeAddress: '广州市天河区体育西路 100 号' };

const head = (data: MessageData, node: string, part?: string): MessageData => {
  const record = (data[node] as MessageData[])[0]!;
  return part ? (record[part] as MessageData) : record;
};

describe('domain model to declaration messages', () => {
  it('maps an import order to a valid CEB311 with 2-decimal money and Beijing appTime', () => {
    const xml = buildMessage('CEB311', orderToCeb311(order, header, platform, payment));
    expect(validateMessage(xml)).toEqual([]);
    const orderHead = head(parseMessage(xml).data, 'Order', 'OrderHead');
    expect(orderHead).toMatchObject({
      appTime: '20190315102530',
      appType: '1',
      appStatus: '2',
      orderType: 'I',
      goodsValue: '999.70',
      freight: '20.00',
      discount: '10.00',
      currency: '142',
      buyerIdNumber: '440106199003071231',
      payCode: '4403169D3W',
      consigneeDistrict: '440106',
    });
    expect(orderHead['acturalPaid']).toBe(order.actualPaid.toFixed(2));
    const lines = (parseMessage(xml).data['Order'] as MessageData[])[0]!['OrderList'] as MessageData[];
    expect(lines.map((l) => [l['gnum'], l['qty'], l['price'], l['totalPrice'], l['gmodel'], l['country']])).toEqual([
      ['1', '2', '380.00', '760.00', '护肤|50ml/瓶|SAKURA牌', '116'],
      ['2', '3', '79.90', '239.70', '护肤|10片/盒|SAKURA牌', '116'],
    ]);
  });

  it('maps the payment, waybill and inventory list to valid CEB411, CEB511 and CEB621', () => {
    const ceb411 = buildMessage('CEB411', paymentToCeb411(payment, header, platform, order.ebp.name));
    const ceb511 = buildMessage('CEB511', waybillToCeb511(waybill, header, platform));
    expect(() => buildMessage('CEB621', inventoryToCeb621(list, header, platform, facts))).toThrow(/Signature: is required: the 202205 schema of CEB621 requires a signed message/);
    const ceb621 = buildMessage('CEB621', inventoryToCeb621(list, header, platform, facts), { signer: testSigner });
    for (const xml of [ceb411, ceb511, ceb621]) expect(validateMessage(xml)).toEqual([]);
    expect(head(parseMessage(ceb411).data, 'Payment', 'PaymentHead')).toMatchObject({ payTime: '20190315102530', amountPaid: order.actualPaid.toFixed(2) });
    expect(head(parseMessage(ceb511).data, 'Logistics', 'LogisticsHead')).toMatchObject({ weight: '0.35', packNo: '1', freight: '20.00' });
    const inventory = (parseMessage(ceb621).data['Inventory'] as MessageData[])[0]!;
    expect(inventory['InventoryHead']).toMatchObject({ declTime: '20190315', ieDate: '20190315', tradeMode: '9610', grossWeight: '0.35' });
    expect((inventory['InventoryList'] as MessageData[])[0]).toMatchObject({ gcode: '3304990099', qty1: '2', unit1: '142' });
  });

  it('leaves out what the model lacks, so building names the missing field', () => {
    const { buyer: _buyer, ...anonymous } = order;
    expect(() => buildMessage('CEB311', orderToCeb311(anonymous, header, platform))).toThrow(/Order\[0\]\.OrderHead\.buyerRegNo: is required before consignee but missing/);
  });

  it('maps export orders, waybills and lists to valid CEB303, CEB505 and CEB603', () => {
    const exportOrder = { ...order, orderType: 'E' as const, ieFlag: 'E' as const };
    const ceb303 = buildMessage('CEB303', orderToCeb303(exportOrder, header, platform));
    const ceb505 = buildMessage('CEB505', waybillToCeb505(waybill, header, platform, { ...order.ebc, telephone: '020-38880000' }));
    const exportList = { ...list, ieFlag: 'E' as const };
    const ceb603 = buildMessage(
      'CEB603',
      inventoryToCeb603(exportList, header, platform, { ...facts, statisticsFlag: 'A', owner: { code: 'NO', name: '未登记生产企业' }, pod: 'JPTY' }),
    );
    for (const xml of [ceb303, ceb505, ceb603]) expect(validateMessage(xml)).toEqual([]);
    expect(head(parseMessage(ceb603).data, 'Inventory', 'InventoryHead')).toMatchObject({ fFlag: '3', iFlag: '3', fCurrency: '142', ownerCode: 'NO', POD: 'JPTYO'.slice(0, 4), wrapType: '2' });
  });
});

describe('receipt messages', () => {
  const identifiers = { customsCode: '5141', ebpCode: '4401960XXA', ebcCode: '4401980ZZB', agentCode: '4401960XXD', copNo: 'INV20190315000123', preNo: 'B20190315000000123', invtNo: '51412019I000000007' };
  const released = toEpoch('2019-03-15T14:02:03.045+08:00');

  it('makes a CEB622 release receipt (800) with a 17-digit Beijing returnTime', () => {
    const xml = receiptMessage('CEB622', { guid: header.guid, identifiers, returnStatus: 800, returnTime: released, returnInfo: '放行' });
    expect(validateMessage(xml)).toEqual([]);
    expect(parseMessage(xml).data['InventoryReturn']).toEqual([
      { guid: header.guid, ...identifiers, returnStatus: '800', returnTime: '20190315140203045', returnInfo: '放行' },
    ]);
  });

  it('words returnInfo from the status when no text is given, as a channel receipt without reason would', () => {
    const channelReceipt = { message: 'CEB622' as const, status: 500, at: released, reason: undefined as { text: string } | undefined };
    const data = receiptData(channelReceipt.message, { guid: header.guid, identifiers, returnStatus: channelReceipt.status, returnTime: channelReceipt.at, returnInfo: channelReceipt.reason?.text });
    expect((data['InventoryReturn'] as MessageData[])[0]).toMatchObject({ returnStatus: '500', returnInfo: '查验' });
    expect(receiptData('CEB312', { guid: header.guid, identifiers: {}, returnStatus: -621001, returnTime: released })['OrderReturn']).toEqual([
      expect.objectContaining({ returnInfo: '处理异常' }),
    ]);
  });

  it('writes milliseconds with three digits, before 1970 too', () => {
    expect(returnTimeText(toEpoch('2019-03-15T00:00:00.007+08:00'))).toBe('20190315000000007');
    expect(returnTimeText(-1)).toBe('19700101075959999');
  });

  it('makes CEB900 as a single MessageReturn and negative statuses for processing errors', () => {
    const data = receiptData('CEB900', {
      guid: header.guid,
      identifiers: { oriCopMsgId: header.guid, oriMessageType: 'CEB311Message', oriBizMessage: 'orderNo missing' },
      returnStatus: -1,
      returnTime: released,
      returnInfo: '报文格式校验失败',
    });
    expect(data['MessageReturn']).toMatchObject({ returnStatus: '-1' });
    expect(validateMessage(buildMessage('CEB900', data))).toEqual([]);
  });

  it('says which identifier a receipt type needs when one is missing (preNo on CEB622, 18 characters)', () => {
    const { preNo: _preNo, ...partial } = identifiers;
    expect(() => receiptMessage('CEB622', { guid: header.guid, identifiers: partial, returnStatus: 120, returnTime: released, returnInfo: '入库' })).toThrow(
      /InventoryReturn\[0\]\.preNo: is required before invtNo but missing/,
    );
  });

  it('builds receipts for the 2018 specification when asked', () => {
    const xml = receiptMessage('CEB622', { guid: header.guid, identifiers, returnStatus: 800, returnTime: released }, { spec: '2018' });
    expect(parseMessage(xml, { spec: '2018' }).spec).toBe('2018');
  });
});
