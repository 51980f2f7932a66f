import type { Order } from '../domain/model.js';
import { formatCny } from '../money/money.js';
import { retailImportTax } from './retail-import-tax.js';
import type { TaxAssessment } from './types.js';

/** The last assessment of each order's lines, with what else it was made from. */
interface LastAssessment {
  readonly order: Pick<Order, 'placedAt' | 'freight' | 'insurance'>;
  readonly used: string;
  readonly tax: TaxAssessment;
}
const lastAssessment = /* @__PURE__ */ new WeakMap<Order['lines'], LastAssessment>();

/**
 * The retail-import tax question for an import order, on the day it was placed. Asked again for
 * the same lines, freight, insurance, day and annual use (a platform withholding from its draft
 * of the order, then customs deciding on the order), it answers with the same (immutable)
 * assessment without working it out again.
 */
export function orderTax(order: Order, buyerAnnualUsed = '0'): TaxAssessment {
  const last = lastAssessment.get(order.lines);
  if (last !== undefined && last.used === buyerAnnualUsed && last.order.placedAt === order.placedAt && last.order.freight === order.freight && last.order.insurance === order.insurance) return last.tax;
  const tax = assess(order, buyerAnnualUsed);
  lastAssessment.set(order.lines, { order, used: buyerAnnualUsed, tax });
  return tax;
}

function assess(order: Order, buyerAnnualUsed: string): TaxAssessment {
  return retailImportTax({
    date: order.placedAt,
    lines: order.lines.map((l) => ({ hsCode: l.goods.hsCode, quantity: l.quantity, unitPrice: l.unitPrice })),
    freight: order.freight,
    insurance: order.insurance,
    buyerAnnualUsed,
    ...(order.lines[0] ? { fromCountry: order.lines[0].goods.originCountry } : {}),
  });
}

/** A plain-text account of a tax assessment: route, rule set, per-line and total taxes. */
export function describeTax(tax: TaxAssessment): string {
  const rows = tax.lines.map(
    (l, i) => `  line ${i + 1}: dutiable ${formatCny(l.dutiableValue)}, duty ${formatCny(l.customsDuty)}, consumption ${formatCny(l.consumptionTax)}, VAT ${formatCny(l.vat)}`,
  );
  return [
    `Retail import tax under ${tax.rules.id}: route ${tax.route}`,
    ...(tax.reason ? [`  ${tax.reason}`] : []),
    ...rows,
    `  total: duty ${formatCny(tax.customsDuty)} + consumption ${formatCny(tax.consumptionTax)} + VAT ${formatCny(tax.vat)} = ${formatCny(tax.total)} CNY`,
    '',
  ].join('\n');
}
