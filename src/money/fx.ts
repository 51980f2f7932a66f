import { ValidationError } from '../domain/errors.js';
import { type Money, type MoneyInput, money, toFen } from './money.js';
import { currencyByCode, type Currency } from '../domain/codes/index.js';

/**
 * Monthly exchange rates, CNY per one unit of a foreign currency, keyed by ISO currency code and
 * month (`'YYYY-MM'`).
 *
 * Customs convention: the rate used for a whole calendar month is fixed once a month (it is the
 * People's Bank of China reference rate of the third Wednesday of the previous month) [M]; the
 * table stores the rate that applies in each month, so look-ups never depend on the day.
 */
export type FxRates = Readonly<Record<string, Readonly<Record<string, MoneyInput>>>>;

/** A currency-conversion table with the customs convention of one fixed rate per month. */
export interface FxTable {
  /** CNY per unit of `currency` in force in `month` (`'YYYY-MM'`). */
  rate(currency: string, month: string): Money;
  /** Converts `amount` of `currency` into CNY at the month's rate, rounded to the fen. */
  toCny(amount: Money, currency: string, month: string): Money;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The table key of a currency: its ISO code, or its customs code when it has none (398). */
const currencyKey = (currency: Currency): string => currency.iso ?? currency.customs ?? '';

/**
 * Builds an {@link FxTable} from monthly rates. Currency keys may be ISO (`'USD'`) or the customs
 * numeric code (`'502'`); CNY (`'142'`) always converts at 1.
 *
 * @throws {@link ValidationError} naming the currency and month of any bad entry
 * @example
 * ```ts
 * const fx = createFxTable({ USD: { '2019-01': '6.8482' } });
 * fx.toCny(money('10'), 'USD', '2019-01').toFixed(2); // '68.48'
 * ```
 */
export function createFxTable(rates: FxRates): FxTable {
  const table = new Map<string, Map<string, Money>>();
  const issues: { path: (string | number)[]; value: unknown; reason: string }[] = [];
  for (const [key, months] of Object.entries(rates)) {
    const currency = currencyByCode(key);
    if (!currency) {
      issues.push({ path: [key], value: key, reason: 'is not a known currency code; use ISO 4217 (USD) or the customs code (502).' });
      continue;
    }
    const byMonth = new Map<string, Money>();
    for (const [month, raw] of Object.entries(months)) {
      if (!MONTH.test(month)) {
        issues.push({ path: [key, month], value: month, reason: "is not a month; write it as 'YYYY-MM'." });
        continue;
      }
      try {
        const value = money(raw, `${key}.${month}`);
        if (!value.isPositive() || value.isZero()) {
          issues.push({ path: [key, month], value: raw, reason: 'must be a rate above zero.' });
        } else byMonth.set(month, value);
      } catch (e) {
        if (e instanceof ValidationError) issues.push(...e.issues.map((i) => ({ ...i, path: [key, month] })));
        else throw e;
      }
    }
    table.set(currencyKey(currency), byMonth);
  }
  if (issues.length > 0) throw new ValidationError(issues, 'Invalid exchange-rate table');

  const rate = (code: string, month: string): Money => {
    const currency = currencyByCode(code);
    if (!currency) throw new ValidationError([{ path: ['currency'], value: code, reason: 'is not a known currency code; use ISO 4217 (USD) or the customs code (502).' }]);
    if (currency.iso === 'CNY') return money(1);
    const key = currencyKey(currency);
    const found = table.get(key)?.get(month);
    if (!found) {
      throw new ValidationError([{ path: ['rates', key, month], value: undefined, reason: `has no rate for ${key} in ${month}; add the month's customs rate to the table.` }]);
    }
    return found;
  };
  return {
    rate,
    toCny: (amount, code, month) => toFen(amount.times(rate(code, month))),
  };
}
