/**
 * Retail import tax (跨境电商零售进口税收政策) of one order: which route it takes under the rule set in
 * force, and the duty, VAT and consumption tax per line and in total (docs/domain.md §4.1).
 */
import type { Money } from '../money/money.js';
import type { LineTax, RuleSet, TaxAssessment, TaxInput, TaxLimit, TaxRoute } from './types.js';
import { CbecError } from '../domain/errors.js';
import { formatCny, sum } from '../money/money.js';
import { fullTax, noTax, postalTax, withinLimitsTax } from './line-tax.js';
import { readTaxInput, type TaxOrder } from './tax-input.js';

/**
 * Taxes a retail import order under the rule set in force on `input.date` (or `input.rules`).
 *
 * A line's goods value is quantity x unit price, rounded half-up to the fen; HS codes may have 4,
 * 6, 8 or 10 digits and are looked up by longest prefix in the tariff table (`TARIFF`).
 * The dutiable value is goods + freight + insurance; freight and insurance are spread over the
 * lines in proportion to line value, in whole fen (largest remainder). Each tax is computed per
 * line and rounded half-up to the fen; the totals are sums of the rounded line amounts.
 *
 * CBEC regime (2016 and 2019 rules): the single-transaction limit applies to the order's dutiable
 * value, the annual limit to `buyerAnnualUsed` + that value.
 * - `cbec`, within both limits: duty 0; consumption tax = dutiable / (1 - c) x c x 70%;
 *   VAT = dutiable / (1 - c) x v x 70%.
 * - `cbec-full`, one indivisible item (one line of quantity 1) above the single limit, within the
 *   annual limit, where the rule set allows it (2019): duty, consumption tax and VAT in full, VAT
 *   base = dutiable + duty + consumption tax.
 * - `general-trade` otherwise, with a `reason` and no CBEC tax (the goods must be declared as
 *   ordinary trade, taxed outside this channel).
 *
 * Postal regime (before 2016-04-08) [M]: tax = dutiable x the postal rate of the line's category
 * (from the tariff table row, raised for high-end goods; line `rates` are not used), reported as
 * `customsDuty`; waived when the parcel's tax is at most 50 CNY. A parcel above 1,000 CNY (800 CNY
 * from Hong Kong, Macao or Taiwan) goes `general-trade` unless it is one indivisible item.
 *
 * Line `rates` override the tariff table. The amount that counts toward the buyer's annual quota is
 * `dutiableValue` when the route is `cbec` or `cbec-full`.
 *
 * @throws {@link RuleError} naming every bad field: a negative price (`lines[0].unitPrice`), a zero
 * quantity, an HS code the table lacks (`lines[2].hsCode`), a rate outside [0, 1), an impossible date
 * @example
 * ```ts
 * const tax = retailImportTax({
 *   date: '2019-06-01',
 *   lines: [{ hsCode: '3304990000', quantity: 1, unitPrice: '1000.00', rates: { duty: '0', vat: '0.13', consumption: '0.15' } }],
 *   freight: '20.00',
 * });
 * tax.route; // 'cbec'
 * [tax.consumptionTax, tax.vat, tax.total].map((m) => m.toFixed(2)); // ['126.00', '109.20', '235.20']
 * ```
 */
export function retailImportTax(input: TaxInput): TaxAssessment {
  const order = readTaxInput(input);
  const choice = order.rules.regime === 'postal' ? postalRoute(order) : cbecRoute(order);
  const { route } = choice;
  const lines = order.lines.map((line): LineTax => {
    switch (route) {
      case 'cbec':
        return withinLimitsTax(line.dutiableValue, line.rates, order.rules.withinLimitShare, line.specific);
      case 'cbec-full':
        return fullTax(line.dutiableValue, line.rates, line.specific);
      case 'postal':
        return postalTax(line.dutiableValue, postalRate(order.rules, line.postalCategory));
      case 'general-trade':
        return noTax(line.dutiableValue);
    }
  });
  if (route === 'postal') {
    const waiver = waivedPostal(order, lines);
    if (waiver) return assessment(order, { route, reason: waiver.reason }, waiver.lines);
  }
  return assessment(order, choice, lines);
}

interface RouteChoice {
  readonly route: TaxRoute;
  readonly reason?: string;
  readonly overLimit?: TaxLimit;
}

const yuan = (amount: Money): string => `${formatCny(amount)} CNY`;

function isSingleItem(order: TaxOrder): boolean {
  return order.lines.length === 1 && order.lines[0]?.quantity.eq(1) === true;
}

function cbecRoute(order: TaxOrder): RouteChoice {
  const { rules, dutiableValue } = order;
  const yearTotal = order.buyerAnnualUsed.plus(dutiableValue);
  if (yearTotal.gt(rules.annualLimit)) {
    return {
      route: 'general-trade',
      overLimit: 'annual',
      reason: `${rules.id}: the buyer's ${yuan(order.buyerAnnualUsed)} used this year plus this order's ${yuan(dutiableValue)} makes ${yuan(yearTotal)}, over the annual limit of ${yuan(rules.annualLimit)}; the order is general trade, taxed in full.`,
    };
  }
  if (dutiableValue.lte(rules.singleLimit)) return { route: 'cbec' };
  const over = `${rules.id}: the dutiable value ${yuan(dutiableValue)} is over the single-transaction limit of ${yuan(rules.singleLimit)}`;
  if (!isSingleItem(order)) return { route: 'general-trade', overLimit: 'single', reason: `${over} and the order is not one indivisible item; it is general trade (split the order to stay within the limit).` };
  if (rules.singleItemOverLimitAllowed) {
    return { route: 'cbec-full', overLimit: 'single', reason: `${over}; as one indivisible item within the annual limit it stays CBEC with duty, VAT and consumption tax in full, counted toward the annual total.` };
  }
  return { route: 'general-trade', overLimit: 'single', reason: `${over}; this rule set taxes even a single indivisible item above it as general trade.` };
}

function postalRoute(order: TaxOrder): RouteChoice {
  const { rules, dutiableValue } = order;
  const limit = order.fromHmt ? (rules.postal?.hmtSingleLimit ?? rules.singleLimit) : rules.singleLimit;
  if (dutiableValue.lte(limit) || (isSingleItem(order) && rules.singleItemOverLimitAllowed)) return { route: 'postal' };
  const from = order.fromHmt ? ' for parcels from Hong Kong, Macao or Taiwan' : '';
  return {
    route: 'general-trade',
    overLimit: 'parcel',
    reason: `${rules.id}: the parcel's value ${yuan(dutiableValue)} is over the postal-articles limit of ${yuan(limit)}${from} and is not one indivisible item; it must be declared as goods (general trade).`,
  };
}

function postalRate(rules: RuleSet, category: TaxOrder['lines'][number]['postalCategory']): Money {
  const rate = category === undefined ? undefined : rules.postal?.rates[category];
  // readTaxInput refuses postal lines without a table row and postal rule sets without terms.
  if (rate === undefined) throw new CbecError('INTERNAL', `No postal rate for category ${String(category)} in ${rules.id}; please report this.`);
  return rate;
}

function waivedPostal(order: TaxOrder, lines: readonly LineTax[]): { lines: LineTax[]; reason: string } | undefined {
  const tax = sum(lines.map((l) => l.customsDuty));
  const threshold = order.rules.postal?.waiverThreshold;
  if (threshold === undefined || tax.gt(threshold) || tax.isZero()) return undefined;
  return {
    lines: lines.map((l) => noTax(l.dutiableValue)),
    reason: `${order.rules.id}: the postal-articles tax of ${yuan(tax)} is at most ${yuan(threshold)}, so it is waived.`,
  };
}

function assessment(order: TaxOrder, { route, reason, overLimit }: RouteChoice, lines: readonly LineTax[]): TaxAssessment {
  const customsDuty = sum(lines.map((l) => l.customsDuty));
  const vat = sum(lines.map((l) => l.vat));
  const consumptionTax = sum(lines.map((l) => l.consumptionTax));
  return {
    route,
    dutiableValue: order.dutiableValue,
    customsDuty,
    vat,
    consumptionTax,
    total: customsDuty.plus(vat).plus(consumptionTax),
    lines,
    ...(reason === undefined ? {} : { reason }),
    ...(overLimit === undefined ? {} : { overLimit }),
    rules: order.rules,
    lineRates: order.lines.map((l) => l.info),
  };
}
