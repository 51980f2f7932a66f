import type { Order } from '../domain/model.js';
import { sum, type Money, type MoneyInput } from '../money/money.js';
import { retailImportTax } from '../rules/retail-import-tax.js';
import type { LineTax, TaxAssessment } from '../rules/types.js';
import type { Violation } from './violation.js';

/** An import order and the tax assessed on it. */
export interface TaxedOrder {
  readonly order: Order;
  readonly tax: TaxAssessment;
  /** What the buyer had used of the annual quota before this order (default 0). */
  readonly buyerAnnualUsed?: MoneyInput;
}

const AMOUNTS = ['dutiableValue', 'customsDuty', 'vat', 'consumptionTax'] as const satisfies readonly (keyof LineTax)[];

/**
 * Taxes are exact to the fen and equal to the rules' answer: every amount of each assessment has
 * at most two decimals, the totals are the sums of the lines and `total` is duty + VAT +
 * consumption tax, and the route and every amount equal what `retailImportTax` answers for the
 * order under the assessment's rule set.
 *
 * @returns the violations, one per wrong amount, empty when every assessment is exact
 * @example
 * ```ts
 * taxesExact(docs.filter((d) => d.tax).map((d) => ({ order: d.order, tax: d.tax! }))); // []
 * ```
 */
export function taxesExact(taxed: Iterable<TaxedOrder>): Violation[] {
  const found: Violation[] = [];
  for (const { order, tax, buyerAnnualUsed } of taxed) {
    const wrong = (message: string) => found.push({ invariant: 'taxes-exact', subject: order.orderNo, message: `order ${order.orderNo}: ${message}` });
    const amounts: [string, Money][] = [
      ...AMOUNTS.map((k): [string, Money] => [k, tax[k]]),
      ['total', tax.total],
      ...tax.lines.flatMap((line, i) => AMOUNTS.map((k): [string, Money] => [`lines[${i}].${k}`, line[k]])),
    ];
    for (const [name, value] of amounts) if (value.decimalPlaces() > 2) wrong(`${name} ${value.toString()} is not whole fen.`);
    for (const k of AMOUNTS) {
      const lines = sum(tax.lines.map((l) => l[k]));
      if (!lines.eq(tax[k])) wrong(`${k} ${tax[k].toFixed(2)} is not the sum of its lines (${lines.toFixed(2)}).`);
    }
    const parts = tax.customsDuty.plus(tax.vat).plus(tax.consumptionTax);
    if (!parts.eq(tax.total)) wrong(`total ${tax.total.toFixed(2)} is not duty + VAT + consumption tax (${parts.toFixed(2)}).`);
    const rules = retailImportTax({
      date: order.placedAt,
      rules: tax.rules,
      lines: order.lines.map((l) => ({ hsCode: l.goods.hsCode, quantity: l.quantity, unitPrice: l.unitPrice })),
      freight: order.freight,
      insurance: order.insurance,
      ...(buyerAnnualUsed !== undefined && { buyerAnnualUsed }),
      ...(order.lines[0] && { fromCountry: order.lines[0].goods.originCountry }),
    });
    if (rules.route !== tax.route) wrong(`route is ${tax.route}, the rules say ${rules.route}.`);
    for (const k of [...AMOUNTS, 'total'] as const) {
      if (!rules[k].eq(tax[k])) wrong(`${k} is ${tax[k].toFixed(2)} CNY, the rules (${tax.rules.id}) say ${rules[k].toFixed(2)} CNY.`);
    }
  }
  return found;
}
