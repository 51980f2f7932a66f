/**
 * The composite rate (综合税率) of CBEC retail imports within the limits.
 */
import type { Money, MoneyInput } from '../money/money.js';
import type { RuleSet } from './types.js';
import { RuleIssues } from './issues.js';

/**
 * The share of the order's dutiable value paid as tax within the CBEC limits:
 * (VAT + consumption tax) / (1 - consumption tax) x 70% [C, docs/domain.md §4.1]. Exact (not rounded).
 *
 * @param rates - VAT and consumption-tax rates as fractions in [0, 1)
 * @param rules - a rule set whose `withinLimitShare` replaces the 70%
 * @throws {@link RuleError} naming `vat` or `consumption` when outside [0, 1)
 * @example
 * ```ts
 * compositeRate({ vat: '0.13', consumption: '0' }).toString(); // '0.091'
 * compositeRate({ vat: '0.13', consumption: '0.15' }).toDecimalPlaces(4).toString(); // '0.2306'
 * ```
 */
export function compositeRate(rates: { readonly vat: MoneyInput; readonly consumption: MoneyInput }, rules?: Pick<RuleSet, 'withinLimitShare'>): Money {
  const issues = new RuleIssues();
  const [vat, consumption] = issues.checked([issues.rate(rates.vat, ['vat']), issues.rate(rates.consumption, ['consumption'])]);
  const share = rules?.withinLimitShare ?? '0.7';
  return vat.plus(consumption).dividedBy(consumption.negated().plus(1)).times(share);
}
