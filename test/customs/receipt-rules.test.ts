import { describe, expect, it } from 'vitest';
import { REASON_CODES, REASONS, isReasonCode, reason } from '../../src/customs/reasons.js';
import { receiptOrderProblem, ReceiptStatus as S, statusAllowed, type ReceiptMessage } from '../../src/customs/receipts.js';

const IMPORT: readonly ReceiptMessage[] = ['CEB312', 'CEB412', 'CEB512', 'CEB514', 'CEB622', 'CEB624', 'CEB626', 'CEB712'];
const EXPORT: readonly ReceiptMessage[] = ['CEB304', 'CEB404', 'CEB506', 'CEB508', 'CEB510', 'CEB604', 'CEB606', 'CEB608', 'CEB702'];
const ALL: readonly ReceiptMessage[] = [...IMPORT, ...EXPORT, 'H2018'];

/**
 * Which receipts carry each status, as the CBEC receipt code table gives it: 1 on export receipts
 * and the import list, cancel, return and tax receipts; 2, 3, 4 and 100 on every receipt; 120 on
 * all but the cancel and summary results; 300, 500, 800, 899 on lists only (import CEB622, export
 * CEB604, the 9710/9810 declaration H2018); 399 on lists and the decided import and export
 * results; detentions and re-export on the import list only.
 */
const CARRIERS: readonly [S, readonly ReceiptMessage[]][] = [
  [S.Saved, [...EXPORT, 'H2018', 'CEB622', 'CEB624', 'CEB626', 'CEB712']],
  [S.Declaring, ALL],
  [S.Sent, ALL],
  [S.SendFailed, ALL],
  [S.Rejected, ALL],
  [S.Accepted, ALL.filter((m) => m !== 'CEB606' && m !== 'CEB702')],
  [S.ManualReview, ['CEB604', 'CEB622', 'H2018']],
  [S.Decided, ['CEB604', 'CEB606', 'CEB702', 'CEB622', 'CEB626', 'CEB712', 'H2018']],
  [S.Inspection, ['CEB604', 'CEB622', 'H2018']],
  [S.DetainedClearance, ['CEB622']],
  [S.DetainedAntiSmuggling, ['CEB622']],
  [S.DetainedLegal, ['CEB622']],
  [S.DetainedOther, ['CEB622']],
  [S.Reexported, ['CEB622']],
  [S.Released, ['CEB604', 'CEB622', 'H2018']],
  [S.Closed, ['CEB604', 'CEB622', 'H2018']],
  [S.ListValidationFailed, ALL],
  [S.ListException, ALL],
];

describe('receipt code table: which message carries which status (DOMAIN.md 3)', () => {
  it.each(CARRIERS)('status %i is carried by exactly its receipts', (status, carriers) => {
    expect(ALL.filter((message) => statusAllowed(message, status))).toEqual(ALL.filter((message) => carriers.includes(message)));
  });

  it('a status outside the table fits no receipt, 0 included', () => {
    expect(ALL.filter((message) => statusAllowed(message, 650 as S))).toEqual([]);
    expect(ALL.filter((message) => statusAllowed(message, 0 as S))).toEqual([]);
  });
});

describe('receipt order: codes never go back, nothing follows a final status', () => {
  it.each([
    [[S.Saved, S.Declaring, S.Sent, S.Accepted]],
    [[S.Declaring, S.SendFailed, S.Declaring, S.Sent]],
    [[S.Sent, S.SendFailed]],
    [[S.SendFailed, S.Sent]],
    [[S.Accepted, S.ManualReview, S.Decided, S.Inspection, S.DetainedClearance]],
    [[S.Decided, S.Inspection, S.Reexported]],
    [[S.Decided, S.Inspection, S.Released, S.Closed]],
    [[S.Accepted, S.Accepted]],
    [[S.Sent, S.Rejected]],
    [[S.Released, S.Rejected]],
    [[S.Sent, S.ListValidationFailed]],
    [[S.Released, S.ListException]],
  ])('CEB622 may receive %j', (statuses) => {
    expect(receiptOrderProblem('CEB622', statuses)).toBeUndefined();
  });

  it.each([
    [[S.Sent, S.Saved], 'CEB622 got 1 after 3 (step 2); receipt codes do not go back.'],
    [[S.Sent, S.Declaring], 'CEB622 got 2 after 3 (step 2); receipt codes do not go back.'],
    [[S.SendFailed, S.Saved], 'CEB622 got 1 after 4 (step 2); receipt codes do not go back.'],
    [[S.Accepted, S.Sent], 'CEB622 got 3 after 120 (step 2); receipt codes do not go back.'],
    [[S.Decided, S.ManualReview], 'CEB622 got 300 after 399 (step 2); receipt codes do not go back.'],
    [[S.Inspection, S.Decided], 'CEB622 got 399 after 500 (step 2); receipt codes do not go back.'],
    [[S.Declaring, S.Sent, S.Released, S.Inspection], 'CEB622 got 500 after 800 (step 4); receipt codes do not go back.'],
    [[S.Closed, S.Released], 'CEB622 got 800 after the final status 899 (step 2).'],
    [[S.Released, S.Reexported], 'CEB622 got 700 after 800 (step 2); receipt codes do not go back.'],
    [[S.Rejected, S.Accepted], 'CEB622 got 120 after the final status 100 (step 2).'],
    [[S.DetainedOther, S.Released], 'CEB622 got 800 after the final status 599 (step 2).'],
    [[S.Reexported, S.Closed], 'CEB622 got 899 after the final status 700 (step 2).'],
    [[S.ListException, S.Sent], 'CEB622 got 3 after the final status -621999 (step 2).'],
    [[S.Sent, S.Accepted, S.Decided, 650 as S], 'CEB622 cannot carry status 650 (step 4).'],
  ])('CEB622 refuses %j: %s', (statuses, problem) => {
    expect(receiptOrderProblem('CEB622', statuses)).toBe(problem);
  });

  it('checks each message against its own table: an order receipt is never released', () => {
    expect(receiptOrderProblem('CEB312', [S.Sent, S.Accepted, S.Released])).toBe('CEB312 cannot carry status 800 (step 3).');
  });
});

describe('refusal reasons: a stable code and the text a receipt shows', () => {
  it.each([
    ['order-missing', '订单不存在 (order not found)'],
    ['payment-missing', '支付单不存在 (payment not found)'],
    ['waybill-missing', '运单不存在 (waybill not found)'],
    ['order-no-mismatch', '订单编号不一致 (documents name different orderNo)'],
    ['payer-mismatch', '订购人与支付人不一致 (payer is not the buyer by name and ID)'],
    ['amount-mismatch', '支付金额与订单金额不一致 (amount paid does not agree with the order)'],
    ['ebp-mismatch', '电商平台不一致 (documents name different platforms)'],
    ['waybill-order-mismatch', '运单与订单不对应 (waybill does not refer to the order)'],
    ['list-mismatch', '清单与订单、运单不一致 (list does not agree with its order and waybill)'],
    ['quota-exceeded', '超过年度交易限值 (over the annual limit per buyer)'],
    ['over-single-limit', '超过单次交易限值 (over the single-transaction limit)'],
    ['over-parcel-limit', '超过个人邮递物品限值 (over the postal-articles parcel limit)'],
    ['stock-shortage', '账册库存不足 (bonded account book stock too low)'],
    ['arrival-missing', '未在规定时间内运抵 (arrival never reported) [assumption]'],
    ['inspection-failed', '查验不合格 (inspection failed)'],
    ['customs-refused', '海关退单 (refused by customs, no reason given)'],
    ['not-on-positive-list', '商品不在跨境电商零售进口商品清单内 (goods not on the CBEC retail-import positive list)'],
    ['goods-left-site', '货物已离开监管场所 (goods have left the supervised site)'],
    ['return-window-passed', '超过退货申请期限 (return requested more than 30 days after release)'],
    ['goods-not-returned', '退货未在规定时间内入区 (goods not back within 45 days of release)'],
  ] as const)('%s reads %s', (code, text) => {
    expect(reason(code)).toEqual({ code, text });
    expect(isReasonCode(code)).toBe(true);
  });

  it('lists the twenty codes in declaration order, and knows no others', () => {
    expect(REASON_CODES).toHaveLength(20);
    expect(REASON_CODES[0]).toBe('order-missing');
    expect(Object.keys(REASONS)).toEqual(REASON_CODES);
    expect(isReasonCode('toString')).toBe(false);
    expect(isReasonCode('')).toBe(false);
  });
});
