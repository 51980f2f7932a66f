/**
 * Export declarations from the domain model: the order (CEB303), the waybill (CEB505) and the
 * inventory list (CEB603). Each returns message data for {@link buildMessage}.
 */
import { dropUndefined } from '../domain/drop-undefined.js';
import type { InventoryList, Order, Party, Waybill } from '../domain/model.js';
import { amountText, headerFields, partyFields, quantityText, transferNode, type DeclarationHeader, type TransferParty } from './map-common.js';
import { listCommonFields, type ListDeclarationFacts } from './map-list.js';
import type { MessageData } from './spec.js';

/** CEB303 data for an export order (orderType E, or B / W for 9710 / 9810). */
export function orderToCeb303(order: Order, header: DeclarationHeader, transfer: TransferParty): MessageData {
  return dropUndefined({
    Order: [
      {
        OrderHead: {
          ...headerFields(header),
          orderType: order.orderType,
          orderNo: order.orderNo,
          ...partyFields('ebp', order.ebp),
          ...partyFields('ebc', order.ebc),
          goodsValue: amountText(order.goodsValue),
          freight: amountText(order.freight),
          currency: order.currency,
        },
        OrderList: order.lines.map((line) => ({
          gnum: String(line.gnum),
          itemNo: line.goods.itemNo,
          itemName: line.goods.itemName,
          barCode: line.goods.barCode,
          unit: line.goods.unit,
          currency: order.currency,
          qty: quantityText(line.quantity),
          price: amountText(line.unitPrice),
          totalPrice: amountText(line.totalPrice),
        })),
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}

/**
 * CEB505 data for an export waybill.
 *
 * @param ebc - the seller the parcel ships for, with a contact telephone
 */
export function waybillToCeb505(waybill: Waybill, header: DeclarationHeader, transfer: TransferParty, ebc: Party & { readonly telephone: string }): MessageData {
  return dropUndefined({
    Logistics: [
      {
        ...headerFields(header),
        logisticsCode: waybill.logisticsCode,
        logisticsName: waybill.logisticsName,
        logisticsNo: waybill.logisticsNo,
        freight: amountText(waybill.freight),
        insuredFee: amountText(waybill.insuredFee),
        currency: waybill.currency,
        grossWeight: quantityText(waybill.weightKg),
        packNo: String(waybill.packNo),
        goodsInfo: waybill.goodsInfo,
        ...partyFields('ebc', ebc),
        ebcTelephone: ebc.telephone,
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}

/** What an export list declares beyond the import facts (CEB603; see docs/messages.md). */
export interface ExportListFacts extends ListDeclarationFacts {
  /** A simplified declaration, B summary declaration. */
  readonly statisticsFlag: 'A' | 'B';
  /** Manufacturer; code `NO` when not registered. */
  readonly owner: Pick<Party, 'code' | 'name'>;
  /** In-zone warehouse company, for bonded (1210) export. */
  readonly iac?: Pick<Party, 'code' | 'name'>;
  /** Destination port code (POD), 3 or 4 characters. */
  readonly pod: string;
  /** Freight and insurance basis: 1 rate, 2 unit price, 3 total (default). */
  readonly fFlag?: '1' | '2' | '3';
  readonly iFlag?: '1' | '2' | '3';
}

/** CEB603 data for an export inventory list. */
export function inventoryToCeb603(list: InventoryList, header: DeclarationHeader, transfer: TransferParty, facts: ExportListFacts): MessageData {
  const common = listCommonFields(list, facts);
  return dropUndefined({
    Inventory: [
      {
        InventoryHead: {
          ...headerFields(header),
          customsCode: list.customsCode,
          ...partyFields('ebp', list.ebp),
          orderNo: list.orderNo,
          ...partyFields('logistics', list.logistics),
          logisticsNo: list.logisticsNo,
          copNo: list.copNo,
          preNo: list.preNo,
          invtNo: list.invtNo,
          ieFlag: list.ieFlag,
          portCode: list.portCode,
          statisticsFlag: facts.statisticsFlag,
          ...partyFields('agent', list.agent),
          ...partyFields('ebc', list.ebc),
          ...partyFields('owner', facts.owner),
          ...partyFields('iac', facts.iac),
          emsNo: list.emsNo,
          tradeMode: list.tradeMode,
          POD: facts.pod,
          freight: amountText(list.freight),
          fCurrency: list.currency,
          fFlag: facts.fFlag ?? '3',
          insuredFee: amountText(list.insuredFee),
          iCurrency: list.currency,
          iFlag: facts.iFlag ?? '3',
          ...common.head,
          // The export schema requires a package type; a parcel is a carton unless told otherwise [A].
          wrapType: facts.wrapType ?? CARTON,
        },
        InventoryList: common.lines,
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}

/** Package type 2, carton (纸箱). */
const CARTON = '2';
