/**
 * Reads a {@link TaxInput}: checks every field, finds each line's rates, spreads freight and
 * insurance over the lines, and reports every problem at once.
 *
 * @internal
 */
import type { Money } from '../money/money.js';
import type { LineRates, PostalCategory, RuleSet, TaxInput, TaxLineInput, TaxRates } from './types.js';
import { countryByCode, HMT_CUSTOMS_CODES } from '../domain/codes/index.js';
import { allocate } from '../money/allocate.js';
import { sum, toFen, ZERO } from '../money/money.js';
import { requireObject, RuleIssues } from './issues.js';
import { ruleDay } from './day.js';
import { rulesAt } from './rule-sets.js';
import { TARIFF } from './tariff-built-in.js';
import { missingRates, productRates, type ProductRates, type RateBook } from './product-rates.js';
import { ratesAtPrice, type RatesAtPrice } from './line-rates.js';

/** One line, checked: its dutiable value (goods + its share of freight and insurance) and rates. */
export interface TaxLine {
  readonly quantity: Money;
  readonly dutiableValue: Money;
  readonly rates: TaxRates;
  /** Specific consumption tax of the whole line, CNY, exact. */
  readonly specific: Money;
  /** `undefined` when no source gives one (only the postal regime needs it). */
  readonly postalCategory: PostalCategory | undefined;
  readonly info: LineRates;
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
  readonly info: LineRates;
}

/**
 * Checks `input` and prepares it for taxing.
 *
 * @throws {@link RuleError} naming every bad field, e.g. `lines[2].hsCode` for goods no rate source covers
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
  const book: RateBook = { tariff: input.tariff ?? [], builtIn: TARIFF };
  const goods = (Array.isArray(input.lines) ? input.lines : []).map((line, i) =>
    issues.object(line, ['lines', i], 'a line, an object with hsCode, quantity and unitPrice') ? readLine(issues, line, ['lines', i], { day, postal: rules.regime === 'postal', book }) : undefined,
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
  const lines = checked.map((g, i): TaxLine => ({
    quantity: g.quantity,
    dutiableValue: g.value.plus(extras[i] ?? ZERO),
    rates: g.info.rates,
    specific: g.info.specificConsumption,
    postalCategory: g.info.postalCategory,
    info: g.info,
  }));
  return { rules, lines, dutiableValue: sum(lines.map((l) => l.dutiableValue)), buyerAnnualUsed, fromHmt };
}

/** What a line is read against: the day, the regime's needs and the tariffs. */
interface LineContext {
  readonly day: string;
  readonly postal: boolean;
  readonly book: RateBook;
}

function readLine(issues: RuleIssues, line: TaxLineInput, path: readonly (string | number)[], context: LineContext): Goods | undefined {
  if (typeof line !== 'object' || line === null) {
    issues.add(path, line, 'must be a line object with hsCode, quantity and unitPrice.');
    return undefined;
  }
  const amount = issues.amount(line.quantity, [...path, 'quantity']);
  const quantity = amount?.gt(0) ? amount : undefined;
  if (amount && !quantity) issues.add([...path, 'quantity'], line.quantity, 'must be more than zero.');
  const unitPrice = issues.nonNegative(line.unitPrice, [...path, 'unitPrice']);
  const own = line.rates === undefined ? {} : issues.ownRates(line.rates, [...path, 'rates']);
  const measure = line.measure === undefined ? undefined : issues.measure(line.measure, [...path, 'measure']);
  const hsCode = issues.hsCode(line.hsCode, [...path, 'hsCode']);
  if (!quantity || !unitPrice || !own || !hsCode || (line.measure !== undefined && !measure)) return undefined;
  const product = productRates({ hsCode, rates: own }, context.day, context.book);
  const needed = context.postal ? 'postalCategory' : 'duty';
  if (missingRates(product, [needed]).length > 0) {
    const what = needed === 'duty' ? 'an MFN duty' : 'a postal-articles category';
    issues.add([...path, 'hsCode'], hsCode, `has no rate source that gives ${what} on ${context.day}: give the line \`rates.${needed}\`, or a \`tariff\` with a row that covers it.`);
    return undefined;
  }
  const at = ratesAtPrice(product, unitPrice, measure);
  if (typeof at === 'string') {
    issues.add([...path, 'measure'], line.measure, at);
    return undefined;
  }
  return { quantity, value: toFen(quantity.times(unitPrice)), info: lineRatesOf(product, at, quantity) };
}

function lineRatesOf(product: ProductRates, at: RatesAtPrice, quantity: Money): LineRates {
  return {
    rates: at.rates,
    specificConsumption: at.specificPerUnit.times(quantity),
    highEnd: at.highEnd,
    ...(at.postalCategory === undefined ? {} : { postalCategory: at.postalCategory }),
    from: { duty: product.duty?.from.label ?? 'none', vat: product.vat.from.label, consumption: product.consumption.from.label },
  };
}

function isHmt(issues: RuleIssues, code: string): boolean {
  const country = typeof code === 'string' ? countryByCode(code) : undefined;
  if (!country) issues.add(['fromCountry'], code, 'is not a known country code; use ISO (HK, HKG) or the customs code (110).');
  return country !== undefined && HMT_CUSTOMS_CODES.has(country.customs);
}
