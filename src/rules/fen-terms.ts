/**
 * A rule set and a line's tax rates as the exact fractions and whole-fen limits the fen path of
 * the retail import tax works with ({@link fenRetailImportTax}), worked out once per rule set and
 * per rates. `undefined` wherever a figure does not fit the fen path: the caller then asks the
 * Decimal reference ({@link retailImportTax}).
 *
 * @internal
 */
import { fenOf, fractionOf, MAX_FAST_FEN, times, usable, type Fraction } from '../money/fen.js';
import { money, type Money } from '../money/money.js';
import type { PostalCategory, RuleSet, TaxRates } from './types.js';

/** A rule set in whole fen and exact fractions. */
export interface FenRules {
  readonly rules: RuleSet;
  readonly postal: boolean;
  readonly singleLimit: number;
  readonly annualLimit: number;
  /** `withinLimitShare` (0.7 is 7/10). */
  readonly share: Fraction;
  readonly singleItemOverLimitAllowed: boolean;
  /** Postal terms (postal regime only): rate per category, waiver threshold and limit for Hong Kong, Macao and Taiwan. */
  readonly postalRates: Readonly<Record<PostalCategory, Fraction>> | undefined;
  readonly waiverThreshold: number | undefined;
  readonly hmtSingleLimit: number | undefined;
}

/** The fractions one line is taxed by under one rule set. */
export interface FenLineTerms {
  /** Within the limits: consumption tax = dutiable x c x share / (1 - c). */
  readonly withinConsumption: Fraction;
  /** Within the limits: VAT = dutiable x v x share / (1 - c). */
  readonly withinVat: Fraction;
  /** In full: duty = dutiable x t. */
  readonly duty: Fraction;
  /** In full: consumption tax = (dutiable + duty) x c / (1 - c). */
  readonly fullConsumption: Fraction;
  /** In full: VAT = (dutiable + duty + consumption tax) x v. */
  readonly vat: Fraction;
  /** Postal regime: the rate of the line's category; undefined under the CBEC regime. */
  readonly postal: Fraction | undefined;
  /** The consumption tax rate is not zero, so the Decimal reference divides by (1 - c). */
  readonly divides: boolean;
  /** The rates themselves, for the reference's own line formulas where the fen path cannot promise its rounding. */
  readonly rates: TaxRates;
  /** Specific consumption tax per unit of the goods, CNY (zero when none): lines with one take the reference's line formula. */
  readonly specificPerUnit: Money;
}

const rulesCache = /* @__PURE__ */ new WeakMap<RuleSet, FenRules | null>();

/** `rules` in whole fen and exact fractions (remembered per rule set), or `undefined` when a figure does not fit. */
export function fenRules(rules: RuleSet): FenRules | undefined {
  const known = rulesCache.get(rules);
  if (known !== undefined) return known ?? undefined;
  const made = makeFenRules(rules);
  rulesCache.set(rules, made ?? null);
  return made;
}

function makeFenRules(rules: RuleSet): FenRules | undefined {
  const singleLimit = fenOf(rules.singleLimit);
  const annualLimit = fenOf(rules.annualLimit);
  const share = fractionOf(rules.withinLimitShare);
  if (singleLimit === undefined || annualLimit === undefined || share === undefined) return undefined;
  const postal = rules.regime === 'postal';
  let postalRates: Record<PostalCategory, Fraction> | undefined;
  let waiverThreshold: number | undefined;
  let hmtSingleLimit: number | undefined;
  if (rules.postal !== undefined) {
    const rates = ([1, 2, 3, 4] as const).map((c) => fractionOf(rules.postal!.rates[c]));
    waiverThreshold = fenOf(rules.postal.waiverThreshold);
    hmtSingleLimit = fenOf(rules.postal.hmtSingleLimit);
    if (rates.some((r) => r === undefined || !usable(r)) || waiverThreshold === undefined || hmtSingleLimit === undefined) return undefined;
    postalRates = { 1: rates[0]!, 2: rates[1]!, 3: rates[2]!, 4: rates[3]! };
  } else if (postal) return undefined;
  return { rules, postal, singleLimit, annualLimit, share, singleItemOverLimitAllowed: rules.singleItemOverLimitAllowed, postalRates, waiverThreshold, hmtSingleLimit };
}

const ONE = /* @__PURE__ */ money(1);

/**
 * The fractions a line with `rates` (and postal `category`, and a specific consumption tax of
 * `specificPerUnit` CNY a unit) is taxed by under `rules`, or `undefined` when a rate is not an
 * exact fraction small enough for the fen path.
 */
export function fenLineTerms(rates: TaxRates, rules: FenRules, category: PostalCategory | undefined, specificPerUnit: Money = money(0)): FenLineTerms | undefined {
  const duty = fractionOf(rates.duty);
  const vat = fractionOf(rates.vat);
  const c = fractionOf(rates.consumption);
  const keep = fractionOf(ONE.minus(rates.consumption));
  if (duty === undefined || vat === undefined || c === undefined || keep === undefined || keep.num <= 0) return undefined;
  const overKeep = { num: keep.den, den: keep.num };
  const fullConsumption = times(c, overKeep);
  const consumptionShare = times(c, rules.share);
  const vatShare = times(vat, rules.share);
  const withinConsumption = consumptionShare && times(consumptionShare, overKeep);
  const withinVat = vatShare && times(vatShare, overKeep);
  const postal = rules.postalRates !== undefined && category !== undefined ? rules.postalRates[category] : undefined;
  if (rules.postal && postal === undefined) return undefined;
  const terms = [duty, vat, fullConsumption, withinConsumption, withinVat];
  if (terms.some((t) => t === undefined || !usable(t))) return undefined;
  return { withinConsumption: withinConsumption!, withinVat: withinVat!, duty, fullConsumption: fullConsumption!, vat, postal, divides: c.num !== 0, rates, specificPerUnit };
}

/** A line's goods value in whole fen: quantity x unit price, when both are exact enough for the fen path. */
export function fenLineValue(quantity: Money, unitPrice: Money): number | undefined {
  if (!quantity.isInteger()) return undefined;
  const price = fenOf(unitPrice);
  const q = Number(quantity.toFixed(0));
  if (price === undefined || !Number.isSafeInteger(q)) return undefined;
  const value = q * price;
  return value <= MAX_FAST_FEN ? value : undefined;
}
