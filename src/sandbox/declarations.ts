/**
 * The four documents of one order as the parties send them: CEB XML built by `cbec-sim/messages`
 * from the domain model (import CEB311, CEB411, CEB511, CEB621; export CEB303, CEB403, CEB505,
 * CEB603), each from its own sender. For tests and examples that talk to a sandbox as an
 * integrator's systems would.
 */
import type { InventoryList, Order, Payment, Waybill } from '../domain/model.js';
import { formatGuid } from '../domain/identifiers.js';
import { buildMessage as buildUnsigned } from '../messages/build.js';
import type { MessageType } from '../messages/registry.js';
import { testSigner } from '../messages/signer.js';
import { amountText, headerFields, transferNode, type TransferParty } from '../messages/map-common.js';
import { orderToCeb303, inventoryToCeb603, waybillToCeb505 } from '../messages/map-export.js';
import { inventoryToCeb621, orderToCeb311, paymentToCeb411, waybillToCeb511 } from '../messages/map-import.js';
import { money } from '../money/money.js';
import { dropUndefined } from '../domain/drop-undefined.js';
import type { MessageData } from '../messages/spec.js';
import { cebTime } from '../sim/clock.js';
import { createRng } from '../sim/rng.js';

/** An order and the documents filed for it (the payment is absent on 9710/9810). */
export interface OrderDocuments {
  readonly order: Order;
  readonly payment?: Payment | undefined;
  readonly waybill: Waybill;
  readonly list: InventoryList;
}

/** Who sends each document: the platform the order, the payment enterprise the payment, the carrier the waybill, the declarant the list. */
export interface DeclarationSenders {
  readonly platform: TransferParty;
  readonly payer: TransferParty;
  readonly carrier: TransferParty;
  readonly declarant: TransferParty;
}

/** Four sample senders with distinct DXP ids (receipts go back to each). */
export const SAMPLE_SENDERS: DeclarationSenders = {
  platform: { copCode: '4401960ABC', copName: '广州某电商平台', dxpId: 'DXPENT0000000001' },
  payer: { copCode: '4403169D3W', copName: '财付通支付科技有限公司', dxpId: 'DXPENT0000000002' },
  carrier: { copCode: '4401980YTO', copName: '某快递有限公司', dxpId: 'DXPENT0000000003' },
  declarant: { copCode: '4401960AGT', copName: '广州某报关有限公司', dxpId: 'DXPENT0000000004' },
};

/** Options of {@link declarationMessages}. */
export interface DeclarationOptions {
  readonly senders?: DeclarationSenders;
  /** Seed of the messages' guids: the same seed and order give the same guids (default 1). */
  readonly seed?: number;
  /** Written into every BaseTransfer note, e.g. `cbec-script: inspect:pass` to force an outcome. */
  readonly note?: string;
}

/** The documents of one order as CEB XML, by what they carry. */
export interface DeclarationMessages {
  readonly order: string;
  readonly payment?: string;
  readonly waybill: string;
  readonly list: string;
}

/**
 * Builds a declaration signed with `testSigner` where its schema has a Signature (a real sender
 * signs with its e-port key; the sandbox checks the shape, not the key).
 */
export function buildDeclaration(type: MessageType, data: MessageData): string {
  return buildUnsigned(type, data, { signer: testSigner });
}

/** A deterministic guid for `purpose` under `seed`. */
export function messageGuid(seed: number, purpose: string): string {
  return formatGuid(createRng(seed).stream('message').stream(purpose).words());
}

const LIST_FACTS = { trafMode: '5', packNo: 1, grossWeightKg: money('1.2'), netWeightKg: money('1') };

/**
 * The CEB messages of one order's documents.
 *
 * @example
 * ```ts
 * const xml = declarationMessages(docs, { note: 'cbec-script: review' });
 * await client.send(xml.order);
 * ```
 */
export function declarationMessages(docs: OrderDocuments, options: DeclarationOptions = {}): DeclarationMessages {
  const { order, payment, waybill, list } = docs;
  const senders = options.senders ?? SAMPLE_SENDERS;
  const seed = options.seed ?? 1;
  const withNote = (party: TransferParty): TransferParty => (options.note === undefined ? party : { ...party, note: options.note });
  const header = (kind: string) => ({ guid: messageGuid(seed, `${order.orderNo}/${kind}`), appTime: order.placedAt });
  if (order.ieFlag === 'I') {
    return {
      order: buildDeclaration('CEB311', orderToCeb311(order, header('order'), withNote(senders.platform), payment)),
      ...(payment && { payment: buildDeclaration('CEB411', paymentToCeb411(payment, header('payment'), withNote(senders.payer), order.ebp.name)) }),
      waybill: buildDeclaration('CEB511', waybillToCeb511(waybill, header('waybill'), withNote(senders.carrier))),
      list: buildDeclaration('CEB621', inventoryToCeb621(list, header('list'), withNote(senders.declarant), { ...LIST_FACTS, country: order.lines[0]?.goods.originCountry ?? '142', consigneeAddress: order.consignee?.address.line ?? '广州市' })),
    };
  }
  return {
    order: buildDeclaration('CEB303', orderToCeb303(order, header('order'), withNote(senders.platform))),
    ...(payment && { payment: buildDeclaration('CEB403', ceb403(order, payment, header('payment'), withNote(senders.payer))) }),
    waybill: buildDeclaration('CEB505', waybillToCeb505(waybill, header('waybill'), withNote(senders.carrier), { ...order.ebc, telephone: '020-12345678' })),
    list: buildDeclaration('CEB603', inventoryToCeb603(list, header('list'), withNote(senders.declarant), { ...LIST_FACTS, country: '502', statisticsFlag: 'A', owner: { code: 'NO', name: order.ebc.name }, pod: 'USLA' })),
  };
}

/** CEB403 data: the seller's record of the payment received. */
function ceb403(order: Order, payment: Payment, header: { guid: string; appTime: number }, transfer: TransferParty): MessageData {
  return dropUndefined({
    Receipts: [
      {
        ...headerFields(header),
        ebpCode: order.ebp.code,
        ebpName: order.ebp.name,
        ebcCode: order.ebc.code,
        ebcName: order.ebc.name,
        orderNo: order.orderNo,
        payCode: payment.payCode,
        payName: payment.payName,
        payNo: payment.payTransactionId,
        charge: amountText(payment.amountPaid),
        currency: payment.currency,
        accountingDate: cebTime(payment.payTime),
      },
    ],
    BaseTransfer: transferNode(transfer),
  }) as MessageData;
}
