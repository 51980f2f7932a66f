/**
 * The business rules, one by one, on message data the schema accepts: formats of optional and
 * required fields, resident ID numbers of buyers and payers, line totals to the fen, head totals
 * of orders and tax bills, acturalPaid, message sequence numbers, line numbers and the guid.
 */
import { describe, expect, it } from 'vitest';
import { businessIssues } from '../../src/messages/business.js';
import { GUID, TIME14 } from '../../src/messages/formats.js';
import { parseMessage } from '../../src/messages/parse.js';
import { messageSpec } from '../../src/messages/registry.js';
import { decimal, node, occurs, opt, text, type MessageData, type MessageSpec } from '../../src/messages/spec.js';
import { described, fixture } from './helpers.js';

type Editable = Record<string, unknown>;

/** A fixture's spec and a copy of its data that `edit` may change, and its business issues after. */
function edited(name: string, edit: (data: Editable) => void): string[] {
  const parsed = parseMessage(fixture(name));
  const data = structuredClone(parsed.data) as Editable;
  edit(data);
  return described(businessIssues(messageSpec(parsed.type, parsed.spec), data as MessageData, parsed.guid));
}

/** The first entry of the list `name` under `data`. */
function first(data: Editable, name: string): Editable {
  return (data[name] as Editable[])[0]!;
}

const orderHead = (data: Editable) => first(data, 'Order')['OrderHead'] as Editable;
const orderLine = (data: Editable) => first(first(data, 'Order'), 'OrderList');

describe('field formats', () => {
  const spec = (...children: MessageSpec['children']): MessageSpec => ({ type: 'T', version: '202205', namespace: 'urn:t', attributes: [], children });
  const appTime = { ...text('appTime', 0, 14), format: TIME14 };

  it('an empty optional field is absent, not a bad value: no format issue; a filled one is checked', () => {
    expect(businessIssues(spec(opt(appTime)), { appTime: '' }, undefined)).toEqual([]);
    expect(businessIssues(spec(opt(appTime)), { appTime: '20190231000000' }, undefined).map((i) => i.value)).toEqual(['20190231000000']);
  });

  it('an empty required field must still have its format', () => {
    expect(described(businessIssues(spec(appTime), { appTime: '' }, undefined))).toEqual([
      'appTime @- [business]: must be a real date and time as 14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000.',
    ]);
  });

  it('a field with attributes is checked on its text', () => {
    const keyed = { ...occurs(appTime, 1, 3), attributes: [{ name: 'name', required: false, type: { base: 'string', minLength: 0, maxLength: 9, collapse: false } as const }] };
    const data = { appTime: [{ '#text': '20190231000000', '@name': 'a' }, { '@name': 'b' }, { '#text': '20190228000000' }] };
    expect(businessIssues(spec(keyed), data, undefined).map((i) => i.value)).toEqual(['20190231000000', '']);
    expect(described(businessIssues(spec(keyed), data, undefined))).toEqual([
      'appTime.0 @- [business]: must be a real date and time as 14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000.',
      'appTime.1 @- [business]: must be a real date and time as 14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000.',
    ]);
  });

  it('an amount that is not a number is left to the schema, not reported as negative', () => {
    expect(businessIssues(spec(decimal('freight'), opt(decimal('discount'))), { freight: 'twenty', discount: '' }, undefined)).toEqual([]);
    expect(described(businessIssues(spec(decimal('freight')), { freight: '-0.01' }, undefined))).toEqual(['freight @- [business]: must not be negative.']);
  });
});

describe('resident ID numbers (ID type 1) carry a real birth date and a check character', () => {
  it('a payer ID number is checked like a buyer one', () => {
    expect(edited('CEB411', (d) => void ((first(d, 'Payment')['PaymentHead'] as Editable)['payerIdNumber'] = '440106199003071232'))).toEqual([
      'Payment.0.PaymentHead.payerIdNumber @- [business]: is a resident ID number (payerIdType 1) that has check character 2 but the first 17 digits require 1; a digit was mistyped.',
    ]);
  });

  it('a problem the ID rules state with "must" reads "should"; a "must" inside the sentence stays', () => {
    expect(edited('CEB311', (d) => void (orderHead(d)['buyerIdNumber'] = '44010619900307123'))).toEqual([
      'Order.0.OrderHead.buyerIdNumber @- [business]: is a resident ID number (buyerIdType 1) that should be 17 digits followed by a digit or an upper-case X (18 characters).',
    ]);
    expect(edited('CEB311', (d) => void (orderHead(d)['buyerIdNumber'] = '440106199013071231'))).toEqual([
      'Order.0.OrderHead.buyerIdNumber @- [business]: is a resident ID number (buyerIdType 1) that has an impossible birth date 19901307 (characters 7-14 must be YYYYMMDD).',
    ]);
  });

  it('another ID type (2, passport) is not checked as a resident ID number', () => {
    expect(
      edited('CEB311', (d) => {
        orderHead(d)['buyerIdType'] = '2';
        orderHead(d)['buyerIdNumber'] = 'E12345678';
      }),
    ).toEqual([]);
  });

  it('ID type 1 without a number has nothing to check', () => {
    expect(edited('CEB311', (d) => void delete orderHead(d)['buyerIdNumber'])).toEqual([]);
  });
});

describe('a line total is qty × price to the fen', () => {
  it('a difference of 0.01 is rounding; 0.02 is an error, quoted with the value given', () => {
    expect(edited('CEB311', (d) => void (orderLine(d)['price'] = '380.005'))).toEqual([]);
    expect(edited('CEB311', (d) => void (orderLine(d)['price'] = '380.01'))).toEqual([
      'Order.0.OrderList.0.totalPrice @- [business]: must equal qty × price (2 × 380.01 = 760.02).',
    ]);
    const issue = businessIssues(messageSpec('CEB311'), { Order: [{ OrderList: [{ qty: '2', price: '380.01', totalPrice: '760.00' }] }] }, undefined)[0];
    expect(issue?.value).toBe('760.00');
  });

  it('amounts are read without the white space around them', () => {
    expect(edited('CEB311', (d) => void (orderLine(d)['totalPrice'] = ' 770.00 '))).toEqual([
      'Order.0.OrderList.0.totalPrice @- [business]: must equal qty × price (2 × 380 = 760).',
      'Order.0.OrderHead.goodsValue @- [business]: must equal the sum of the OrderList totalPrice values (770).',
    ]);
  });

  it.each(['qty', 'price', 'totalPrice'])('a line without %s has no total to check', (name) => {
    expect(edited('CEB311', (d) => void delete orderLine(d)[name]).filter((l) => l.includes('qty ×'))).toEqual([]);
  });
});

describe('head totals are the sums of their lines', () => {
  it('a tax bill head carries the sum of each tax over its lines', () => {
    expect(
      edited('CEB816', (d) => {
        const line = first(first(d, 'Tax'), 'TaxListRd');
        Object.assign(line, { customsTax: '1.00', valueAddedTax: '70.99', consumptionTax: '2.50' });
      }),
    ).toEqual([
      'Tax.0.TaxHeadRd.customsTax @- [business]: must equal the sum of the TaxListRd customsTax values (1).',
      'Tax.0.TaxHeadRd.valueAddedTax @- [business]: must equal the sum of the TaxListRd valueAddedTax values (70.99).',
      'Tax.0.TaxHeadRd.consumptionTax @- [business]: must equal the sum of the TaxListRd consumptionTax values (2.5).',
    ]);
  });

  it('goodsValue is not compared when a line has no total, or when the head has none', () => {
    expect(edited('CEB311', (d) => void (orderLine(d)['totalPrice'] = 'n/a'))).toEqual([]);
    expect(edited('CEB311', (d) => void delete orderHead(d)['goodsValue'])).toEqual([]);
  });

  it('a head without its lines has no sum to compare', () => {
    expect(edited('CEB311', (d) => void delete first(d, 'Order')['OrderList'])).toEqual([]);
  });

  it.each(['goodsValue', 'freight', 'taxTotal', 'discount'])('acturalPaid is not compared when %s is missing', (name) => {
    expect(
      edited('CEB311', (d) => {
        orderHead(d)['acturalPaid'] = '1.00';
        delete orderHead(d)[name];
      }),
    ).toEqual([]);
  });
});

describe('message sequence numbers: msgSeqNo never exceeds msgCount', () => {
  const head = (d: Editable) => first(d, 'Arrival')['ArrivalHead'] as Editable;

  it('the last message of a count is fine; one beyond is not', () => {
    expect(
      edited('CEB507', (d) => {
        head(d)['msgCount'] = '3';
        head(d)['msgSeqNo'] = '3';
      }),
    ).toEqual([]);
    expect(edited('CEB507', (d) => void (head(d)['msgSeqNo'] = '2'))).toEqual(['Arrival.0.ArrivalHead.msgSeqNo @- [business]: must not exceed msgCount (1).']);
    const arrival = { Arrival: [{ ArrivalHead: { msgCount: '1', msgSeqNo: '2' } }] };
    expect(businessIssues(messageSpec('CEB507'), arrival, undefined).map((i) => i.value)).toEqual(['2']);
  });
});

describe('line numbers run 1, 2, 3 … in document order', () => {
  it('white space around a line number is not a different number', () => {
    expect(edited('CEB311', (d) => void (orderLine(d)['gnum'] = ' 1 ')).filter((l) => l.includes('line numbers run'))).toEqual([]);
  });

  it('a line without gnum has no number to check', () => {
    expect(edited('CEB311', (d) => void delete orderLine(d)['gnum'])).toEqual([]);
  });

  it('only lists whose elements carry gnum are numbered', () => {
    expect(edited('CEB311', (d) => void (first(d, 'Order')['gnum'] = '7'))).toEqual([]);
  });

  it('refund and summary-result lines quote the line numbers of the documents they answer', () => {
    expect(edited('CEB625', (d) => void (first(first(d, 'InvtRefund'), 'InvtRefundList')['gnum'] = '5'))).toEqual([]);
    expect(edited('CEB792', (d) => void (first(first(d, 'SummaryResult'), 'SummaryResultList')['gnum'] = '5'))).toEqual([]);
  });

  it('a repeated field is not a list of lines', () => {
    const spec: MessageSpec = { type: 'T', version: '202205', namespace: 'urn:t', attributes: [], children: [occurs(text('gnum', 1), 1, 3), node('Line', [text('gnum', 1)], [1, 3])] };
    expect(described(businessIssues(spec, { gnum: ['2', '3'], Line: [{ gnum: '1' }, { gnum: '3' }] }, undefined))).toEqual([
      'Line.1.gnum @- [business]: must be 2: line numbers run 1, 2, 3 … in document order.',
    ]);
  });
});

describe('the root guid is the upper-case UUID the real system issues', () => {
  it('a lower-case guid is named with the layout it must have; no guid, no finding', () => {
    const spec = messageSpec('CEB311');
    expect(described(businessIssues(spec, {}, '4cde1cfd-eded-46b1-946c-b8022e421038'))).toEqual([`@guid @- [business]: must be ${GUID.hint}.`]);
    expect(GUID.hint).toMatch(/^36 characters/);
    expect(businessIssues(spec, {}, undefined)).toEqual([]);
  });
});
