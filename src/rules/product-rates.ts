/**
 * Which rates apply to a product on a day, and where each comes from: the seam between the rate
 * sources (a product's own rates, the user's tariff, the built-in rows) and everything that taxes
 * goods (the tax rules, the simulator's hot path, `cbec-sim tariff check`).
 *
 * Precedence, field by field: the product's own `rates`, then the user's tariff, then the built-in
 * rows. In a tariff, the row in force on the day with the longest prefix of the HS code speaks,
 * for the fields it gives. Two statutory defaults close the gaps: VAT at the standard band (the
 * reduced band applies only to goods a source puts in it), and no consumption tax (the built-in
 * rows cover every category of the consumption-tax table). Duty, export rebate and postal
 * category have no default: a product no source gives them for is not covered.
 */
import type { Money } from '../money/money.js';
import type { PostalCategory } from './types.js';
import { ZERO } from '../money/money.js';
import { TARIFF } from './tariff-built-in.js';
import { tariffRow, vatRateAt, type HighEndTier, type SpecificTax, type TariffRow, type VatBand } from './tariff.js';

/**
 * A product's own rates (a catalogue's `rates`, a tax line's `rates`): any field of a tariff row,
 * each overriding the tariffs, and `vat` as a rate instead of a band. Giving `consumption` (or
 * `specific`) replaces the tariff's whole consumption tax.
 */
export interface OwnRates extends Pick<TariffRow, 'duty' | 'vatBand' | 'consumption' | 'specific' | 'highEnd' | 'exportRebate' | 'postalCategory'> {
  readonly vat?: Money;
}

/** Where a rate comes from. */
export interface RateOrigin {
  /** `product`: its own rates; `tariff`: the user's tariff; `built-in`: the built-in rows; `statute`: a statutory default. */
  readonly kind: 'product' | 'tariff' | 'built-in' | 'statute';
  /** What a person reads after "rate from": the row and its source, e.g. `built-in row 3304 (illustrative: ...)`. */
  readonly label: string;
  /** The tariff row, for `tariff` and `built-in`. */
  readonly row?: TariffRow;
}

/** A value with its origin. */
export interface Sourced<T> {
  readonly value: T;
  readonly from: RateOrigin;
}

/** The consumption tax of goods: ad valorem, specific, and the high-end tier that may replace both. */
export interface ConsumptionRates {
  readonly consumption: Money;
  readonly specific?: SpecificTax;
  readonly highEnd?: HighEndTier;
}

/**
 * The rates of a product on a day, each with its origin. Pure and cacheable by (product, day,
 * rate book): call it once per product and day. Rates are exact decimals (fractions: 0.13 is 13%).
 */
export interface ProductRates {
  readonly hsCode: string;
  readonly day: string;
  /** MFN duty; absent when no source gives one (the product is then not covered for import). */
  readonly duty?: Sourced<Money>;
  /** Import VAT rate of the day. */
  readonly vat: Sourced<Money>;
  readonly consumption: Sourced<ConsumptionRates>;
  /** Export rebate rate; absent when no source gives one (not covered for export). */
  readonly exportRebate?: Sourced<Money>;
  /** Postal-articles category; absent when no source gives one (not covered under the postal regime). */
  readonly postalCategory?: Sourced<PostalCategory>;
}

/** The tariffs a run or a tax question consults after a product's own rates. */
export interface RateBook {
  /** The user's tariff rows (a tariff file, a scenario's `tariff`). */
  readonly tariff: readonly TariffRow[];
  /** The built-in rows; {@link TARIFF} unless replaced. */
  readonly builtIn: readonly TariffRow[];
}

/** The rate book of the built-in rows alone. */
export const BUILT_IN_RATES: RateBook = /* @__PURE__ */ (() =>
  Object.freeze({ tariff: [], builtIn: TARIFF }))();

const PRODUCT: RateOrigin = /* @__PURE__ */ (() =>
  Object.freeze({ kind: 'product', label: 'product rates' }))();

function rowOrigin(kind: 'tariff' | 'built-in', row: TariffRow): RateOrigin {
  const label = kind === 'tariff' ? `${row.origin ?? 'the tariff'}, prefix ${row.prefix} (${row.source})` : `built-in row ${row.prefix} (${row.source})`;
  return { kind, label, row };
}

/**
 * The rates of a product (`hsCode`, and its own `rates` if any) on `day` (`'YYYY-MM-DD'`), field
 * by field from the first source that gives the field.
 *
 * @example
 * ```ts
 * const rates = productRates({ hsCode: '3304990000' }, '2019-06-01');
 * rates.duty?.value.toString(); // '0.05'
 * rates.duty?.from.label; // 'built-in row 3304 (消费税暂行条例 税目税率表, 高档化妆品 ...; illustrative: ...)'
 * rates.vat.value.toString(); // '0.13'
 * ```
 */
export function productRates(product: { readonly hsCode: string; readonly rates?: OwnRates }, day: string, book: RateBook = BUILT_IN_RATES): ProductRates {
  const own = product.rates ?? {};
  const rows: readonly [RateOrigin['kind'], TariffRow | undefined][] = [
    ['tariff', tariffRow(product.hsCode, day, book.tariff)],
    ['built-in', tariffRow(product.hsCode, day, book.builtIn)],
  ];
  /** The first row that gives `field`, with its origin. */
  const fromRows = <K extends keyof TariffRow>(field: K): Sourced<NonNullable<TariffRow[K]>> | undefined => {
    for (const [kind, row] of rows) {
      const value = row?.[field];
      if (row && value !== undefined) return { value: value as NonNullable<TariffRow[K]>, from: rowOrigin(kind as 'tariff' | 'built-in', row) };
    }
    return undefined;
  };
  const pick = <T>(ownValue: T | undefined, fallback: () => Sourced<T> | undefined): Sourced<T> | undefined => (ownValue === undefined ? fallback() : { value: ownValue, from: PRODUCT });

  const duty = pick(own.duty, () => fromRows('duty'));
  const exportRebate = pick(own.exportRebate, () => fromRows('exportRebate'));
  const postalCategory = pick(own.postalCategory, () => fromRows('postalCategory'));
  return {
    hsCode: product.hsCode,
    day,
    ...(duty ? { duty } : {}),
    vat: vatOf(own, day, fromRows('vatBand')),
    consumption: consumptionOf(own, fromRows('consumption')),
    ...(exportRebate ? { exportRebate } : {}),
    ...(postalCategory ? { postalCategory } : {}),
  };
}

function vatOf(own: OwnRates, day: string, band: Sourced<VatBand> | undefined): Sourced<Money> {
  if (own.vat !== undefined) return { value: own.vat, from: PRODUCT };
  if (own.vatBand !== undefined) return { value: vatRateAt(own.vatBand, day), from: { kind: 'product', label: `product rates (${own.vatBand} VAT band of ${day})` } };
  if (band) return { value: vatRateAt(band.value, day), from: { ...band.from, label: `the ${band.value} VAT band of ${day}, as ${band.from.label} says` } };
  return { value: vatRateAt('standard', day), from: { kind: 'statute', label: `the standard VAT band of ${day} (no source puts the goods in the reduced band)` } };
}

function consumptionOf(own: OwnRates, fromRow: Sourced<Money> | undefined): Sourced<ConsumptionRates> {
  if (own.consumption !== undefined || own.specific !== undefined) {
    return { value: { consumption: own.consumption ?? ZERO, ...(own.specific ? { specific: own.specific } : {}), ...(own.highEnd ? { highEnd: own.highEnd } : {}) }, from: PRODUCT };
  }
  if (!fromRow) return { value: { consumption: ZERO }, from: { kind: 'statute', label: 'the consumption-tax table: no category covers the code' } };
  const row = fromRow.from.row;
  return { value: { consumption: fromRow.value, ...(row?.specific ? { specific: row.specific } : {}), ...(row?.highEnd ? { highEnd: row.highEnd } : {}) }, from: fromRow.from };
}

/** The rate fields a direction of trade needs: duty for import (and a postal category under the postal regime), the rebate for export. */
export type NeededRate = 'duty' | 'exportRebate' | 'postalCategory';

/** The fields of `needed` that `rates` lacks: the product is not covered for them. */
export function missingRates(rates: ProductRates, needed: readonly NeededRate[]): NeededRate[] {
  return needed.filter((field) => rates[field] === undefined);
}
