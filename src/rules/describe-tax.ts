import type { Order } from '../domain/model.js';
import { formatCny } from '../money/money.js';
import { retailImportTax } from './retail-import-tax.js';
import type { TaxAssessment } from './types.js';

/** The retail-import tax question for an import order, on the day it was placed. */
export function orderTax(order: Order, buyerAnnualUsed = '0'): TaxAssessment {
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
