/**
 * A Decimal tax question ({@link TaxInput}) as a whole-fen one, and a Decimal answer in whole fen:
 * the bridge between the reference and the fen path, for callers that hold documents (and for the
 * tests that hold the fen path to the reference). A line's rates are the reference's own: read by
 * `readTaxInput` (its own rates, the user's tariff, the built-in rows, the high-end tests).
 *
 * @internal
 */
import { MoneyError } from '../domain/errors.js';
import { fenOf } from '../money/fen.js';
import { money, type Money } from '../money/money.js';
import { fenLineTerms, fenLineValue, fenRules } from './fen-terms.js';
import type { FenTaxAnswer, FenTaxQuestion } from './fen-tax.js';
import { readTaxInput, type TaxOrder } from './tax-input.js';
import type { TaxAssessment, TaxInput } from './types.js';

/** Reads a money input without throwing: `undefined` for anything the reference would refuse. */
function read(value: TaxInput['freight']): Money | undefined {
  try {
    return value === undefined ? undefined : money(value);
  } catch {
    return undefined;
  }
}

/**
 * Fills `q` from `input` as {@link retailImportTax} reads it. False when any part does not fit the
 * fen path, or is bad input the reference will refuse with its own error.
 */
export function fenQuestionFrom(input: TaxInput, q: FenTaxQuestion): boolean {
  let order: TaxOrder;
  try {
    order = readTaxInput(input);
  } catch {
    return false;
  }
  const rules = fenRules(order.rules);
  if (rules === undefined || order.lines.length > q.value.length) return false;
  for (let i = 0; i < order.lines.length; i++) {
    const line = order.lines[i]!;
    const given = input.lines[i]!;
    const quantity = read(given.quantity);
    const unitPrice = read(given.unitPrice);
    const value = quantity === undefined || unitPrice === undefined ? undefined : fenLineValue(quantity, unitPrice);
    const perUnit = line.specific.isZero() ? line.specific : line.specific.dividedBy(line.quantity);
    const terms = fenLineTerms(line.rates, rules, line.postalCategory, perUnit);
    if (value === undefined || terms === undefined || !line.quantity.isInteger()) return false;
    q.value[i] = value;
    q.quantity[i] = Number(line.quantity.toFixed(0));
    q.terms[i] = terms;
  }
  const freight = fenOf(read(input.freight) ?? money(0));
  const insurance = fenOf(read(input.insurance) ?? money(0));
  const used = fenOf(order.buyerAnnualUsed);
  if (freight === undefined || insurance === undefined || used === undefined) return false;
  q.rules = rules;
  q.lines = order.lines.length;
  q.freight = freight;
  q.insurance = insurance;
  q.used = used;
  q.fromHmt = order.fromHmt;
  return true;
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
