import { Decimal } from 'decimal.js';
import { MoneyError } from '../domain/errors.js';

/**
 * The Decimal constructor cbec-sim computes with: precision 34 significant digits, rounding half-up.
 * A private clone, so a user's changes to the global `Decimal` settings never affect our arithmetic.
 */
export const MoneyDecimal: typeof Decimal = /* @__PURE__ */ Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });

/** An exact amount of money (an instance of {@link MoneyDecimal}). */
export type Money = Decimal;

/** What {@link money} accepts: decimal text, a bigint, a safe integer, or a Decimal. Never a float. */
export type MoneyInput = string | bigint | number | Decimal;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The most significant digits an amount may have: the precision of {@link MoneyDecimal}, the most
 * it holds exactly. Longer amounts are refused rather than rounded.
 */
export const MONEY_DIGITS = 34;

/** The longest decimal text {@link money} reads (signs, zeros and the point included). */
const MAX_TEXT = 100;

/**
 * Makes an exact amount from text, an integer, a bigint or a Decimal.
 *
 * Floats are refused: `0.1` cannot be represented exactly, so silently accepting it would put
 * binary noise into tax arithmetic. Pass the amount as text (`'0.10'`) instead. So is an amount of
 * more than 34 significant digits (the precision of {@link MoneyDecimal}), which the arithmetic
 * could not hold exactly, and text longer than 100 characters.
 *
 * @param value - the amount
 * @param field - the field name reported if the value is refused
 * @throws {@link MoneyError} naming `field` when the value is a float, not finite, not decimal text,
 *   or longer than 34 significant digits
 * @example
 * ```ts
 * money('12.30').plus(money(5)).toFixed(2); // '17.30'
 * ```
 */
export function money(value: MoneyInput, field = 'amount'): Money {
  if (Decimal.isDecimal(value)) {
    if (!value.isFinite()) throw refused(field, value, 'is not a finite amount; give a finite decimal.');
    return (value.constructor as unknown) === MoneyDecimal ? value : exact(new MoneyDecimal(value.toString()), field, value);
  }
  switch (typeof value) {
    case 'string': {
      if (value.length > MAX_TEXT) throw refused(field, `${value.slice(0, 20)}...`, `is ${value.length} characters long; an amount has at most ${MONEY_DIGITS} significant digits.`);
      const text = value.trim();
      if (!DECIMAL_TEXT.test(text)) {
        throw refused(field, value, `is not decimal text; write it like '12.30' (digits, one optional point, no separators or exponent).`);
      }
      return exact(new MoneyDecimal(text), field, value);
    }
    case 'bigint':
      if (value > 10n ** 34n || value < -(10n ** 34n)) throw tooPrecise(field, value);
      return exact(new MoneyDecimal(value.toString()), field, value);
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw refused(
          field,
          value,
          Number.isInteger(value)
            ? 'is an integer too large to be exact as a JS number; pass it as a string or bigint.'
            : `is a JS float, which cannot hold money exactly; pass it as a string, e.g. '${Number.isFinite(value) ? String(value) : '0.00'}'.`,
        );
      }
      return new MoneyDecimal(value);
    default:
      throw refused(field, value, `has type ${typeof value}; give a string, bigint, integer or Decimal.`);
  }
}

function refused(field: string, value: unknown, reason: string): MoneyError {
  return new MoneyError([{ path: field.split('.'), value, reason }]);
}

function tooPrecise(field: string, value: unknown): MoneyError {
  return refused(field, value, `has more than ${MONEY_DIGITS} significant digits, more than cbec-sim holds exactly; round it, or give it in a larger unit.`);
}

/** `amount`, unless it has more significant digits (trailing zeros included) than arithmetic holds exactly. */
function exact(amount: Money, field: string, value: unknown): Money {
  if (amount.precision(true) > MONEY_DIGITS) throw tooPrecise(field, value);
  return amount;
}

/**
 * Rounds an amount half-up to the fen (2 decimal places), as customs tax bills do.
 *
 * @example
 * ```ts
 * toFen(money('45.505')).toFixed(2); // '45.51'
 * ```
 */
export function toFen(amount: Money): Money {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * An amount in CNY, rounded to the fen.
 *
 * @example
 * ```ts
 * cny('199.999').toFixed(2); // '200.00'
 * ```
 */
export function cny(value: MoneyInput, field = 'amount'): Money {
  return toFen(money(value, field));
}

/** Zero, as money. */
export const ZERO: Money = /* @__PURE__ */ new MoneyDecimal(0);

/** Sum of amounts (zero for none). */
export function sum(amounts: Iterable<Money>): Money {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/** Formats an amount as `'1,234.50'` (fen, grouping commas), for reports; linear in its digits. */
export function formatCny(amount: Money): string {
  const fixed = toFen(amount).toFixed(2);
  const [whole = '0', fraction = '00'] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.push(digits.slice(Math.max(0, end - 3), end));
  return `${sign}${groups.reverse().join(',')}.${fraction}`;
}
