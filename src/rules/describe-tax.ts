import type { Order } from '../domain/model.js';
import { formatCny } from '../money/money.js';
import { percent } from './describe-rates.js';
import { retailImportTax } from './retail-import-tax.js';
import type { RuleSet, TaxAssessment } from './types.js';
import type { Measure } from '../domain/measure.js';
import type { OwnRates } from './product-rates.js';
import type { TariffRow } from './tariff.js';

/** The last assessment of each order's lines, with what else it was made from. */
interface LastAssessment {
  readonly order: Pick<Order, 'placedAt' | 'freight' | 'insurance'>;
  readonly used: string;
  readonly catalogue: TaxCatalogue | undefined;
  readonly rules: RuleSet | undefined;
  readonly tax: TaxAssessment;
}

/** Where an order's goods get their rates beyond the built-in rows: the user's tariff, and products' own rates and measures by item number. */
export interface TaxCatalogue {
  readonly tariff: readonly TariffRow[];
  readonly products: ReadonlyMap<string, { readonly rates?: OwnRates; readonly measure?: Measure }>;
}
const lastAssessment = /* @__PURE__ */ new WeakMap<Order['lines'], LastAssessment>();

/**
 * The retail-import tax question for an import order, on the day it was placed. Asked again for
 * the same lines, freight, insurance, day and annual use (a platform withholding from its draft
 * of the order, then customs deciding on the order), it answers with the same (immutable)
 * assessment without working it out again. `rules` fixes the rule set (a scenario's `rules`);
 * by default the one in force on that day.
 */
export function orderTax(order: Order, buyerAnnualUsed = '0', catalogue?: TaxCatalogue, rules?: RuleSet): TaxAssessment {
  const last = lastAssessment.get(order.lines);
  const same = last !== undefined && last.used === buyerAnnualUsed && last.catalogue === catalogue && last.rules === rules;
  if (same && last.order.placedAt === order.placedAt && last.order.freight === order.freight && last.order.insurance === order.insurance) return last.tax;
  const tax = assess(order, buyerAnnualUsed, catalogue, rules);
  lastAssessment.set(order.lines, { order, used: buyerAnnualUsed, catalogue, rules, tax });
  return tax;
}

function assess(order: Order, buyerAnnualUsed: string, catalogue: TaxCatalogue | undefined, rules: RuleSet | undefined): TaxAssessment {
  return retailImportTax({
    date: order.placedAt,
    ...(rules ? { rules } : {}),
    ...(catalogue ? { tariff: catalogue.tariff } : {}),
    lines: order.lines.map((l) => {
      const product = catalogue?.products.get(l.goods.itemNo);
      const measure = l.goods.measure ?? product?.measure;
      return { hsCode: l.goods.hsCode, quantity: l.quantity, unitPrice: l.unitPrice, ...(measure ? { measure } : {}), ...(product?.rates ? { rates: product.rates } : {}) };
    }),
    freight: order.freight,
    insurance: order.insurance,
    buyerAnnualUsed,
    ...(order.lines[0] ? { fromCountry: order.lines[0].goods.originCountry } : {}),
  });
}

/** A plain-text account of a tax assessment: route, rule set, per-line taxes and the rates each line was taxed at, with where each rate came from. */
export function describeTax(tax: TaxAssessment): string {
  const rows = tax.lines.flatMap((l, i) => {
    const used = tax.lineRates[i];
    const specific = used && !used.specificConsumption.isZero() ? ` + ${formatCny(used.specificConsumption)} CNY specific` : '';
    return [
      `  line ${i + 1}: dutiable ${formatCny(l.dutiableValue)}, duty ${formatCny(l.customsDuty)}, consumption ${formatCny(l.consumptionTax)}, VAT ${formatCny(l.vat)}`,
      ...(used
        ? [
            `    duty ${percent(used.rates.duty)}: rate from ${used.from.duty}`,
            `    VAT ${percent(used.rates.vat)}: rate from ${used.from.vat}`,
            `    consumption tax ${percent(used.rates.consumption)}${specific}${used.highEnd ? ' (high-end)' : ''}: rate from ${used.from.consumption}`,
          ]
        : []),
    ];
  });
  return [
    `Retail import tax under ${tax.rules.id}: route ${tax.route}`,
    ...(tax.reason ? [`  ${tax.reason}`] : []),
    ...rows,
    `  total: duty ${formatCny(tax.customsDuty)} + consumption ${formatCny(tax.consumptionTax)} + VAT ${formatCny(tax.vat)} = ${formatCny(tax.total)} CNY`,
    '',
  ].join('\n');
}
