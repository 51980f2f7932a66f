/**
 * Why customs refuses or stops something: stable reason codes with the text a receipt shows.
 * Matching failures (docs/domain.md) come first, then the other refusals the channels model.
 */
import type { ReceiptReason } from './receipts.js';

/** The reason codes cbec-sim uses in receipts and scripts. */
export type ReasonCode =
  | 'order-missing'
  | 'payment-missing'
  | 'waybill-missing'
  | 'order-no-mismatch'
  | 'payer-mismatch'
  | 'amount-mismatch'
  | 'ebp-mismatch'
  | 'waybill-order-mismatch'
  | 'list-mismatch'
  | 'quota-exceeded'
  | 'over-single-limit'
  | 'over-parcel-limit'
  | 'stock-shortage'
  | 'arrival-missing'
  | 'inspection-failed'
  | 'customs-refused'
  | 'not-on-positive-list'
  | 'goods-left-site'
  | 'return-window-passed'
  | 'goods-not-returned';

/** Text of each reason, as a receipt's returnInfo would show it (Chinese, then English). */
export const REASONS: Readonly<Record<ReasonCode, string>> = {
  'order-missing': '订单不存在 (order not found)',
  'payment-missing': '支付单不存在 (payment not found)',
  'waybill-missing': '运单不存在 (waybill not found)',
  'order-no-mismatch': '订单编号不一致 (documents name different orderNo)',
  'payer-mismatch': '订购人与支付人不一致 (payer is not the buyer by name and ID)',
  'amount-mismatch': '支付金额与订单金额不一致 (amount paid does not agree with the order)',
  'ebp-mismatch': '电商平台不一致 (documents name different platforms)',
  'waybill-order-mismatch': '运单与订单不对应 (waybill does not refer to the order)',
  'list-mismatch': '清单与订单、运单不一致 (list does not agree with its order and waybill)',
  'quota-exceeded': '超过年度交易限值 (over the annual limit per buyer)',
  'over-single-limit': '超过单次交易限值 (over the single-transaction limit)',
  'over-parcel-limit': '超过个人邮递物品限值 (over the postal-articles parcel limit)',
  'stock-shortage': '账册库存不足 (bonded account book stock too low)',
  'arrival-missing': '未在规定时间内运抵 (arrival never reported) [assumption]',
  'inspection-failed': '查验不合格 (inspection failed)',
  'customs-refused': '海关退单 (refused by customs, no reason given)',
  'not-on-positive-list': '商品不在跨境电商零售进口商品清单内 (goods not on the CBEC retail-import positive list)',
  'goods-left-site': '货物已离开监管场所 (goods have left the supervised site)',
  'return-window-passed': '超过退货申请期限 (return requested more than 30 days after release)',
  'goods-not-returned': '退货未在规定时间内入区 (goods not back within 45 days of release)',
};

/** All reason codes, in declaration order. */
export const REASON_CODES: readonly ReasonCode[] = /* @__PURE__ */ Object.keys(REASONS) as ReasonCode[];

/** A reason with a known code. */
export interface CustomsReason extends ReceiptReason {
  readonly code: ReasonCode;
}

/** The receipt reason for a code. */
export function reason(code: ReasonCode): CustomsReason {
  return { code, text: REASONS[code] };
}

/** True when `value` is a known reason code. */
export function isReasonCode(value: string): value is ReasonCode {
  return Object.hasOwn(REASONS, value);
}
