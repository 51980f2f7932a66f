/**
 * The electronic tax bill (CEB816, status 1 on the customs decision) and its status changes
 * (CEB818: 2 summarised onto a payment notice when the payment window opens, 3 void when the list
 * is cancelled, stopped or returned), sent to the list's declarant.
 */
import { amountText } from '../messages/map-common.js';
import type { TaxAssessment } from '../rules/types.js';
import type { LiveOrder } from './order-book.js';
import { receiverOf, returnTimeText, type ReceiptDraft, type ReceiptWriter } from './receipt-writer.js';

const STATUS_TEXT: Readonly<Record<number, string>> = { 1: '已生成', 2: '已汇总', 3: '已作废' };

/** The tax bill number of a list. */
export const taxNoOf = (invtNo: string): string => `T${invtNo}`;

/** The payment notice a list's bill is summarised onto. */
export const entDutyNoOf = (invtNo: string): string => `ED${invtNo}`;

/** CEB816 for the list `invtNo` of `live`, status 1 (generated). */
export function taxBillDraft(writer: ReceiptWriter, live: LiveOrder, invtNo: string, tax: TaxAssessment, at: number): ReceiptDraft {
  const list = live.dossier.list;
  const order = live.input;
  return writer.customsDraft('CEB816', {
    receiver: receiverOf('CEB816', live.dossier),
    orderNo: live.orderNo,
    status: 1,
    info: `${STATUS_TEXT[1]}: ${amountText(tax.total)}`,
    at,
    data: (guid) => ({
          TaxHeadRd: {
            guid,
            returnTime: returnTimeText(at),
            invtNo,
            taxNo: taxNoOf(invtNo),
            customsTax: amountText(tax.customsDuty),
            valueAddedTax: amountText(tax.vat),
            consumptionTax: amountText(tax.consumptionTax),
            status: '1',
            assureCode: list?.assureCode ?? order.ebp.code,
            ebcCode: order.ebc.code,
            logisticsCode: list?.logistics.code ?? live.dossier.waybill?.logisticsCode ?? order.ebp.code,
            agentCode: list?.agent.code ?? order.ebp.code,
            customsCode: list?.customsCode ?? '',
            orderNo: order.orderNo,
            logisticsNo: list?.logisticsNo ?? '',
          },
          TaxListRd: tax.lines.map((line, i) => ({
            gnum: String(order.lines[i]?.gnum ?? i + 1),
            gcode: order.lines[i]?.goods.hsCode ?? '',
            taxPrice: amountText(line.dutiableValue),
            customsTax: amountText(line.customsDuty),
            valueAddedTax: amountText(line.vat),
            consumptionTax: amountText(line.consumptionTax),
          })),
    }),
  });
}

/** CEB818 for the list `invtNo` of `live`: status 2 (summarised onto a payment notice) or 3 (void). */
export function taxStatusDraft(writer: ReceiptWriter, live: LiveOrder, invtNo: string, status: 2 | 3, at: number): ReceiptDraft {
  const list = live.dossier.list;
  return writer.customsDraft('CEB818', {
    receiver: receiverOf('CEB818', live.dossier),
    orderNo: live.orderNo,
    status,
    info: STATUS_TEXT[status] ?? '',
    at,
    data: (guid) => ({
          TaxHeadStatus: {
            guid,
            returnTime: returnTimeText(at),
            invtNo,
            taxNo: taxNoOf(invtNo),
            status: String(status),
            ...(status === 2 && { entDutyNo: entDutyNoOf(invtNo) }),
            assureCode: list?.assureCode ?? live.input.ebp.code,
          },
    }),
  });
}
