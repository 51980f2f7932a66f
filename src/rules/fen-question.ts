/**
 * A Decimal tax question ({@link TaxInput}) as a whole-fen one, and a Decimal answer in whole fen:
 * the bridge between the reference and the fen path, for callers that hold documents (and for the
 * tests that hold the fen path to the reference).
 *
 * @internal
 */
import { countryByCode, HMT_CUSTOMS_CODES } from '../domain/codes.js';
import { MoneyError } from '../domain/errors.js';
import { fenOf } from '../money/fen.js';
import { money, type Money } from '../money/money.js';
import { ruleDay } from './day.js';
import { fenLineTerms, fenLineValue, fenRules } from './fen-terms.js';
import type { FenTaxAnswer, FenTaxQuestion } from './fen-tax.js';
import { rulesAt } from './rule-sets.js';
import { goodsRates, tariffRow } from './tariff.js';
import type { PostalCategory, TaxAssessment, TaxInput, TaxRates } from './types.js';

/** Reads a money input without throwing: `undefined` for anything the reference would refuse. */
function read(value: TaxInput['freight']): Money | undefined {
  try {
    return value === undefined ? undefined : money(value);
  } catch {
    return undefined;
  }
}

/**
 * Fills `q` from `input` as {@link retailImportTax} reads it (rule set of the day, table or given
 * rates, postal category, parcels from Hong Kong, Macao and Taiwan). False when any part does not
 * fit the fen path, or is bad input the reference will refuse with its own error.
 */
export function fenQuestionFrom(input: TaxInput, q: FenTaxQuestion): boolean {
  let day: string;
  try {
    day = ruleDay(input.date);
  } catch {
    return false;
  }
  const rules = fenRules(input.rules ?? rulesAt(day));
  if (rules === undefined || !Array.isArray(input.lines) || input.lines.length === 0 || input.lines.length > q.value.length) return false;
  for (let i = 0; i < input.lines.length; i++) {
    const line = input.lines[i]!;
    const quantity = read(line.quantity);
    const unitPrice = read(line.unitPrice);
    if (quantity === undefined || unitPrice === undefined || !quantity.gt(0) || unitPrice.isNegative()) return false;
    const value = fenLineValue(quantity, unitPrice);
    const row = tariffRow(line.hsCode);
    const table = row === undefined ? undefined : goodsRates(row, unitPrice, day);
    const rates = line.rates === undefined ? table?.rates : givenRates(line.rates);
    const category: PostalCategory | undefined = table?.postalCategory;
    const terms = rates === undefined ? undefined : fenLineTerms(rates, rules, category);
    if (value === undefined || terms === undefined) return false;
    q.value[i] = value;
    q.quantity[i] = Number(quantity.toFixed(0));
    q.terms[i] = terms;
  }
  const freight = fenOf(read(input.freight) ?? money(0));
  const insurance = fenOf(read(input.insurance) ?? money(0));
  const used = fenOf(read(input.buyerAnnualUsed) ?? money(0));
  if (freight === undefined || insurance === undefined || used === undefined || freight < 0 || insurance < 0 || used < 0) return false;
  const country = input.fromCountry === undefined ? undefined : countryByCode(input.fromCountry);
  if (input.fromCountry !== undefined && country === undefined) return false;
  q.rules = rules;
  q.lines = input.lines.length;
  q.freight = freight;
  q.insurance = insurance;
  q.used = used;
  q.fromHmt = country !== undefined && HMT_CUSTOMS_CODES.has(country.customs);
  return true;
}

function givenRates(rates: NonNullable<TaxInput['lines'][number]['rates']>): TaxRates | undefined {
  const duty = read(rates.duty);
  const vat = read(rates.vat);
  const consumption = read(rates.consumption);
  const valid = (r: Money | undefined): r is Money => r !== undefined && !r.isNegative() && r.lt(1);
  return valid(duty) && valid(vat) && valid(consumption) ? { duty, vat, consumption } : undefined;
}

/** Sets `a` to a Decimal assessment in whole fen (every figure of an assessment is whole fen). */
export function fenAnswerOf(tax: TaxAssessment, a: FenTaxAnswer): FenTaxAnswer {
  const fen = (m: Money): number => {
    const f = Number(m.times(100).toFixed(0));
    if (!Number.isSafeInteger(f)) throw new MoneyError([{ path: ['tax'], value: m.toString(), reason: 'is too large to hold in whole fen exactly (above 2^53 fen); amounts this large cannot be simulated.' }]);
    return f;
  };
  a.route = tax.route;
  a.overLimit = tax.overLimit;
  a.dutiable = fen(tax.dutiableValue);
  a.duty = fen(tax.customsDuty);
  a.vat = fen(tax.vat);
  a.consumption = fen(tax.consumptionTax);
  a.total = fen(tax.total);
  tax.lines.forEach((line, i) => {
    if (i >= a.lineDutiable.length) return;
    a.lineDutiable[i] = fen(line.dutiableValue);
    a.lineDuty[i] = fen(line.customsDuty);
    a.lineVat[i] = fen(line.vat);
    a.lineConsumption[i] = fen(line.consumptionTax);
  });
  return a;
}
