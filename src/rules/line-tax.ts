/**
 * The tax formulas of one order line (docs/domain.md §4.1), each amount rounded half-up to the fen.
 *
 * @internal
 */
import type { Money } from '../money/money.js';
import type { LineTax, TaxRates } from './types.js';
import { toFen, ZERO } from '../money/money.js';

/**
 * Within the CBEC limits (财关税〔2016〕18号, 〔2018〕49号): duty 0; consumption tax =
 * dutiable / (1 - c) x c x share; VAT = dutiable / (1 - c) x v x share, whose base includes the
 * full consumption tax. `share` is the rule set's `withinLimitShare` (0.7).
 *
 * @internal
 */
export function withinLimitsTax(dutiableValue: Money, rates: TaxRates, share: Money): LineTax {
  // Without consumption tax the base is the dutiable value itself (and a division is saved).
  const consumptionBase = rates.consumption.isZero() ? dutiableValue : dutiableValue.dividedBy(rates.consumption.negated().plus(1));
  return {
    dutiableValue,
    customsDuty: ZERO,
    consumptionTax: toFen(consumptionBase.times(rates.consumption).times(share)),
    vat: toFen(consumptionBase.times(rates.vat).times(share)),
  };
}

/**
 * In full, as for a single indivisible item above the single limit under the 2019 rules: duty =
 * dutiable x t; consumption tax = (dutiable + duty) / (1 - c) x c; VAT = (dutiable + duty +
 * consumption tax) x v. Each later base uses the earlier taxes as charged (rounded to the fen).
 *
 * @internal
 */
export function fullTax(dutiableValue: Money, rates: TaxRates): LineTax {
  const customsDuty = toFen(dutiableValue.times(rates.duty));
  const withDuty = dutiableValue.plus(customsDuty);
  const consumptionTax = toFen(withDuty.dividedBy(rates.consumption.negated().plus(1)).times(rates.consumption));
  return { dutiableValue, customsDuty, consumptionTax, vat: toFen(withDuty.plus(consumptionTax).times(rates.vat)) };
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
