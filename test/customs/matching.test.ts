import { describe, expect, it } from 'vitest';
import { documentWaitDeadline, matchDocuments, DEFAULT_DOCUMENT_WAIT_MS } from '../../src/customs/matching.js';
import { money } from '../../src/money/money.js';
import { listFor, orderFor, paymentFor, waybillFor } from '../channels/fixtures.js';

const order = orderFor('9610-import');
const all = { order, payment: paymentFor(order), waybill: waybillFor(order), list: listFor(order, false) };
const required = { required: ['order', 'payment', 'waybill'] as const };
const codes = (input: Parameters<typeof matchDocuments>[0]) => matchDocuments(input, required).map((f) => f.code);

describe('three-document matching (docs/domain.md §1.2)', () => {
  it('passes documents that agree', () => {
    expect(matchDocuments(all, required)).toEqual([]);
  });

  it('names each missing document, with the text customs shows', () => {
    const { payment: _p, ...withoutPayment } = all;
    expect(matchDocuments(withoutPayment, required)).toEqual([{ code: 'payment-missing', text: '支付单不存在 (payment not found)' }]);
    expect(codes({ list: all.list })).toEqual(['order-missing', 'payment-missing', 'waybill-missing']);
  });

  it('treats a payment filed under another orderNo as not found', () => {
    expect(codes({ ...all, payment: { ...all.payment, orderNo: 'OTHER' } })).toEqual(['payment-missing']);
  });

  it('requires the payer to be the buyer by name and ID number', () => {
    expect(codes({ ...all, payment: { ...all.payment, payerName: '李四' } })).toEqual(['payer-mismatch']);
    expect(codes({ ...all, payment: { ...all.payment, payerIdNumber: '110101199003074522' } })).toEqual(['payer-mismatch']);
  });

  it('requires paid = goods + freight + tax - discount, and the payment to agree', () => {
    expect(codes({ ...all, payment: { ...all.payment, amountPaid: all.payment.amountPaid.plus('0.01') } })).toEqual(['amount-mismatch']);
    expect(codes({ ...all, order: { ...order, discount: money('6.00') } })).toContain('amount-mismatch');
  });

  it('requires the platform to agree and the waybill and list to refer to the order', () => {
    expect(codes({ ...all, payment: { ...all.payment, ebpCode: '4401960ZZZ' } })).toEqual(['ebp-mismatch']);
    expect(codes({ ...all, waybill: { ...all.waybill, orderNo: 'OTHER' } })).toEqual(['waybill-order-mismatch']);
    expect(codes({ ...all, list: { ...all.list, logisticsNo: 'LOG-OTHER' } })).toEqual(['list-mismatch']);
  });

  it('skips the payer check on export, where there is no buyer', () => {
    const exp = orderFor('9610-export');
    expect(matchDocuments({ order: exp, payment: paymentFor(exp), waybill: waybillFor(exp), list: listFor(exp, false) }, required)).toEqual([]);
  });

  it('names each disagreement of the list: seller or platform alone, orderNo, or waybill number', () => {
    expect(codes({ ...all, list: { ...all.list, ebc: { ...all.list.ebc, code: '4401960QQQ' } } })).toEqual(['ebp-mismatch']);
    expect(codes({ ...all, list: { ...all.list, ebp: { ...all.list.ebp, code: '4401960QQQ' } } })).toEqual(['ebp-mismatch']);
    expect(codes({ ...all, list: { ...all.list, orderNo: 'OTHER' } })).toEqual(['list-mismatch']);
  });

  it('checks only the documents it has: no waybill, no list, no buyer', () => {
    const { waybill: _w, list: _l, ...orderAndPayment } = all;
    expect(codes(orderAndPayment)).toEqual(['waybill-missing']);
    expect(codes({ ...orderAndPayment, list: { ...all.list, logisticsNo: 'LOG-OTHER' } })).toEqual(['waybill-missing']);
    const { buyer: _b, ...noBuyer } = order;
    expect(codes({ ...all, order: noBuyer })).toEqual(['payer-mismatch']);
  });

  it('requires the payer to hold the buyer\'s ID type too', () => {
    expect(codes({ ...all, payment: { ...all.payment, payerIdType: '2' } })).toEqual(['payer-mismatch']);
  });

  it('lets a list wait a configurable time for its documents', () => {
    expect(DEFAULT_DOCUMENT_WAIT_MS).toBe(86_400_000);
    expect(documentWaitDeadline(1000)).toBe(1000 + DEFAULT_DOCUMENT_WAIT_MS);
    expect(documentWaitDeadline(1000, 60_000)).toBe(61_000);
  });
});
