/**
 * The rates of goods at a price: the high-end test of their consumption-tax category and the
 * specific tax per unit, from a product's rates of the day.
 */
import type { Money } from '../money/money.js';
import type { PostalCategory, TaxRates } from './types.js';
import type { ProductRates } from './product-rates.js';
import type { HighEndTier, Measure, MeasureUnit, SpecificTax } from './tariff.js';
import { money, ZERO } from '../money/money.js';

/** The rates of one unit of goods at its price. */
export interface RatesAtPrice {
  /** Duty, VAT and ad valorem consumption tax (duty zero when no source gives one). */
  readonly rates: TaxRates;
  /** Specific consumption tax per unit of the goods, CNY, exact (zero when none). */
  readonly specificPerUnit: Money;
  readonly postalCategory?: PostalCategory;
  /** The goods met the high-end test of their category. */
  readonly highEnd: boolean;
}

/** Litres and kilograms per unit, and the family a unit belongs to (l, ml, kg and g are read alike). */
const SCALE: Readonly<Record<MeasureUnit, { readonly family: 'bulk' | 'count'; readonly factor: string }>> = {
  l: { family: 'bulk', factor: '1' },
  kg: { family: 'bulk', factor: '1' },
  ml: { family: 'bulk', factor: '0.001' },
  g: { family: 'bulk', factor: '0.001' },
  stick: { family: 'count', factor: '1' },
  piece: { family: 'count', factor: '1' },
};

/** What goods given no measure are: one piece each. */
const ONE_PIECE: Measure = { quantity: money(1), unit: 'piece' };

/** `measure` in multiples of `per` `unit`, or `undefined` when the units cannot be compared (litres and sticks). */
function inUnitsOf(measure: Measure, per: Money, unit: MeasureUnit): Money | undefined {
  const from = SCALE[measure.unit];
  const to = SCALE[unit];
  if (from.family !== to.family) return undefined;
  return measure.quantity.times(from.factor).dividedBy(per.times(to.factor));
}

/** The goods pass a test of the tier stated in a unit their measure can be compared with (the price per that quantity). */
function isHighEnd(tier: HighEndTier, unitPrice: Money, measure: Measure): boolean | string {
  let comparable = false;
  for (const test of tier.from) {
    const units = inUnitsOf(measure, test.per, test.unit);
    if (units === undefined || units.isZero()) continue;
    comparable = true;
    if (unitPrice.dividedBy(units).gte(test.price)) return true;
  }
  if (comparable) return false;
  const tests = tier.from.map((t) => `${t.price.toString()} CNY per ${t.per.toString()} ${t.unit}`).join(' or ');
  return `the high-end test is ${tests}: give the goods' measure (quantity per unit) in one of those units`;
}

function specificPerUnit(specific: SpecificTax | undefined, measure: Measure | undefined): Money | string {
  if (!specific) return ZERO;
  const what = `a specific consumption tax of ${specific.amount.toString()} CNY per ${specific.per.toString()} ${specific.unit}`;
  if (!measure) return `the goods carry ${what}: give their measure (quantity per unit, in ${specific.unit})`;
  const units = inUnitsOf(measure, specific.per, specific.unit);
  if (units === undefined) return `the goods carry ${what}, which a measure in ${measure.unit} cannot express: give it in ${specific.unit}`;
  return specific.amount.times(units);
}

/**
 * The rates of one unit of goods priced `unitPrice` CNY (with `measure`, its quantity per unit,
 * for specific taxes and per-quantity high-end tests), or why they cannot be known.
 *
 * @example
 * ```ts
 * const baijiu = productRates({ hsCode: '2208902000', rates: { duty: money('0.05') } }, '2024-01-01');
 * ratesAtPrice(baijiu, money('300'), { quantity: money('0.5'), unit: 'l' }); // specific 0.5 CNY per bottle
 * ```
 */
export function ratesAtPrice(product: ProductRates, unitPrice: Money, measure?: Measure): RatesAtPrice | string {
  const ct = product.consumption.value;
  const high = ct.highEnd ? isHighEnd(ct.highEnd, unitPrice, measure ?? ONE_PIECE) : false;
  if (typeof high === 'string') return high;
  const tier = high ? ct.highEnd : undefined;
  const specific = specificPerUnit(tier ? tier.specific : ct.specific, measure);
  if (typeof specific === 'string') return specific;
  const postalCategory = tier?.postalCategory ?? product.postalCategory?.value;
  return {
    rates: { duty: product.duty?.value ?? ZERO, vat: product.vat.value, consumption: tier?.consumption ?? ct.consumption },
    specificPerUnit: specific,
    ...(postalCategory === undefined ? {} : { postalCategory }),
    highEnd: high,
  };
}
