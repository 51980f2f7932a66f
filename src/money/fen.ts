/**
 * Money as whole fen in plain numbers, for the simulator's hot path: sums and comparisons are
 * exact integer arithmetic, and a rate is an exact fraction (9.1% is 91/1000) applied with one
 * multiply-divide rounded half-up. Everything here either gives the fen the Decimal reference
 * gives, or says it cannot (returns `undefined`), and the caller then asks the reference: no
 * amount is ever rounded or truncated silently.
 *
 * The largest amount the fast path takes is {@link MAX_FAST_FEN}, 10^12 fen (10,000,000,000.00
 * CNY); a fraction is usable when its numerator times its denominator stays at or below 2^53.
 * Under those bounds every intermediate product stays below 2^53, where JavaScript numbers are
 * exact integers.
 */
import { MoneyDecimal, type Money } from './money.js';

/** The largest amount, in fen, the fast path takes: 10^12 fen, ten billion CNY. Above it, use Decimal. */
export const MAX_FAST_FEN = 1e12;

/** An exact fraction: numerator and denominator, safe integers, the denominator positive, in lowest terms. */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

/** Greatest common divisor of two non-negative safe integers. */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** `num / den` in lowest terms, or `undefined` when either part is not a safe integer or `den` is not positive. */
export function fraction(num: number, den: number): Fraction | undefined {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) return undefined;
  const g = gcd(Math.abs(num), den) || 1;
  return { num: num / g, den: den / g };
}

/** The product of two fractions, or `undefined` when a part leaves the safe integers. */
export function times(a: Fraction, b: Fraction): Fraction | undefined {
  // Cross-reduce first so the products stay small.
  const g1 = gcd(Math.abs(a.num), b.den) || 1;
  const g2 = gcd(Math.abs(b.num), a.den) || 1;
  return fraction((a.num / g1) * (b.num / g2), (a.den / g2) * (b.den / g1));
}

/** The exact fraction of a Decimal amount (a rate such as 0.13), or `undefined` when it does not fit. */
export function fractionOf(amount: Money): Fraction | undefined {
  if (!amount.isFinite()) return undefined;
  const places = amount.decimalPlaces();
  if (places > 15) return undefined;
  const den = 10 ** places;
  const num = Number(amount.times(den).toFixed(0));
  return fraction(num, den);
}

/** True when `f` can be applied by {@link mulDivHalfUp} (numerator times denominator at most 2^53). */
export function usable(f: Fraction): boolean {
  return f.num >= 0 && f.num * f.den <= Number.MAX_SAFE_INTEGER + 1;
}

/** Outcome of {@link mulDivHalfUp}: the rounded fen, and whether the exact value was exactly half a fen above a whole one. */
export interface Rounded {
  fen: number;
  /** The exact product was k + 1/2 fen: the one case where Decimal's own rounding of a long quotient may go the other way. */
  half: boolean;
}

/** A whole quotient and its remainder: n = q x d + r with 0 <= r < d. */
export interface Division {
  q: number;
  r: number;
}

/**
 * Sets `out` to the whole quotient and remainder of `n` / `d`, exactly, for integers below 2^53:
 * the float quotient may round across a whole number, so it is corrected from the remainder.
 */
export function divideExactly(n: number, d: number, out: Division): Division {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  out.q = q;
  out.r = r;
  return out;
}

const whole: Division = { q: 0, r: 0 };
const part: Division = { q: 0, r: 0 };

/**
 * Sets `out` to `amount` x `f` in whole fen, rounded half-up, computed exactly: `amount` is a whole
 * number of fen from 0 to {@link MAX_FAST_FEN} and `f` is {@link usable}. The product is split so
 * no intermediate value passes 2^53: amount = q x den + r, so amount x num / den = q x num + r x num / den.
 */
export function mulDivHalfUp(amount: number, f: Fraction, out: Rounded): Rounded {
  const { num, den } = f;
  const { q, r } = divideExactly(amount, den, whole);
  const { q: q2, r: r2 } = divideExactly(r * num, den, part);
  const twice = 2 * r2;
  out.fen = q * num + q2 + (twice >= den ? 1 : 0);
  out.half = twice === den;
  return out;
}

/** A whole number of fen from an amount that has at most two decimals, or `undefined` (more decimals, or beyond {@link MAX_FAST_FEN}). */
export function fenOf(amount: Money): number | undefined {
  if (!amount.isFinite() || amount.decimalPlaces() > 2) return undefined;
  const fen = Number(amount.times(100).toFixed(0));
  return Math.abs(fen) <= MAX_FAST_FEN ? fen : undefined;
}

/** A whole number of fen as money (CNY). */
export function moneyOfFen(fen: number): Money {
  return new MoneyDecimal(fen).dividedBy(100);
}

/** A whole number of fen as exact decimal text in CNY, as `Decimal#toFixed()` writes it (`'12.3'`, `'0'`). */
export function fenToText(fen: number): string {
  return new MoneyDecimal(fen).dividedBy(100).toFixed();
}
