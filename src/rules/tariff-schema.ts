/**
 * The tariff format as data (JSON, and the cells of the CSV format): one row per HS prefix, rates
 * as decimal text, checked field by field with zod so that a tariff file, a scenario's inline
 * `tariff` and a catalogue product's `rates` all read the same way.
 */
import { z } from 'zod';
import { money, type Money } from '../money/money.js';
import { MEASURE_UNITS, type MeasureUnit } from '../domain/measure.js';
import type { HighEndTier, PriceTest, SpecificTax, TariffRow } from './tariff.js';
import type { OwnRates } from './product-rates.js';
import type { PostalCategory } from './types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A decimal written as text (never a float), checked by `test`. */
const decimal = (what: string, test: (m: Money) => boolean) =>
  z.string().refine((text) => {
    try {
      return test(money(text));
    } catch {
      return false;
    }
  }, `must be ${what} written as decimal text, e.g. '0.13'`);

/** A rate as a fraction from 0 up to but excluding 1 ('0.13' is 13%). */
export const rateText = /* @__PURE__ */ (() =>
  decimal('a fraction from 0 up to but excluding 1', (m) => m.gte(0) && m.lt(1)))();
const amountText = /* @__PURE__ */ (() =>
  decimal('an amount of zero or more', (m) => m.gte(0)))();
const positiveText = /* @__PURE__ */ (() =>
  decimal('an amount above zero', (m) => m.gt(0)))();
const unit = /* @__PURE__ */ (() =>
  z.enum(MEASURE_UNITS as [MeasureUnit, ...MeasureUnit[]]))();
const postalCategory = /* @__PURE__ */ (() =>
  z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))();
const day = /* @__PURE__ */ (() =>
  z.string().regex(DAY, "must be a day written 'YYYY-MM-DD'"))();

/** A quantity in a unit of measure: `{ "quantity": "0.75", "unit": "l" }`. */
export const measureSchema = /* @__PURE__ */ (() =>
  z.object({ quantity: positiveText, unit }).strict())();
/** A specific consumption tax: `{ "amount": "0.5", "per": "0.5", "unit": "l" }` (0.5 CNY per 0.5 l). */
export const specificSchema = /* @__PURE__ */ (() =>
  z.object({ amount: amountText, per: positiveText, unit }).strict())();
/** A price test: `{ "price": "10", "per": "1", "unit": "ml" }` (10 CNY or more per ml). */
export const priceTestSchema = /* @__PURE__ */ (() =>
  z.object({ price: amountText, per: positiveText, unit }).strict())();
/** A high-end tier: the tests (any passes), and the consumption tax of goods that pass. */
export const highEndSchema = /* @__PURE__ */ (() =>
  z
  .object({ from: z.array(priceTestSchema).min(1, 'must list at least one price test'), consumption: rateText, specific: specificSchema.optional(), postalCategory: postalCategory.optional() })
  .strict())();

/** The rate fields a tariff row and a product's own `rates` share. */
const rateFields = /* @__PURE__ */ (() => ({
  duty: rateText.optional(),
  vatBand: z.enum(['standard', 'reduced']).optional(),
  consumption: rateText.optional(),
  specific: specificSchema.optional(),
  highEnd: highEndSchema.optional(),
  exportRebate: rateText.optional(),
  postalCategory: postalCategory.optional(),
}))();

/** One row of a tariff as written: an HS prefix, any of the rates, effective dates and a source. */
export const tariffRowSchema = /* @__PURE__ */ (() =>
  z
  .object({
    prefix: z.string().regex(/^\d{2,10}$/, 'must be 2 to 10 digits of an HS code, e.g. 3304 or 33049900'),
    description: z.string().default(''),
    ...rateFields,
    from: day.optional(),
    until: day.optional(),
    source: z.string({ error: 'is missing: say where the rates come from (a tariff text, an announcement, or "illustrative")' }).trim().min(1, 'must say where the rates come from (a tariff text, an announcement, or "illustrative")'),
  })
  .strict()
  .refine((row) => row.from === undefined || row.until === undefined || row.from < row.until, { message: 'must be after from', path: ['until'] })
  .refine((row) => (row.specific === undefined && row.highEnd === undefined) || row.consumption !== undefined, {
    message: "is missing: a row with a specific tax or a high-end tier must give its ad valorem consumption tax ('0' when none)",
    path: ['consumption'],
  }))();

/** A tariff row as written (JSON, or CSV cells read into this shape). */
export type TariffRowInput = z.input<typeof tariffRowSchema>;
/** A tariff row after checking, still as text: plain data, as a scenario carries it to worker threads. */
export type TariffRowData = z.output<typeof tariffRowSchema> & { readonly origin?: string };

/** A catalogue product's own rates as written: any rate field, and `vat` as a rate instead of a band. */
export const ownRatesSchema = /* @__PURE__ */ (() =>
  z.object({ ...rateFields, vat: rateText.optional() }).strict())();
/** A product's own rates as written. */
export type OwnRatesInput = z.input<typeof ownRatesSchema>;

const specificOf = (s: z.output<typeof specificSchema>): SpecificTax => ({ amount: money(s.amount), per: money(s.per), unit: s.unit });
const testOf = (t: z.output<typeof priceTestSchema>): PriceTest => ({ price: money(t.price), per: money(t.per), unit: t.unit });
const highEndOf = (h: z.output<typeof highEndSchema>): HighEndTier => ({
  from: h.from.map(testOf),
  consumption: money(h.consumption),
  ...(h.specific ? { specific: specificOf(h.specific) } : {}),
  ...(h.postalCategory === undefined ? {} : { postalCategory: h.postalCategory }),
});

interface RateData {
  readonly duty?: string | undefined;
  readonly vat?: string | undefined;
  readonly consumption?: string | undefined;
  readonly exportRebate?: string | undefined;
  readonly vatBand?: 'standard' | 'reduced' | undefined;
  readonly specific?: z.output<typeof specificSchema> | undefined;
  readonly highEnd?: z.output<typeof highEndSchema> | undefined;
  readonly postalCategory?: PostalCategory | undefined;
}

/** Checked rate fields as exact values. */
function ratesOf(data: RateData): OwnRates {
  const rate = (text: string | undefined) => (text === undefined ? undefined : money(text));
  const [duty, vat, consumption, exportRebate] = [rate(data.duty), rate(data.vat), rate(data.consumption), rate(data.exportRebate)];
  return {
    ...(duty ? { duty } : {}),
    ...(vat ? { vat } : {}),
    ...(data.vatBand ? { vatBand: data.vatBand } : {}),
    ...(consumption ? { consumption } : {}),
    ...(data.specific ? { specific: specificOf(data.specific) } : {}),
    ...(data.highEnd ? { highEnd: highEndOf(data.highEnd) } : {}),
    ...(exportRebate ? { exportRebate } : {}),
    ...(data.postalCategory === undefined ? {} : { postalCategory: data.postalCategory }),
  };
}

/** A checked tariff row as a {@link TariffRow} with exact rates. */
export function tariffRowOf(data: TariffRowData): TariffRow {
  const { vat: _vat, ...rates } = ratesOf(data);
  return Object.freeze({
    prefix: data.prefix,
    description: data.description,
    ...rates,
    ...(data.from === undefined ? {} : { from: data.from }),
    ...(data.until === undefined ? {} : { until: data.until }),
    source: data.source,
    ...(data.origin === undefined ? {} : { origin: data.origin }),
  });
}

/** A product's checked own rates as exact values. */
export function ownRatesOf(data: z.output<typeof ownRatesSchema>): OwnRates {
  return ratesOf(data);
}
