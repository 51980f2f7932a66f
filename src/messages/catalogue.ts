/**
 * The CEB message catalogue of the unified CBEC specification (see docs/messages.md): each declaration,
 * its receipt (declaration number + 1), what it carries and who sends it.
 */

/** Direction package of a message: `cbi` import, `cbe` export, `common` both. */
export type MessageFamily = 'cbi' | 'cbe' | 'common';

/** One entry of the catalogue. */
export interface CatalogueEntry {
  /** Message type, e.g. `CEB311`. */
  readonly type: string;
  /** The receipt type answering it, when it is a declaration. */
  readonly receipt?: string;
  /** The declaration it answers, when it is a receipt. */
  readonly answers?: string;
  readonly family: MessageFamily;
  /** What the message carries. */
  readonly content: string;
  /** Who sends it. */
  readonly sender: string;
}

function pair(type: string, family: MessageFamily, content: string, sender: string): CatalogueEntry[] {
  const receipt = `CEB${Number(type.slice(3)) + 1}`;
  return [
    { type, receipt, family, content, sender },
    { type: receipt, answers: type, family, content: `Receipt for ${type}`, sender: 'customs' },
  ];
}

/** Every CEB message cbec-sim knows, declarations followed by their receipts. */
export const MESSAGE_CATALOGUE: readonly CatalogueEntry[] = [
  ...pair('CEB311', 'cbi', 'Order (OrderHead + OrderList)', 'platform or ebc agent'),
  ...pair('CEB411', 'cbi', 'Payment (PaymentHead)', 'payment enterprise'),
  ...pair('CEB511', 'cbi', 'Waybill (LogisticsHead)', 'logistics enterprise'),
  ...pair('CEB513', 'cbi', 'Waybill status (LogisticsStatus)', 'logistics enterprise'),
  ...pair('CEB621', 'cbi', 'Import inventory list (InventoryHead + InventoryList)', 'declarant'),
  ...pair('CEB623', 'cbi', 'List cancellation request (InvtCancel)', 'declarant'),
  ...pair('CEB625', 'cbi', 'Return request (InvtRefundHead + InvtRefundList)', 'declarant'),
  ...pair('CEB711', 'cbi', 'Warehouse-entry list (DeliveryHead + DeliveryList)', 'supervised-site operator'),
  { type: 'CEB816', family: 'cbi', content: 'Electronic tax bill (TaxHeadRd + TaxListRd)', sender: 'customs' },
  { type: 'CEB818', family: 'cbi', content: 'Tax bill status / payment notice (TaxHeadStatus)', sender: 'customs' },
  ...pair('CEB303', 'cbe', 'Export order', 'platform or ebc'),
  ...pair('CEB403', 'cbe', 'Payment receipt (Receipts)', 'ebc'),
  ...pair('CEB505', 'cbe', 'Export waybill', 'logistics enterprise'),
  ...pair('CEB507', 'cbe', 'Arrival report (ArrivalHead + ArrivalList)', 'site operator or logistics'),
  ...pair('CEB509', 'cbe', 'Departure (DepartureHead + DepartureList)', 'logistics enterprise'),
  ...pair('CEB603', 'cbe', 'Export inventory list', 'declarant'),
  ...pair('CEB605', 'cbe', 'Export list cancellation request', 'declarant'),
  ...pair('CEB607', 'cbe', 'Master/house-bill link (WayBillHead + WayBillList)', 'declarant'),
  ...pair('CEB213', 'cbe', 'Export return application, 2022-05 (InvtRefundHead + InvtRefundList)', 'declarant'),
  ...pair('CEB215', 'cbe', 'Export return detail, 2022-05 (InvtRefundDetail)', 'supervised-site operator or logistics'),
  ...pair('CEB701', 'cbe', 'Summary application (SummaryApplyHead + invtNo list)', 'declarant'),
  { type: 'CEB792', family: 'cbe', content: 'Summary result (SummaryResultHead)', sender: 'customs' },
  { type: 'CEB900', family: 'common', content: 'Schema-validation error receipt (MessageReturn)', sender: 'customs' },
];

/** The catalogue entry for a message type (`'CEB621'`), or `undefined` when unknown. */
export function catalogueEntry(type: string): CatalogueEntry | undefined {
  return MESSAGE_CATALOGUE.find((e) => e.type === type.toUpperCase());
}
