/**
 * What the parties send after the documents: a cancellation (CEB623 import, CEB605 export), a
 * return request (CEB625), an export arrival report (CEB507) and departure (CEB509), a waybill
 * status (CEB513) and a summary application (CEB701). CEB XML built by `cbec-sim/messages`, each
 * field from what the order's documents say, in the shape the message's schema wants.
 */
import { cebDate, headerFields, quantityText } from '../messages/map-common.js';
import { cebTime } from '../sim/clock.js';
import { messageGuid, SAMPLE_SENDERS, type DeclarationSenders, type OrderDocuments } from './declarations.js';
import { buildFittedDeclaration, type Facts } from './fit.js';

/** Options of the request builders. */
export interface RequestOptions {
  readonly senders?: DeclarationSenders;
  /** Seed of the message guid (default 1); `attempt` tells two requests of one kind apart. */
  readonly seed?: number;
  readonly attempt?: number;
  /** When the request is sent, epoch ms (default: when the order was placed). */
  readonly at?: number;
  readonly reason?: string;
}

/** Everything the order's documents say that a request may carry, by field name. */
function facts(docs: OrderDocuments, kind: string, options: RequestOptions): Record<string, string> {
  const { order, list, waybill } = docs;
  const buyer = order.buyer ?? list.buyer;
  const at = options.at ?? order.placedAt;
  const carrier = (options.senders ?? SAMPLE_SENDERS).carrier;
  return {
    ...headerFields({ guid: messageGuid(options.seed ?? 1, `${order.orderNo}/${kind}/${options.attempt ?? 1}`), appTime: at }),
    customsCode: list.customsCode,
    orderNo: order.orderNo,
    ebpCode: order.ebp.code,
    ebpName: order.ebp.name,
    ebcCode: order.ebc.code,
    ebcName: order.ebc.name,
    logisticsNo: list.logisticsNo,
    logisticsCode: list.logistics.code,
    logisticsName: list.logistics.name,
    copNo: list.copNo,
    buyerIdType: buyer?.idType ?? '1',
    buyerIdNumber: buyer?.idNumber ?? '',
    buyerName: buyer?.name ?? '',
    buyerTelephone: buyer?.phone ?? '',
    agentCode: list.agent.code,
    agentName: list.agent.name,
    declAgentCode: list.agent.code,
    declAgentName: list.agent.name,
    operatorCode: carrier.copCode,
    operatorName: carrier.copName,
    ieFlag: order.ieFlag,
    trafMode: '5',
    trafName: 'CZ',
    trafNo: 'CZ3101',
    voyageNo: 'CZ3101',
    domesticTrafNo: 'CZ3101',
    billNo: `BILL${waybill.logisticsNo}`.slice(0, 37),
    leaveTime: cebTime(at),
    logisticsTime: cebTime(at),
    msgCount: '1',
    msgSeqNo: '1',
    totalPackageNo: '1',
    reason: options.reason ?? (kind === 'cancel' ? '买家取消订单' : '买家退货'),
  };
}

function declarant(options: RequestOptions) {
  return (options.senders ?? SAMPLE_SENDERS).declarant;
}

/** The cancellation of the list `invtNo`: CEB623 on import, CEB605 on export. */
export function cancelMessage(docs: OrderDocuments, invtNo: string, options: RequestOptions = {}): string {
  return buildFittedDeclaration(docs.order.ieFlag === 'I' ? 'CEB623' : 'CEB605', { ...facts(docs, 'cancel', options), invtNo }, declarant(options));
}

/** The return request (CEB625) of every line of the import list `invtNo`. */
export function returnMessage(docs: OrderDocuments, invtNo: string, options: RequestOptions = {}): string {
  const lines: Facts[] = docs.list.lines.map((l) => ({ gnum: String(l.gnum), gcode: l.goods.hsCode, gname: l.goods.gname, qty: quantityText(l.quantity), unit: l.goods.unit }));
  return buildFittedDeclaration('CEB625', { InvtRefundHead: { ...facts(docs, 'return', options), invtNo }, InvtRefundList: lines }, declarant(options));
}

/** The carrier's transport of an export order: an arrival report (CEB507) or the departure (CEB509). */
export function transportMessage(docs: OrderDocuments, kind: 'arrival' | 'departure', options: RequestOptions = {}): string {
  const head = { ...facts(docs, kind, options), copNo: `${kind === 'arrival' ? 'YD' : 'LJ'}${docs.list.copNo}`.slice(0, 20) };
  const line: Facts = { gnum: '1', logisticsNo: docs.list.logisticsNo, totalPackageNo: '1' };
  const carrier = (options.senders ?? SAMPLE_SENDERS).carrier;
  if (kind === 'arrival') return buildFittedDeclaration('CEB507', { ArrivalHead: head, ArrivalList: [line] }, carrier);
  return buildFittedDeclaration('CEB509', { DepartureHead: head, DepartureList: [line] }, carrier);
}

/** A waybill status (CEB513) from the carrier; `S` (signed for) tells customs the parcel was delivered. */
export function waybillStatusMessage(docs: OrderDocuments, status: string, options: RequestOptions = {}): string {
  const { waybill } = docs;
  const record = { ...facts(docs, `status-${status}`, options), logisticsCode: waybill.logisticsCode, logisticsName: waybill.logisticsName, logisticsNo: waybill.logisticsNo, logisticsStatus: status };
  return buildFittedDeclaration('CEB513', record, (options.senders ?? SAMPLE_SENDERS).carrier);
}

/** A summary application (CEB701) over released retail export lists of one seller. */
export function summaryMessage(docs: OrderDocuments, invtNos: readonly string[], options: RequestOptions = {}): string {
  const day = cebDate(options.at ?? docs.order.placedAt);
  const head = { ...facts(docs, 'summary', options), copNo: `SUM${docs.order.orderNo}`.slice(0, 20), startTime: `${day}000000`, endTime: `${day}235959`, summaryFlag: '1', itemNameFlag: '1' };
  return buildFittedDeclaration('CEB701', { SummaryApplyHead: head, SummaryApplyList: invtNos.map((invtNo, i) => ({ gnum: String(i + 1), invtNo })) }, declarant(options));
}
