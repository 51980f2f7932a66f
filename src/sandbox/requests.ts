/**
 * What the parties send after the documents: a cancellation (CEB623 import, CEB605 export), a
 * return request (CEB625), an export arrival report (CEB507) and departure (CEB509), a waybill
 * status (CEB513) and a summary application (CEB701). CEB XML built by `cbec-sim/messages`.
 */
import { dropUndefined } from '../domain/drop-undefined.js';
import { buildMessage } from '../messages/build.js';
import { headerFields, quantityText, transferNode } from '../messages/map-common.js';
import type { MessageData } from '../messages/spec.js';
import { cebDate } from '../messages/map-common.js';
import { cebTime } from '../sim/clock.js';
import { messageGuid, SAMPLE_SENDERS, type DeclarationSenders, type OrderDocuments } from './declarations.js';

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

function header(docs: OrderDocuments, kind: string, options: RequestOptions) {
  return headerFields({ guid: messageGuid(options.seed ?? 1, `${docs.order.orderNo}/${kind}/${options.attempt ?? 1}`), appTime: options.at ?? docs.order.placedAt });
}

function requestHead(docs: OrderDocuments, invtNo: string, options: RequestOptions, kind: string) {
  const { order, list } = docs;
  const buyer = order.buyer ?? list.buyer;
  return dropUndefined({
    ...header(docs, kind, options),
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
    invtNo,
    buyerIdType: buyer?.idType ?? '1',
    buyerIdNumber: buyer?.idNumber ?? '',
    buyerName: buyer?.name ?? '',
    buyerTelephone: buyer?.phone ?? '',
    agentCode: list.agent.code,
    agentName: list.agent.name,
    reason: options.reason ?? (kind === 'cancel' ? '买家取消订单' : '买家退货'),
  });
}

function declarant(options: RequestOptions): MessageData {
  return transferNode((options.senders ?? SAMPLE_SENDERS).declarant) as MessageData;
}

/** The cancellation of the list `invtNo`: CEB623 on import, CEB605 on export. */
export function cancelMessage(docs: OrderDocuments, invtNo: string, options: RequestOptions = {}): string {
  if (docs.order.ieFlag === 'I') return buildMessage('CEB623', { InvtCancel: [requestHead(docs, invtNo, options, 'cancel')], BaseTransfer: declarant(options) });
  const { list, order } = docs;
  const record = { ...header(docs, 'cancel', options), customsCode: list.customsCode, copNo: list.copNo, invtNo, reason: options.reason ?? '取消出口', agentCode: list.agent.code, agentName: list.agent.name, ebcCode: order.ebc.code, ebcName: order.ebc.name };
  return buildMessage('CEB605', { InvtCancel: [record], BaseTransfer: declarant(options) });
}

/** The return request (CEB625) of every line of the import list `invtNo`. */
export function returnMessage(docs: OrderDocuments, invtNo: string, options: RequestOptions = {}): string {
  const lines = docs.list.lines.map((l) => ({ gnum: String(l.gnum), gcode: l.goods.hsCode, gname: l.goods.gname, qty: quantityText(l.quantity), unit: l.goods.unit }));
  return buildMessage('CEB625', { InvtRefund: [{ InvtRefundHead: requestHead(docs, invtNo, options, 'return'), InvtRefundList: lines }], BaseTransfer: declarant(options) });
}

/** The carrier's transport of an export order: an arrival report (CEB507) or the departure (CEB509). */
export function transportMessage(docs: OrderDocuments, kind: 'arrival' | 'departure', options: RequestOptions = {}): string {
  const { list } = docs;
  const carrier = (options.senders ?? SAMPLE_SENDERS).carrier;
  const common = { ...header(docs, kind, options), customsCode: list.customsCode, copNo: `${kind === 'arrival' ? 'YD' : 'LJ'}${list.copNo}`.slice(0, 30) };
  const billNo = `BILL${list.logisticsNo}`.slice(0, 37);
  if (kind === 'arrival') {
    const head = { ...common, operatorCode: carrier.copCode, operatorName: carrier.copName, ieFlag: 'E', trafMode: '5', billNo, logisticsCode: list.logistics.code, logisticsName: list.logistics.name, msgCount: '1', msgSeqNo: '1' };
    return buildMessage('CEB507', { Arrival: [{ ArrivalHead: head, ArrivalList: [{ gnum: '1', logisticsNo: list.logisticsNo, totalPackageNo: '1' }] }], BaseTransfer: transferNode(carrier) as MessageData });
  }
  const leaveTime = cebTime(options.at ?? docs.order.placedAt);
  const head = { ...common, logisticsCode: list.logistics.code, logisticsName: list.logistics.name, trafMode: '5', trafName: 'CZ', voyageNo: 'CZ3101', billNo, leaveTime, msgCount: '1', msgSeqNo: '1' };
  return buildMessage('CEB509', { Departure: [{ DepartureHead: head, DepartureList: [{ gnum: '1', totalPackageNo: '1', logisticsNo: list.logisticsNo }] }], BaseTransfer: transferNode(carrier) as MessageData });
}

/** A waybill status (CEB513) from the carrier; `S` (signed for) tells customs the parcel was delivered. */
export function waybillStatusMessage(docs: OrderDocuments, status: string, options: RequestOptions = {}): string {
  const { waybill } = docs;
  const carrier = (options.senders ?? SAMPLE_SENDERS).carrier;
  const record = { ...header(docs, `status-${status}`, options), logisticsCode: waybill.logisticsCode, logisticsName: waybill.logisticsName, logisticsNo: waybill.logisticsNo, logisticsStatus: status, logisticsTime: cebTime(options.at ?? docs.order.placedAt) };
  return buildMessage('CEB513', { LogisticsStatus: [record], BaseTransfer: transferNode(carrier) as MessageData });
}

/** A summary application (CEB701) over released retail export lists of one seller. */
export function summaryMessage(docs: OrderDocuments, invtNos: readonly string[], options: RequestOptions = {}): string {
  const { list, order } = docs;
  const at = options.at ?? order.placedAt;
  const head = {
    ...header(docs, 'summary', options),
    customsCode: list.customsCode,
    copNo: `SUM${order.orderNo}`.slice(0, 30),
    agentCode: list.agent.code,
    agentName: list.agent.name,
    ebcCode: order.ebc.code,
    ebcName: order.ebc.name,
    declAgentCode: list.agent.code,
    declAgentName: list.agent.name,
    startTime: cebDate(at),
    endTime: cebDate(at),
    summaryFlag: '1',
    itemNameFlag: '1',
    msgCount: '1',
    msgSeqNo: '1',
  };
  return buildMessage('CEB701', { SummaryApply: [{ SummaryApplyHead: head, SummaryApplyList: invtNos.map((invtNo, i) => ({ gnum: String(i + 1), invtNo })) }], BaseTransfer: declarant(options) });
}
