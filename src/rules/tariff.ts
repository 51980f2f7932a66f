/**
 * The tariff as data: the shape of a tariff row (MFN duty, VAT band, consumption tax ad valorem
 * and/or specific with a high-end tier, export rebate, postal-articles category, effective dates,
 * source), VAT bands by date, and the lookup of the row that covers an HS code on a day.
 *
 * Rows come from three places, in this order of precedence (see `productRates`): a product's own
 * `rates`, the user's tariff (`loadTariff`, a scenario's `tariff`), then the built-in rows
 * (`TARIFF`), which are few and illustrative. Every field of a row is optional but the prefix
 * and the source: a row speaks only for the fields it gives.
 */
import type { Money } from '../money/money.js';
import type { PostalCategory } from './types.js';
import { money } from '../money/money.js';
import { RuleError } from '../domain/errors.js';
import { TARIFF } from './tariff-built-in.js';
import type { MeasureUnit } from '../domain/measure.js';

export { MEASURE_UNITS } from '../domain/measure.js';
export type { Measure, MeasureUnit } from '../domain/measure.js';

/** The two import VAT bands: the standard rate, and the reduced rate (books, some farm goods). */
export type VatBand = 'standard' | 'reduced';

/**
 * Import VAT by band and date: standard 17% (since 1994) -> 16% from 2018-05-01 (财税〔2018〕32号)
 * -> 13% from 2019-04-01 (财政部 税务总局 海关总署公告2019年第39号); reduced 13% (since 1994) -> 11% from
 * 2017-07-01 (财税〔2017〕37号) -> 10% from 2018-05-01 -> 9% from 2019-04-01 [M]. Newest first.
 */
export const VAT_BANDS: Readonly<Record<VatBand, readonly { readonly from: string; readonly rate: Money }[]>> = /* @__PURE__ */ Object.freeze({
  standard: [
    { from: '2019-04-01', rate: money('0.13') },
    { from: '2018-05-01', rate: money('0.16') },
    { from: '1994-01-01', rate: money('0.17') },
  ],
  reduced: [
    { from: '2019-04-01', rate: money('0.09') },
    { from: '2018-05-01', rate: money('0.10') },
    { from: '2017-07-01', rate: money('0.11') },
    { from: '1994-01-01', rate: money('0.13') },
  ],
});

/**
 * The import VAT rate of a band on a Shanghai calendar day (`'YYYY-MM-DD'`).
 *
 * @example
 * ```ts
 * vatRateAt('standard', '2019-04-01').toString(); // '0.13'
 * vatRateAt('standard', '2016-05-01').toString(); // '0.17'
 * ```
 */
export function vatRateAt(band: VatBand, day: string): Money {
  const entry = VAT_BANDS[band].find((e) => e.from <= day);
  if (!entry) throw new RuleError([{ path: ['date'], value: day, reason: 'is before every VAT rate in the table; give the line its own rates.' }]);
  return entry.rate;
}

/** A specific consumption tax: `amount` CNY per `per` of `unit` (spirits: 0.5 CNY per 0.5 l). */
export interface SpecificTax {
  readonly amount: Money;
  readonly per: Money;
  readonly unit: MeasureUnit;
}

/** A price test: `price` CNY or more per `per` of `unit` (cosmetics: 10 CNY per 1 ml). */
export interface PriceTest {
  readonly price: Money;
  readonly per: Money;
  readonly unit: MeasureUnit;
}

/**
 * A higher consumption tax for goods at or above a price. Goods are high-end when they pass any
 * test stated in a unit their measure can be compared with (cosmetics: 10 CNY per ml or g, or
 * 15 CNY per piece; watches: 10,000 CNY per piece).
 */
export interface HighEndTier {
  readonly from: readonly PriceTest[];
  /** Ad valorem consumption-tax rate of high-end goods. */
  readonly consumption: Money;
  /** Specific consumption tax of high-end goods, when the category has one. */
  readonly specific?: SpecificTax;
  /** Postal-articles category of high-end goods (watches move to category 3). */
  readonly postalCategory?: PostalCategory;
}

/** One row of a tariff: the rates of goods whose HS code starts with `prefix`, on the days it is in force. */
export interface TariffRow {
  /** HS code digits this row covers (`'3304'`, `'33049900'`, `'61'`), 2 to 10 digits. */
  readonly prefix: string;
  readonly description: string;
  /** MFN customs duty rate (最惠国税率). */
  readonly duty?: Money;
  /** Which VAT band applies; the rate follows from the date ({@link vatRateAt}). */
  readonly vatBand?: VatBand;
  /** Ad valorem consumption-tax rate (below any high-end tier); a row that gives it speaks for the whole consumption tax. */
  readonly consumption?: Money;
  /** Specific consumption tax, per quantity (spirits, beer, cigarettes, refined oil). */
  readonly specific?: SpecificTax;
  readonly highEnd?: HighEndTier;
  /** Export VAT rebate rate (出口退税率). */
  readonly exportRebate?: Money;
  /** Postal-articles tax category (before 2016-04-08). */
  readonly postalCategory?: PostalCategory;
  /** First day in force, `'YYYY-MM-DD'`; always, when absent. */
  readonly from?: string;
  /** First day no longer in force, `'YYYY-MM-DD'`; never ends, when absent. */
  readonly until?: string;
  /** Where the rates come from (a tariff text, an announcement), or "illustrative". */
  readonly source: string;
  /** Where the row was read from, e.g. `'tariff.csv row 4'`; absent for built-in rows. */
  readonly origin?: string;
}

/** True when `row` is in force on `day` (`'YYYY-MM-DD'`). */
export function rowInForce(row: Pick<TariffRow, 'from' | 'until'>, day: string): boolean {
  return (row.from === undefined || row.from <= day) && (row.until === undefined || day < row.until);
}

/**
 * The row of `rows` that covers an HS code on `day`: in force that day, with the longest prefix
 * of the code (the first such row when two are equally long); `undefined` when none does. Without
 * a day, the rows still in force (no `until`) are searched.
 *
 * @example
 * ```ts
 * tariffRow('3304990000', '2019-06-01')?.prefix; // '3304'
 * tariffRow('3304990000', '2015-06-01')?.prefix; // '33049900' (skin care, before 2016-10-01)
 * ```
 */
export function tariffRow(hsCode: string, day?: string, rows: readonly TariffRow[] = TARIFF): TariffRow | undefined {
  let best: TariffRow | undefined;
  for (const row of rows) {
    const inForce = day === undefined ? row.until === undefined : rowInForce(row, day);
    if (inForce && hsCode.startsWith(row.prefix) && (best === undefined || row.prefix.length > best.prefix.length)) best = row;
  }
  return best;
}

/** Every row of `rows` whose prefix the HS code starts with, longest prefix first, in force on `day` or not. */
export function tariffRowsFor(hsCode: string, rows: readonly TariffRow[] = TARIFF): TariffRow[] {
  return rows.filter((row) => hsCode.startsWith(row.prefix)).sort((a, b) => b.prefix.length - a.prefix.length);
}
