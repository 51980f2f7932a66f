/**
 * Import declarations from the domain model: the order (CEB311), the payment (CEB411), the
 * waybill (CEB511) and the inventory list (CEB621). Each returns message data for
 * {@link buildMessage}; a value the model lacks is left out, so building names what is missing.
 */
import { dropUndefined } from '../domain/drop-undefined.js';
import type { InventoryList, Order, Party, Payment, Waybill } from '../domain/model.js';
import { cebTime } from '../sim/clock.js';
import { amountText, gmodelOf, cebDate, headerFields, partyFields, quantityText, transferNode, type DeclarationHeader, type TransferParty } from './map-common.js';
import { listCommonFields, type ListDeclarationFacts } from './map-list.js';
import type { MessageData } from './spec.js';

/**
 * CEB311 data for an import order.
 *
 * @param payment - fills payCode, payName and payTransactionId when given
 * @example
 * ```ts
 * buildMessage('CEB311', orderToCeb311(order, { guid, appTime: order.placedAt }, platform));
 * ```
 */
export function orderToCeb311(order: Order, header: DeclarationHeader, transfer: TransferParty, payment?: Payment): MessageData {
  const { buyer, consignee } = order;
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
          discount: amountText(order.discount),
          taxTotal: amountText(order.taxTotal),
          acturalPaid: amountText(order.actualPaid),
          currency: order.currency,
          buyerRegNo: buyer?.regNo,
          buyerName: buyer?.name,
          buyerTelephone: buyer?.phone,
          buyerIdType: buyer?.idType,
          buyerIdNumber: buyer?.idNumber,
          payCode: payment?.payCode,
          payName: payment?.payName,
          payTransactionId: payment?.payTransactionId,
          consignee: consignee?.name,
          consigneeTelephone: consignee?.phone,
          consigneeAddress: consignee?.address.line,
          consigneeDistrict: consignee?.address.districtCode,
        },
        OrderList: order.lines.map((line) => ({
          gnum: String(line.gnum),
          itemNo: line.goods.itemNo,
          itemName: line.goods.itemName,
          gmodel: gmodelOf(line.goods),
          barCode: line.goods.barCode,
          unit: line.goods.unit,
          qty: quantityText(line.quantity),
          price: amountText(line.unitPrice),
          totalPrice: amountText(line.totalPrice),
          currency: order.currency,
          country: line.goods.originCountry,
        })),
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}

/**
 * CEB411 data for an import payment record.
 *
 * @param ebpName - the platform's name (the payment record only knows its code)
 */
export function paymentToCeb411(payment: Payment, header: DeclarationHeader, transfer: TransferParty, ebpName: string): MessageData {
  return dropUndefined({
    Payment: [
      {
        PaymentHead: {
          ...headerFields(header),
          payCode: payment.payCode,
          payName: payment.payName,
          payTransactionId: payment.payTransactionId,
          orderNo: payment.orderNo,
          ebpCode: payment.ebpCode,
          ebpName,
          payerIdType: payment.payerIdType,
          payerIdNumber: payment.payerIdNumber,
          payerName: payment.payerName,
          telephone: payment.payerPhone,
          amountPaid: amountText(payment.amountPaid),
          currency: payment.currency,
          payTime: cebTime(payment.payTime),
        },
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}

/** CEB511 data for an import waybill. */
export function waybillToCeb511(waybill: Waybill, header: DeclarationHeader, transfer: TransferParty): MessageData {
  return dropUndefined({
    Logistics: [
      {
        LogisticsHead: {
          ...headerFields(header),
          logisticsCode: waybill.logisticsCode,
          logisticsName: waybill.logisticsName,
          logisticsNo: waybill.logisticsNo,
          billNo: waybill.billNo,
          orderNo: waybill.orderNo,
          freight: amountText(waybill.freight),
          insuredFee: amountText(waybill.insuredFee),
          currency: waybill.currency,
          weight: quantityText(waybill.weightKg),
          packNo: String(waybill.packNo),
          goodsInfo: waybill.goodsInfo,
          consignee: waybill.consignee?.name,
          consigneeAddress: waybill.consignee?.address.line,
          consigneeTelephone: waybill.consignee?.phone,
        },
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}

/**
 * CEB621 data for an import inventory list.
 *
 * @param list - the list as declared
 * @param header - guid, appType, appStatus and appTime of the declaration
 * @param transfer - the sender for BaseTransfer
 * @param facts - the list facts the model does not hold; `facts.consigneeAddress` is the delivery address
 */
export function inventoryToCeb621(
  list: InventoryList,
  header: DeclarationHeader,
  transfer: TransferParty,
  facts: ListDeclarationFacts & { readonly consigneeAddress: string },
): MessageData {
  const common = listCommonFields(list, facts);
  const area: Party | undefined = list.area;
  return dropUndefined({
    Inventory: [
      {
        InventoryHead: {
          ...headerFields(header),
          orderNo: list.orderNo,
          ...partyFields('ebp', list.ebp),
          ...partyFields('ebc', list.ebc),
          logisticsNo: list.logisticsNo,
          ...partyFields('logistics', list.logistics),
          copNo: list.copNo,
          preNo: list.preNo,
          assureCode: list.assureCode,
          emsNo: list.emsNo,
          invtNo: list.invtNo,
          ieFlag: list.ieFlag,
          declTime: cebDate(list.declaredAt),
          customsCode: list.customsCode,
          portCode: list.portCode,
          buyerIdType: list.buyer?.idType,
          buyerIdNumber: list.buyer?.idNumber,
          buyerName: list.buyer?.name,
          buyerTelephone: list.buyer?.phone,
          consigneeAddress: facts.consigneeAddress,
          ...partyFields('agent', list.agent),
          ...partyFields('area', area),
          tradeMode: list.tradeMode,
          freight: amountText(list.freight),
          insuredFee: amountText(list.insuredFee),
          currency: list.currency,
          ...common.head,
        },
        InventoryList: common.lines,
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}
