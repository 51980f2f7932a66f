/**
 * zod field schemas for domain values, shared by every boundary that reads outside data
 * (orders, scenarios, messages). Each refuses bad input with a reason that says what to change.
 */
import { z } from 'zod';
import { money } from '../money/money.js';
import { MoneyError } from './errors.js';
import { residentIdProblem } from './resident-id.js';
import { hsCodeProblem, type HsDigits } from './hs-code.js';
import { countryByCode, currencyByCode, unitByCode } from './codes/index.js';
import { readEpochMs, readIsoInstant } from './instant.js';

/** An exact amount (string, integer or bigint; never a float), zero or more. */
export const moneyField = /* @__PURE__ */ (() =>
  z.unknown().transform((value, ctx) => {
    try {
      const amount = money(value as string);
      if (amount.isNegative()) {
        ctx.addIssue({ code: 'custom', input: value, message: 'must not be negative' });
        return z.NEVER;
      }
      return amount;
    } catch (e) {
      if (!(e instanceof MoneyError)) throw e;
      ctx.addIssue({ code: 'custom', input: value, message: `amount ${e.issues[0]?.reason ?? 'is not an amount'}` });
      return z.NEVER;
    }
  }))();

/** A quantity above zero (string or integer, never a float). */
export const quantityField = /* @__PURE__ */ moneyField.refine((q) => q.greaterThan(0), { message: 'must be above zero' });

/** An 18-character PRC resident ID number with a valid check character. */
export const residentIdField = /* @__PURE__ */ (() =>
  z.string().superRefine((id, ctx) => {
    const problem = residentIdProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', input: id, message: `ID number ${problem}` });
  }))();

/** An HS code of the given lengths (10 digits by default). */
export function hsCodeField(allowed: readonly HsDigits[] = [10]) {
  return z.string().superRefine((code, ctx) => {
    const problem = hsCodeProblem(code, allowed);
    if (problem) ctx.addIssue({ code: 'custom', input: code, message: `HS code ${problem}` });
  });
}

/** A currency code, ISO or customs; normalised to the customs code (`'USD'` -> `'502'`). */
export const currencyField = /* @__PURE__ */ (() =>
  z.string().transform((code, ctx) => {
    const currency = currencyByCode(code);
    if (!currency) {
      ctx.addIssue({ code: 'custom', input: code, message: `unknown currency code '${code}'; use ISO 4217 (CNY, USD) or the customs code (142, 502)` });
      return z.NEVER;
    }
    return currency.customs ?? currency.iso ?? code;
  }))();

/** A country code, ISO alpha-2/alpha-3 or customs; normalised to the customs code (`'JP'` -> `'116'`). */
export const countryField = /* @__PURE__ */ (() =>
  z.string().transform((code, ctx) => {
    const country = countryByCode(code);
    if (!country) {
      ctx.addIssue({ code: 'custom', input: code, message: `unknown country code '${code}'; use ISO 3166 (JP, JPN) or the customs code (116)` });
      return z.NEVER;
    }
    return country.customs;
  }))();

/** A customs three-digit unit code (`'011'` piece, `'035'` kg) that the customs unit table has. */
export const unitField = /* @__PURE__ */ (() =>
  z.string().superRefine((code, ctx) => {
  if (!unitByCode(code)) ctx.addIssue({ code: 'custom', input: code, message: `unknown unit code '${code}'; use a 3-digit customs unit code, e.g. '011' (piece), '035' (kg), '142' (bottle)` });
}))();

/**
 * A point in time: ISO-8601 text with a zone (a date that exists: `2021-02-30` is refused), or
 * whole epoch milliseconds within the range of a JS `Date`. Becomes epoch ms.
 */
export const instantField = /* @__PURE__ */ (() =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
  const read = typeof value === 'number' ? readEpochMs(value) : readIsoInstant(value);
  if (read.problem !== undefined) {
    const hint = typeof value === 'number' ? '' : " (or give epoch milliseconds)";
    ctx.addIssue({ code: 'custom', input: value, message: `${read.problem.replace(/\.$/, '')}${hint}` });
    return z.NEVER;
  }
  return read.ms;
}))();
