/**
 * Reading rule input: amounts, rates and dates checked field by field, every problem collected
 * with its path so that one {@link RuleError} reports them all.
 *
 * @internal
 */
import { CbecError, RuleError, ValidationError, type ValidationIssue } from '../domain/errors.js';
import { type Money, type MoneyInput, money, toFen } from '../money/money.js';
import { toEpoch } from '../sim/clock.js';
import { hsCodeProblem } from '../domain/hs-code.js';
import { MEASURE_UNITS, type Measure, type MeasureUnit, type SpecificTax } from './tariff.js';
import type { OwnRates } from './product-rates.js';
import type { TaxLineRates } from './types.js';

type Path = readonly (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a value is, in a few words, for a message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Refuses rule input that is not an object at all (`retailImportTax(null)`) with a {@link RuleError}
 * at the root, before any field is read.
 *
 * @internal
 */
export function requireObject(value: unknown, what: string): void {
  if (!isRecord(value)) throw new RuleError([{ path: [], value, reason: `must be ${what}; got ${describe(value)}.` }]);
}

/**
 * Collects the problems found in one piece of rule input, then throws them together.
 *
 * Each reader returns the parsed value, or `undefined` after recording why it was refused.
 *
 * @internal
 */
export class RuleIssues {
  readonly #issues: ValidationIssue[] = [];

  /** Records one problem. */
  add(path: Path, value: unknown, reason: string): void {
    this.#issues.push({ path, value, reason });
  }

  /** Throws a {@link RuleError} listing every problem recorded, if any. */
  throwIfAny(): void {
    if (this.#issues.length > 0) throw new RuleError(this.#issues);
  }

  /**
   * Throws the problems recorded, if any; otherwise returns `values`, each known to be present
   * (every reader records an issue whenever it returns `undefined`).
   */
  checked<const T extends readonly unknown[]>(values: T): { -readonly [K in keyof T]: NonNullable<T[K]> } {
    this.throwIfAny();
    if (values.some((v) => v === undefined)) throw new CbecError('INTERNAL', 'A rule input was refused without saying why; please report this.');
    return values as { -readonly [K in keyof T]: NonNullable<T[K]> };
  }

  /** True when `value` is an object (not null, not an array); otherwise records that it must be `what`. */
  object(value: unknown, path: Path, what: string): boolean {
    if (isRecord(value)) return true;
    this.add(path, value, `must be ${what}; got ${describe(value)}.`);
    return false;
  }

  /** An exact amount (text, integer, bigint or Decimal; never a float). */
  amount(value: MoneyInput, path: Path): Money | undefined {
    try {
      return money(value);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      for (const issue of e.issues) this.add(path, value, issue.reason);
      return undefined;
    }
  }

  /** An amount of zero or more. */
  nonNegative(value: MoneyInput, path: Path): Money | undefined {
    const amount = this.amount(value, path);
    if (amount?.isNegative()) this.add(path, value, 'is negative; give zero or more.');
    return amount?.isNegative() ? undefined : amount;
  }

  /** A CNY amount of zero or more in whole fen (freight, insurance, quota amounts). */
  fen(value: MoneyInput, path: Path): Money | undefined {
    const amount = this.nonNegative(value, path);
    if (amount && !toFen(amount).eq(amount)) {
      this.add(path, value, 'has fractions of a fen; round it to 2 decimal places (toFen()) first.');
      return undefined;
    }
    return amount;
  }

  /** A rate as a fraction in [0, 1): 0.13 is 13%. */
  rate(value: MoneyInput, path: Path): Money | undefined {
    const rate = this.amount(value, path);
    if (rate && (rate.isNegative() || rate.gte(1))) {
      this.add(path, value, `must be a fraction from 0 up to but excluding 1 (13% is '0.13'); got ${rate.toString()}.`);
      return undefined;
    }
    return rate;
  }

  /** An HS code of 4, 6, 8 or 10 digits. */
  hsCode(code: unknown, path: Path): string | undefined {
    const problem = hsCodeProblem(code, [4, 6, 8, 10]);
    if (problem) this.add(path, code, problem);
    return problem ? undefined : (code as string);
  }

  /** A line's or product's own rates: each given field checked (rates in [0, 1), a specific tax, a postal category). */
  ownRates(rates: TaxLineRates, path: Path): OwnRates | undefined {
    if (typeof rates !== 'object' || rates === null) {
      this.add(path, rates, 'must be an object of rates, e.g. { "duty": "0.05" }.');
      return undefined;
    }
    const read = (key: 'duty' | 'vat' | 'consumption') => (rates[key] === undefined ? undefined : this.rate(rates[key], [...path, key]));
    const [duty, vat, consumption] = [read('duty'), read('vat'), read('consumption')];
    const specific = rates.specific === undefined ? undefined : this.specific(rates.specific, [...path, 'specific']);
    const category = rates.postalCategory;
    if (category !== undefined && ![1, 2, 3, 4].includes(category)) this.add([...path, 'postalCategory'], category, 'must be a postal-articles category: 1, 2, 3 or 4.');
    const bad = (rates.duty !== undefined && !duty) || (rates.vat !== undefined && !vat) || (rates.consumption !== undefined && !consumption) || (rates.specific !== undefined && !specific);
    const band = rates.vatBand;
    if (band !== undefined && band !== 'standard' && band !== 'reduced') this.add([...path, 'vatBand'], band, "must be 'standard' or 'reduced'.");
    if (bad || (category !== undefined && ![1, 2, 3, 4].includes(category)) || (band !== undefined && band !== 'standard' && band !== 'reduced')) return undefined;
    return {
      ...(duty ? { duty } : {}),
      ...(vat ? { vat } : {}),
      ...(consumption ? { consumption } : {}),
      ...(specific ? { specific } : {}),
      ...(category === undefined ? {} : { postalCategory: category }),
      ...(rates.vatBand === 'standard' || rates.vatBand === 'reduced' ? { vatBand: rates.vatBand } : {}),
      ...(rates.highEnd ? { highEnd: rates.highEnd } : {}),
    };
  }

  /** A specific tax: an amount of zero or more per a positive quantity of a unit of measure. */
  specific(value: NonNullable<TaxLineRates['specific']>, path: Path): SpecificTax | undefined {
    const amount = this.nonNegative(value.amount, [...path, 'amount']);
    const per = this.positive(value.per, [...path, 'per']);
    const unit = this.measureUnit(value.unit, [...path, 'unit']);
    return amount && per && unit ? { amount, per, unit } : undefined;
  }

  /** A measure: a positive quantity in a unit of measure. */
  measure(value: { readonly quantity: MoneyInput; readonly unit: MeasureUnit }, path: Path): Measure | undefined {
    if (typeof value !== 'object' || value === null) {
      this.add(path, value, "must be { quantity, unit }, e.g. { quantity: '0.75', unit: 'l' }.");
      return undefined;
    }
    const quantity = this.positive(value.quantity, [...path, 'quantity']);
    const unit = this.measureUnit(value.unit, [...path, 'unit']);
    return quantity && unit ? { quantity, unit } : undefined;
  }

  /** An amount above zero. */
  positive(value: MoneyInput, path: Path): Money | undefined {
    const amount = this.amount(value, path);
    if (amount && !amount.gt(0)) this.add(path, value, 'must be more than zero.');
    return amount?.gt(0) ? amount : undefined;
  }

  /** One of the units of measure. */
  measureUnit(value: unknown, path: Path): MeasureUnit | undefined {
    if (MEASURE_UNITS.includes(value as MeasureUnit)) return value as MeasureUnit;
    this.add(path, value, `must be one of ${MEASURE_UNITS.join(', ')}.`);
    return undefined;
  }

  /** An instant: a Date, epoch ms, an ISO date-time or a `'YYYY-MM-DD'` Shanghai date. */
  instant(value: Date | string | number, path: Path): number | undefined {
    try {
      return toEpoch(value);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      for (const issue of e.issues) this.add(path, value, issue.reason);
      return undefined;
    }
  }

  /** A plain calendar date `'YYYY-MM-DD'` that exists. */
  day(value: string, path: Path): string | undefined {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      this.add(path, value, "must be a calendar date written 'YYYY-MM-DD'.");
      return undefined;
    }
    return this.instant(value, path) === undefined ? undefined : value;
  }
}
