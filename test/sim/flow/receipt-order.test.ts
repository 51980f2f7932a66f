import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { receiptOrderProblem, ReceiptStatus, type ReceiptMessage } from '../../../src/customs/receipts.js';
import { afterReceipt, brokenMessages } from '../../../src/sim/flow/receipt-order.js';
import { messageCode } from '../../../src/sim/runner/lean/codes.js';

const STATUSES = [1, 2, 3, 4, 100, 120, 300, 399, 500, 501, 502, 503, 599, 700, 800, 899, -621001];
const IMPORT: readonly ReceiptMessage[] = ['CEB312', 'CEB412', 'CEB512', 'CEB622', 'CEB624', 'CEB626'];
const EXPORT: readonly ReceiptMessage[] = ['CEB304', 'CEB404', 'CEB506', 'CEB604', 'CEB606', 'CEB508', 'CEB510', 'H2018'];

/** Receipts of one order: messages of one direction, statuses mostly in a plausible order. */
const receipts = fc.constantFrom(IMPORT, EXPORT).chain((messages) =>
  fc.array(fc.record({ message: fc.constantFrom(...messages), status: fc.oneof(fc.constantFrom(...STATUSES), fc.constantFrom(2, 3, 120, 399, 800, 899)) }), { maxLength: 30 }),
);

describe('receipt order, checked receipt by receipt', () => {
  test.prop([receipts])('breaks exactly the messages receiptOrderProblem finds a problem with', (list) => {
    let history = 0;
    for (const r of list) history = afterReceipt(history, messageCode(r.message), r.status);
    const byMessage = new Map<ReceiptMessage, number[]>();
    for (const r of list) byMessage.set(r.message, [...(byMessage.get(r.message) ?? []), r.status]);
    const problems = [...byMessage].filter(([message, statuses]) => receiptOrderProblem(message, statuses) !== undefined).length;
    expect(brokenMessages(history)).toBe(problems);
  });

  it('accepts a resend after a send failure and the whole import list sequence (2, 3, 4, 2, 3, 120, 399, 800, 899)', () => {
    const ceb622 = messageCode('CEB622');
    const history = [2, 3, 4, 2, 3, 120, 399, 800, 899].reduce((h, status) => afterReceipt(h, ceb622, status), 0);
    expect(brokenMessages(history)).toBe(0);
    expect(brokenMessages(afterReceipt(history, ceb622, ReceiptStatus.Released))).toBe(1);
  });
});
