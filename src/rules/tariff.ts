/**
 * A small, illustrative tariff table of the goods CBEC orders commonly carry: MFN duty, VAT band,
 * consumption tax, export rebate rate and postal-articles tax category per HS heading or
 * subheading. Goods are found by the longest matching prefix of their HS code.
 *
 * The duty and rebate rates are **illustrative**: plausible values for a simulation, not a copy of
 * the Customs Tariff of any year. Consumption-tax and VAT rates cite their rule. For real goods,
 * pass `rates` on the line; they override this table.
 */
import type { Money } from '../money/money.js';
import type { PostalCategory, TaxRates } from './types.js';
import { money } from '../money/money.js';
import { RuleError } from '../domain/errors.js';

/** The two import VAT bands: the standard rate, and the reduced rate (books, some farm goods). */
export type VatBand = 'standard' | 'reduced';

/**
 * Import VAT by band and date [M, docs/domain.md §4.1]: standard 17% (since 1994) -> 16% from 2018-05-01 (财税〔2018〕32号)
 * -> 13% from 2019-04-01 (财政部 税务总局 海关总署公告2019年第39号); reduced 13% (since 1994) -> 11% from 2017-07-01
 * (财税〔2017〕37号) -> 10% from 2018-05-01 -> 9% from 2019-04-01. Newest first.
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

/** A higher consumption tax (and postal category) for goods priced at or above a threshold per unit. */
export interface HighEndTier {
  /** Unit price (CNY) from which the goods count as high-end. */
  readonly fromUnitPrice: Money;
  readonly consumption: Money;
  readonly postalCategory: PostalCategory;
  /** The rule that sets the threshold and rate. */
  readonly source: string;
}

/** One row of the tariff table. */
export interface TariffRow {
  /** HS heading or subheading digits this row covers (`'3304'`, `'33049900'`, `'61'`). */
  readonly prefix: string;
  readonly description: string;
  /** MFN customs duty rate. */
  readonly duty: Money;
  /** Which VAT band applies; the rate follows from the date ({@link vatRateAt}). */
  readonly vatBand: VatBand;
  /** Consumption-tax rate below any high-end threshold. */
  readonly consumption: Money;
  readonly highEnd?: HighEndTier;
  /** A different consumption-tax rate that applied before a day (`'YYYY-MM-DD'`, exclusive). */
  readonly consumptionBefore?: { readonly until: string; readonly consumption: Money; readonly source: string };
  /** Export VAT rebate rate (出口退税率). */
  readonly exportRebate: Money;
  /** Postal-articles tax category (before 2016-04-08) [M]. */
  readonly postalCategory: PostalCategory;
  /** Where the rates come from, or "illustrative". */
  readonly source: string;
}

const ILLUSTRATIVE = 'illustrative: duty and rebate rates are plausible values, not taken from a tariff text';
const WATCH_CT: HighEndTier = {
  fromUnitPrice: money('10000'),
  consumption: money('0.20'),
  postalCategory: 3,
  source: '高档手表 consumption tax 20% from 10,000 CNY per watch (财税〔2006〕33号); postal category 3 (30%) [M]',
};

type RowSpec = {
  duty: string;
  vat?: VatBand;
  ct?: string;
  rebate: string;
  postal: PostalCategory;
  source?: string;
  highEnd?: HighEndTier;
  consumptionBefore?: TariffRow['consumptionBefore'];
};

function row(prefix: string, description: string, spec: RowSpec): TariffRow {
  return Object.freeze({
    prefix,
    description,
    duty: money(spec.duty),
    vatBand: spec.vat ?? 'standard',
    consumption: money(spec.ct ?? '0'),
    ...(spec.highEnd ? { highEnd: spec.highEnd } : {}),
    ...(spec.consumptionBefore ? { consumptionBefore: spec.consumptionBefore } : {}),
    exportRebate: money(spec.rebate),
    postalCategory: spec.postal,
    source: spec.source ?? ILLUSTRATIVE,
  });
}

/** The tariff table. Each row's `source` says what its rates rest on. */
export const TARIFF: readonly TariffRow[] = /* @__PURE__ */ Object.freeze([
  row('1901', 'Infant formula (婴幼儿配方奶粉) and other food preparations of heading 1901', { duty: '0.15', rebate: '0.13', postal: 1 }),
  row('2106', 'Health supplements (保健食品) and other food preparations', { duty: '0.12', rebate: '0.13', postal: 1 }),
  row('2204', 'Wine of fresh grapes', {
    duty: '0.14',
    ct: '0.10',
    rebate: '0.13',
    postal: 4,
    source: `consumption tax 10% on 其他酒 (消费税暂行条例 税目税率表) [M]; ${ILLUSTRATIVE}`,
  }),
  row('3304', 'Beauty and make-up cosmetics (美容修饰类化妆品), taken as high-end', {
    duty: '0.05',
    ct: '0.15',
    rebate: '0.09',
    postal: 4,
    source: `consumption tax 15% on 高档化妆品 from 2016-10-01 (财税〔2016〕103号), 30% on all cosmetics before; the table assumes the high-end price test (10 CNY per ml or g, 15 CNY per piece) is met: pass rates for ordinary goods; ${ILLUSTRATIVE}`,
    consumptionBefore: { until: '2016-10-01', consumption: money('0.30'), source: '化妆品 consumption tax 30% until 财税〔2016〕103号 (2016-10-01) [M]' },
  }),
  row('33049900', 'Skin care (护肤品), taken as ordinary (below the high-end price test)', { duty: '0.02', rebate: '0.09', postal: 4 }),
  row('4202', 'Handbags, wallets and similar containers', { duty: '0.06', rebate: '0.13', postal: 2 }),
  row('4901', 'Printed books', { duty: '0', vat: 'reduced', rebate: '0.09', postal: 1, source: `reduced VAT band for books [M]; ${ILLUSTRATIVE}` }),
  row('61', 'Clothing, knitted or crocheted', { duty: '0.07', rebate: '0.13', postal: 2 }),
  row('62', 'Clothing, not knitted', { duty: '0.07', rebate: '0.13', postal: 2 }),
  row('8471', 'Computers and units thereof', { duty: '0', rebate: '0.13', postal: 1 }),
  row('8517', 'Mobile phones and other telephone sets', { duty: '0', rebate: '0.13', postal: 1 }),
  row('8518', 'Headphones, earphones and loudspeakers', { duty: '0.08', rebate: '0.13', postal: 2 }),
  row('9101', 'Wrist-watches with a case of precious metal', { duty: '0.08', rebate: '0.13', postal: 2, highEnd: WATCH_CT, source: `${WATCH_CT.source}; ${ILLUSTRATIVE}` }),
  row('9102', 'Other wrist-watches', { duty: '0.08', rebate: '0.13', postal: 2, highEnd: WATCH_CT, source: `${WATCH_CT.source}; ${ILLUSTRATIVE}` }),
  row('9503', 'Toys', { duty: '0', rebate: '0.13', postal: 1 }),
]);

const LONGEST_FIRST = /* @__PURE__ */ [...TARIFF].sort((a, b) => b.prefix.length - a.prefix.length);

/**
 * The tariff row for an HS code: the row with the longest prefix of the code, or `undefined`
 * when no row covers it (callers must refuse the goods, never tax them at zero).
 *
 * @example
 * ```ts
 * tariffRow('3304990000')?.description; // 'Skin care (护肤品), ...'
 * tariffRow('3304100000')?.consumption.toString(); // '0.15'
 * ```
 */
export function tariffRow(hsCode: string): TariffRow | undefined {
  return LONGEST_FIRST.find((r) => hsCode.startsWith(r.prefix));
}

/**
 * The import tax rates and postal category of goods of `row` sold at `unitPrice` on `day`
 * (`'YYYY-MM-DD'`): the VAT rate of the day, the high-end tier from its unit-price threshold, and
 * an earlier consumption-tax rate before the day it changed.
 *
 * @example
 * ```ts
 * const watch = tariffRow('9102110000')!;
 * goodsRates(watch, money('12000'), '2019-06-01').rates.consumption.toString(); // '0.2'
 * ```
 */
export function goodsRates(row: TariffRow, unitPrice: Money, day: string): { readonly rates: TaxRates; readonly postalCategory: PostalCategory } {
  const highEnd = row.highEnd && unitPrice.gte(row.highEnd.fromUnitPrice) ? row.highEnd : undefined;
  const earlier = row.consumptionBefore && day < row.consumptionBefore.until ? row.consumptionBefore : undefined;
  return {
    rates: { duty: row.duty, vat: vatRateAt(row.vatBand, day), consumption: highEnd?.consumption ?? earlier?.consumption ?? row.consumption },
    postalCategory: highEnd?.postalCategory ?? row.postalCategory,
  };
}
