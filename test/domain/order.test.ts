import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOrder } from '../../src/domain/order.js';
import { ValidationError } from '../../src/domain/errors.js';
import { describeOrder } from '../../src/domain/describe-order.js';

const sample = JSON.parse(readFileSync(new URL('../../examples/orders/cosmetics-9610.json', import.meta.url), 'utf8'));
const clone = () => structuredClone(sample) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(input: unknown): { path: string; reason: string }[] {
  try {
    parseOrder(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => ({ path: i.path.join('.'), reason: i.reason }));
  }
  throw new Error('expected the order to be refused');
}

describe('parseOrder', () => {
  it('reads the sample order and derives line totals, goods value and the amount paid', () => {
    const order = parseOrder(sample);
    expect(order.ieFlag).toBe('I');
    expect(order.currency).toBe('142');
    expect(order.lines[1]!.goods.originCountry).toBe('116');
    expect(order.lines.map((l) => l.totalPrice.toFixed(2))).toEqual(['760.00', '239.70']);
    expect(order.goodsValue.toFixed(2)).toBe('999.70');
    // acturalPaid = goods + freight + tax - discount = 999.70 + 20 + 0 - 10
    expect(order.actualPaid.toFixed(2)).toBe('1009.70');
    expect(order.placedAt).toBe(Date.parse('2019-03-15T02:24:00Z'));
  });

  it('reports every problem at once, each with its path', () => {
    const bad = clone();
    bad['buyer'].idNumber = '440106199003071232';
    bad['lines'][0].goods.hsCode = '3304.99';
    bad['lines'][1].unitPrice = 79.9;
    bad['lines'][1].quantity = '0';
    bad['currency'] = 'XYZ';
    bad['lines'][0].goods.originCountry = 'Atlantis';
    const issues = issuesOf(bad);
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['buyer.idNumber', 'currency', 'lines.0.goods.hsCode', 'lines.0.goods.originCountry', 'lines.1.quantity', 'lines.1.unitPrice'].sort(),
    );
    expect(issues.find((i) => i.path === 'lines.1.unitPrice')?.reason).toMatch(/float/);
    expect(issues.find((i) => i.path === 'buyer.idNumber')?.reason).toMatch(/check character/);
  });

  it('requires a buyer on import orders and record numbers on bonded lines', () => {
    const bad = clone();
    delete bad['buyer'];
    bad['tradeMode'] = '1210';
    expect(issuesOf(bad).map((i) => i.path)).toEqual(['buyer', 'lines.0.goods.itemRecordNo', 'lines.1.goods.itemRecordNo']);
  });

  it('refuses a mode that does not fit the order type', () => {
    const bad = clone();
    bad['tradeMode'] = '9710';
    expect(issuesOf(bad)[0]).toMatchObject({ path: 'tradeMode', reason: expect.stringMatching(/9610, 1210, 1239, 0110/) });
  });

  it('refuses a time without a zone rather than guessing one', () => {
    const bad = clone();
    bad['placedAt'] = '2019-03-15 10:24';
    expect(issuesOf(bad)[0]?.path).toBe('placedAt');
  });

  it('refuses a non-object with one issue at the root', () => {
    expect(issuesOf('not an order')).toHaveLength(1);
  });

  it('describes the order with freight allocated to the fen', () => {
    const text = describeOrder(parseOrder(sample));
    expect(text).toContain('Order GZ20190315000123 (9610, type I, CNY)');
    expect(text).toMatch(/1 +3304990099 +Essence serum 50 ml +2 +380\.00 +760\.00 +15\.20 +0\.00 +775\.20/);
    expect(text).toMatch(/dutiable +1,019\.70/);
    expect(text).toContain('440106********1231');
  });
});
