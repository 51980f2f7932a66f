/**
 * Reads a {@link TaxInput}: checks every field, finds each line's rates, spreads freight and
 * insurance over the lines, and reports every problem at once.
 *
 * @internal
 */
import type { Money } from '../money/money.js';
import type { PostalCategory, RuleSet, TaxInput, TaxLineInput, TaxRates } from './types.js';
import { countryByCode, HMT_CUSTOMS_CODES } from '../domain/codes.js';
import { allocate } from '../money/allocate.js';
import { sum, toFen, ZERO } from '../money/money.js';
import { requireObject, RuleIssues } from './issues.js';
import { ruleDay } from './day.js';
import { rulesAt } from './rule-sets.js';
import { goodsRates } from './tariff.js';

/** One line, checked: its dutiable value (goods + its share of freight and insurance) and rates. */
export interface TaxLine {
  readonly quantity: Money;
  readonly dutiableValue: Money;
  readonly rates: TaxRates;
  /** From the tariff table; `undefined` when the line brought its own rates for an HS code the table lacks. */
  readonly postalCategory: PostalCategory | undefined;
}

/** A tax question, checked. */
export interface TaxOrder {
  readonly rules: RuleSet;
  readonly lines: readonly TaxLine[];
  /** Goods + freight + insurance. */
  readonly dutiableValue: Money;
  readonly buyerAnnualUsed: Money;
  /** The parcel comes from Hong Kong, Macao or Taiwan. */
  readonly fromHmt: boolean;
}

interface Goods {
  readonly quantity: Money;
  readonly value: Money;
  readonly rates: TaxRates;
  readonly postalCategory: PostalCategory | undefined;
}

/**
 * Checks `input` and prepares it for taxing.
 *
 * @throws {@link RuleError} naming every bad field, e.g. `lines[2].hsCode` for an unknown HS code
 * @internal
 */
export function readTaxInput(input: TaxInput): TaxOrder {
  requireObject(input, 'a tax question, an object with date and lines');
  const day = ruleDay(input.date);
  const rules = input.rules ?? rulesAt(day);
  const issues = new RuleIssues();
  if (rules.regime === 'postal' && !rules.postal) {
    issues.add(['rules', 'postal'], undefined, `is missing from rule set ${rules.id}; build postal rule sets with defineRuleSet({ base: RULES_POSTAL, ... }).`);
  }
  if (!Array.isArray(input.lines) || input.lines.length === 0) issues.add(['lines'], input.lines, 'is empty; give at least one line.');
  const goods = (Array.isArray(input.lines) ? input.lines : []).map((line, i) =>
    issues.object(line, ['lines', i], 'a line, an object with hsCode, quantity and unitPrice') ? readLine(issues, line, i, day, rules.regime === 'postal') : undefined,
  );
  const amounts = [
    issues.fen(input.freight ?? ZERO, ['freight']),
    issues.fen(input.insurance ?? ZERO, ['insurance']),
    issues.fen(input.buyerAnnualUsed ?? ZERO, ['buyerAnnualUsed']),
  ] as const;
  const fromHmt = input.fromCountry === undefined ? false : isHmt(issues, input.fromCountry);
  const [freight, insurance, buyerAnnualUsed] = issues.checked(amounts);
  const checked = issues.checked(goods);
  const extra = freight.plus(insurance);
  // allocate() is exact but costly; one line, or nothing to spread, needs no split.
  const extras = checked.length === 1 || extra.isZero() ? checked.map(() => extra) : allocate(extra, checked.map((g) => g.value));
  const lines = checked.map((g, i) => ({
    quantity: g.quantity,
    dutiableValue: g.value.plus(extras[i] ?? ZERO),
    rates: g.rates,
    postalCategory: g.postalCategory,
  }));
  return { rules, lines, dutiableValue: sum(lines.map((l) => l.dutiableValue)), buyerAnnualUsed, fromHmt };
}

function readLine(issues: RuleIssues, line: TaxLineInput, i: number, day: string, postal: boolean): Goods | undefined {
  const path = ['lines', i];
  const amount = issues.amount(line.quantity, [...path, 'quantity']);
  const quantity = amount?.gt(0) ? amount : undefined;
  if (amount && !quantity) issues.add([...path, 'quantity'], line.quantity, 'must be more than zero.');
  const unitPrice = issues.nonNegative(line.unitPrice, [...path, 'unitPrice']);
  const given = line.rates === undefined || !issues.object(line.rates, [...path, 'rates'], 'an object with duty, vat and consumption') ? undefined : readRates(issues, line.rates, [...path, 'rates']);
  // The postal regime taxes by the table's category, so it needs the row even when rates are given.
  const row = issues.tariffRow(line.hsCode, [...path, 'hsCode'], { field: 'rates', given: line.rates !== undefined && !postal });
  if (!quantity || !unitPrice) return undefined;
  const table = row ? goodsRates(row, unitPrice, day) : undefined;
  const rates = given ?? table?.rates;
  if (!rates) return undefined;
  return { quantity, value: toFen(quantity.times(unitPrice)), rates, postalCategory: table?.postalCategory };
}

function readRates(issues: RuleIssues, rates: NonNullable<TaxLineInput['rates']>, path: readonly (string | number)[]): TaxRates | undefined {
  const duty = issues.rate(rates.duty, [...path, 'duty']);
  const vat = issues.rate(rates.vat, [...path, 'vat']);
  const consumption = issues.rate(rates.consumption, [...path, 'consumption']);
  return duty && vat && consumption ? { duty, vat, consumption } : undefined;
}

function isHmt(issues: RuleIssues, code: string): boolean {
  const country = typeof code === 'string' ? countryByCode(code) : undefined;
  if (!country) issues.add(['fromCountry'], code, 'is not a known country code; use ISO (HK, HKG) or the customs code (110).');
  return country !== undefined && HMT_CUSTOMS_CODES.has(country.customs);
}
