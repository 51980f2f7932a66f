import { describe, expect, it } from 'vitest';
import { receiptOrderProblem, ReceiptStatus, statusAllowed } from '../../src/customs/receipts.js';

describe('receipt status codes (docs/domain.md §3)', () => {
  it('carries the real codes', () => {
    expect([ReceiptStatus.Sent, ReceiptStatus.Rejected, ReceiptStatus.Accepted, ReceiptStatus.Decided, ReceiptStatus.Released, ReceiptStatus.Closed]).toEqual([3, 100, 120, 399, 800, 899]);
    expect(ReceiptStatus.DetainedAntiSmuggling).toBe(502);
    expect(ReceiptStatus.ListValidationFailed).toBe(-621001);
  });

  it('allows each code only on the receipts that can carry it', () => {
    expect(statusAllowed('CEB312', ReceiptStatus.Accepted)).toBe(true);
    expect(statusAllowed('CEB312', ReceiptStatus.Released)).toBe(false);
    expect(statusAllowed('CEB604', ReceiptStatus.DetainedLegal)).toBe(false);
    expect(statusAllowed('CEB622', ReceiptStatus.Reexported)).toBe(true);
    expect(statusAllowed('CEB606', ReceiptStatus.Accepted)).toBe(false);
    expect(statusAllowed('CEB624', ReceiptStatus.Decided)).toBe(false);
    expect(statusAllowed('CEB304', ReceiptStatus.Saved)).toBe(true);
    expect(statusAllowed('CEB312', ReceiptStatus.Saved)).toBe(false);
    expect(statusAllowed('CEB512', ReceiptStatus.ListException)).toBe(true);
  });

  it('accepts the suggested list order, with review, inspection and resend', () => {
    expect(receiptOrderProblem('CEB622', [2, 3, 120, 399, 800, 899])).toBeUndefined();
    expect(receiptOrderProblem('CEB622', [2, 4, 2, 3, 120, 300, 399, 500, 800, 899])).toBeUndefined();
    expect(receiptOrderProblem('CEB622', [2, 3, 120, 399, 500, 502])).toBeUndefined();
    expect(receiptOrderProblem('CEB622', [2, 3, 120, 100])).toBeUndefined();
  });

  it('refuses codes that go back, follow a final status, or do not fit the message', () => {
    expect(receiptOrderProblem('CEB622', [2, 3, 800, 120])).toMatch(/120 after 800/);
    expect(receiptOrderProblem('CEB622', [2, 3, 100, 120])).toMatch(/after the final status 100/);
    expect(receiptOrderProblem('CEB622', [2, 3, 120, 502, 800])).toMatch(/after the final status 502/);
    expect(receiptOrderProblem('CEB312', [2, 3, 120, 800])).toMatch(/cannot carry status 800/);
  });
});
