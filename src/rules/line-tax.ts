/**
 * The tax formulas of one order line (docs/domain.md §4.1), each amount rounded half-up to the fen.
 *
 * @internal
 */
import type { Money } from '../money/money.js';
import type { LineTax, TaxRates } from './types.js';
import { toFen, ZERO } from '../money/money.js';

/**
 * Within the CBEC limits (财关税〔2016〕18号, 〔2018〕49号): duty 0; with `s` the line's specific
 * consumption tax, base = (dutiable + s) / (1 - c); consumption tax = (base x c + s) x share;
 * VAT = base x v x share, whose base includes the full consumption tax. `share` is the rule set's
 * `withinLimitShare` (0.7).
 *
 * @internal
 */
export function withinLimitsTax(dutiableValue: Money, rates: TaxRates, share: Money, specific: Money = ZERO): LineTax {
  const base = taxBase(dutiableValue.plus(specific), rates.consumption);
  return {
    dutiableValue,
    customsDuty: ZERO,
    consumptionTax: toFen(base.times(rates.consumption).plus(specific).times(share)),
    vat: toFen(base.times(rates.vat).times(share)),
  };
}

/**
 * In full, as for a single indivisible item above the single limit under the 2019 rules: duty =
 * dutiable x t; consumption tax = (dutiable + duty + s) / (1 - c) x c + s; VAT = (dutiable + duty +
 * consumption tax) x v. Each later base uses the earlier taxes as charged (rounded to the fen).
 *
 * @internal
 */
export function fullTax(dutiableValue: Money, rates: TaxRates, specific: Money = ZERO): LineTax {
  const customsDuty = toFen(dutiableValue.times(rates.duty));
  const withDuty = dutiableValue.plus(customsDuty);
  const consumptionTax = toFen(taxBase(withDuty.plus(specific), rates.consumption).times(rates.consumption).plus(specific));
  return { dutiableValue, customsDuty, consumptionTax, vat: toFen(withDuty.plus(consumptionTax).times(rates.vat)) };
}

/** The composite base of consumption tax and VAT: value / (1 - c); the value itself without an ad valorem tax (a division saved). */
function taxBase(value: Money, consumption: Money): Money {
  return consumption.isZero() ? value : value.dividedBy(consumption.negated().plus(1));
}

/**
 * No CBEC tax: the line leaves the CBEC channel (general trade), or its postal tax is waived.
 *
 * @internal
 */
export function noTax(dutiableValue: Money): LineTax {
  return { dutiableValue, customsDuty: ZERO, consumptionTax: ZERO, vat: ZERO };
}

/**
 * The postal-articles tax at `rate` of the dutiable value. The tax is one import tax combining
 * duty, VAT and consumption tax; it is reported as `customsDuty`.
 *
 * @internal
 */
export function postalTax(dutiableValue: Money, rate: Money): LineTax {
  return { ...noTax(dutiableValue), customsDuty: toFen(dutiableValue.times(rate)) };
}
