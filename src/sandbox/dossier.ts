/**
 * An order's dossier: the documents customs holds for one orderNo, who sent each, and the machine
 * input they make. Documents come from different senders in any order, so the input is worked out
 * again from whatever has arrived: the order itself when it is in (else a stand-in made from the
 * list, payment or waybill, which the machine never matches on), its trade mode, HS codes, item
 * record numbers and insurance from the list once that is in. The channel follows from the input.
 */
import { channelFor, type ChannelId } from '../channels/registry.js';
import type { IeFlag, InventoryList, Order, OrderType, Payment, Waybill } from '../domain/model.js';
import { sum, ZERO } from '../money/money.js';
import type { ListRef, TransportHead } from './filings.js';
import { EXPORT_MODE } from './filings-export.js';

/** Who sends what for an order; receipts go back to the sender of the document they answer. */
export type SenderRole = 'order' | 'payment' | 'waybill' | 'list' | 'cancel' | 'return' | 'arrival' | 'departure' | 'status';

/** The documents customs holds for one order. */
export interface Dossier {
  readonly orderNo: string;
  readonly ieFlag: IeFlag;
  readonly order?: Order;
  readonly payment?: Payment;
  readonly waybill?: Waybill;
  readonly list?: InventoryList;
  readonly arrival?: TransportHead;
  readonly departure?: TransportHead;
  readonly cancel?: ListRef;
  readonly refund?: ListRef;
  readonly waybillStatus?: string;
  /** The list's pre-entry number, given by the e-port when the list is first declared. */
  readonly preNo?: string;
  /** The seller a payment receipt (CEB403) names, for its receipt before the order is in. */
  readonly ebcCode?: string;
  /** Sender (DXP id) of each kind of document. */
  readonly senders: Partial<Record<SenderRole, string>>;
}

/** What an order's machine is started with, and in which channel. */
export interface MachineInput {
  readonly channel: ChannelId;
  readonly order: Order;
}

function exportOrderType(list: InventoryList | undefined): OrderType {
  if (list?.tradeMode === '9710') return 'B';
  if (list?.tradeMode === '9810') return 'W';
  return 'E';
}

/** An order made from the other documents, until the order itself arrives. */
function standIn(d: Dossier): Order {
  const { list, payment, waybill } = d;
  const lines = list?.lines ?? [];
  const goodsValue = sum(lines.map((l) => l.totalPrice));
  const freight = list?.freight ?? waybill?.freight ?? ZERO;
  const ebpCode = list?.ebp.code ?? payment?.ebpCode ?? '';
  const orderType: OrderType = d.ieFlag === 'I' ? 'I' : exportOrderType(list);
  return {
    orderNo: d.orderNo,
    orderType,
    ieFlag: d.ieFlag,
    tradeMode: list?.tradeMode ?? (orderType === 'I' ? '9610' : EXPORT_MODE[orderType]),
    ebp: list?.ebp ?? { role: 'ebp', code: ebpCode, name: '' },
    ebc: list?.ebc ?? { role: 'ebc', code: ebpCode, name: '' },
    ...(list?.buyer && { buyer: list.buyer }),
    lines,
    goodsValue,
    freight,
    insurance: list?.insuredFee ?? ZERO,
    discount: ZERO,
    taxTotal: ZERO,
    actualPaid: payment?.amountPaid ?? goodsValue.plus(freight),
    currency: list?.currency ?? payment?.currency ?? waybill?.currency ?? '142',
    placedAt: list?.declaredAt ?? payment?.payTime ?? 0,
  };
}

/** The order with what only its list says: trade mode, HS codes, item records, insurance. */
function withList(order: Order, list: InventoryList): Order {
  const byGnum = new Map(list.lines.map((l) => [l.gnum, l.goods]));
  return {
    ...order,
    tradeMode: list.tradeMode,
    insurance: list.insuredFee,
    lines: order.lines.map((line) => {
      const listed = byGnum.get(line.gnum);
      if (listed === undefined) return line;
      const { itemRecordNo } = listed;
      return {
        ...line,
        goods: {
          ...line.goods,
          hsCode: listed.hsCode,
          gname: listed.gname,
          originCountry: line.goods.originCountry === '' ? listed.originCountry : line.goods.originCountry,
          ...(itemRecordNo !== undefined && { itemRecordNo }),
        },
      };
    }),
  };
}

/** The machine input the dossier makes now. */
export function machineInput(d: Dossier): MachineInput {
  const base = d.order ?? standIn(d);
  const order = d.list && d.order ? withList(base, d.list) : base;
  return { channel: channelFor(order).id, order };
}
