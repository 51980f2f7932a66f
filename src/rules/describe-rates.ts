/**
 * Rates and tariff rows in words, for people: `13%`, `15% + 0.5 CNY per 0.5 l`, and each rate
 * with the source it came from ("rate from ...").
 */
import type { Money } from '../money/money.js';
import type { ProductRates } from './product-rates.js';
import type { HighEndTier, SpecificTax, TariffRow } from './tariff.js';

/** A rate as a percentage: `0.13` -> `13%`, `0.065` -> `6.5%`. */
export function percent(rate: Money): string {
  return `${rate.times(100).toString()}%`;
}

function perQuantity(amount: Money, per: Money, unit: string): string {
  return `${amount.toString()} CNY per ${per.toString()} ${unit}`;
}

function specificText(specific: SpecificTax | undefined): string {
  return specific ? ` + ${perQuantity(specific.amount, specific.per, specific.unit)}` : '';
}

function highEndText(tier: HighEndTier | undefined): string {
  if (!tier) return '';
  const tests = tier.from.map((t) => perQuantity(t.price, t.per, t.unit)).join(' or ');
  return `; high-end (from ${tests}): ${percent(tier.consumption)}${specificText(tier.specific)}`;
}

/** A consumption tax in words: `0%; high-end (from 10 CNY per 1 ml or 15 CNY per 1 piece): 15%`. */
export function consumptionText(c: { readonly consumption: Money; readonly specific?: SpecificTax; readonly highEnd?: HighEndTier }): string {
  return `${percent(c.consumption)}${specificText(c.specific)}${highEndText(c.highEnd)}`;
}

/** A tariff row in one line: prefix, dates, the fields it gives, and its source. */
export function describeRow(row: TariffRow): string {
  const dates = [row.from ? `from ${row.from}` : '', row.until ? `until ${row.until}` : ''].filter(Boolean).join(' ');
  const fields = [
    row.duty ? `duty ${percent(row.duty)}` : '',
    row.vatBand ? `VAT ${row.vatBand} band` : '',
    row.consumption ? `consumption tax ${consumptionText({ consumption: row.consumption, ...(row.specific ? { specific: row.specific } : {}), ...(row.highEnd ? { highEnd: row.highEnd } : {}) })}` : '',
    row.exportRebate ? `export rebate ${percent(row.exportRebate)}` : '',
    row.postalCategory ? `postal category ${row.postalCategory}` : '',
  ].filter(Boolean);
  return `${row.origin ?? 'built-in'} row ${row.prefix}${dates ? ` (${dates})` : ''}: ${row.description || '-'}; ${fields.join(', ') || 'no rates'}. Source: ${row.source}`;
}

/** The rates of a product, one per line, each with where it came from; fields no source gives say so. */
export function describeProductRates(rates: ProductRates, indent = '  '): string[] {
  const line = (name: string, value: string | undefined, from: string | undefined) =>
    `${indent}${`${name} ${value ?? '-'}`.padEnd(24)} ${from === undefined ? 'no source gives it' : `rate from ${from}`}`;
  return [
    line('duty', rates.duty && percent(rates.duty.value), rates.duty?.from.label),
    line('VAT', percent(rates.vat.value), rates.vat.from.label),
    line('consumption tax', consumptionText(rates.consumption.value), rates.consumption.from.label),
    line('export rebate', rates.exportRebate && percent(rates.exportRebate.value), rates.exportRebate?.from.label),
    line('postal category', rates.postalCategory && String(rates.postalCategory.value), rates.postalCategory?.from.label),
  ];
}
