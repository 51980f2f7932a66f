import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOrder } from '../../src/domain/order.js';
import { describeTax, orderTax } from '../../src/rules/describe-tax.js';

const sample = JSON.parse(readFileSync(new URL('../../examples/orders/cosmetics-9610.json', import.meta.url), 'utf8'));

describe('the tax of an order', () => {
  it('taxes the sample 9610 order of 2019-03-15 at 11.2% within the 2019 limits (VAT still 16% until 2019-04-01, x 70%; no consumption tax below the high-end price)', () => {
    const tax = orderTax(parseOrder(sample));
    expect(tax.route).toBe('cbec');
    expect(tax.rules.id).toBe('RULES_2019');
    // dutiable 775.20 and 244.50 after freight allocation: 775.20 x 16% x 70% = 86.8224 -> 86.82; 244.50 x 11.2% = 27.384 -> 27.38
    expect(tax.lines.map((l) => l.vat.toFixed(2))).toEqual(['86.82', '27.38']);
    expect(tax.total.toFixed(2)).toBe('114.20');
    expect(describeTax(tax)).toContain('route cbec');
  });

  it('sends the same order to general trade when the buyer has used the annual quota', () => {
    const tax = orderTax(parseOrder(sample), '25500.00');
    expect(tax.route).toBe('general-trade');
    expect(describeTax(tax)).toMatch(/over the annual limit of 26,000.00 CNY/);
  });
});
