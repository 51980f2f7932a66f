/**
 * The retail import tax of {@link retailImportTax} in whole fen: the same routes, the same
 * per-line rounding half-up and the same freight split, in integer arithmetic with exact
 * fractions, for the simulator's hot path. A line whose tax is exactly half a fen after the
 * division by (1 - c), where the reference's own 34-digit rounding of the quotient decides, is
 * taxed by the reference's line formula itself. Where the fen path cannot promise the Decimal
 * reference's answer to the fen (an amount above `MAX_FAST_FEN`, a rate too fine, a tie in the
 * freight split the reference may break by its own rounding), {@link fenRetailImportTax} answers
 * `false` and the caller asks the reference.
 *
 * @internal
 */
import { divideExactly, fenOf, MAX_FAST_FEN, moneyOfFen, mulDivHalfUp, type Division, type Rounded } from '../money/fen.js';
import type { FenLineTerms, FenRules } from './fen-terms.js';
import { fullTax, withinLimitsTax } from './line-tax.js';
import type { LineTax, TaxLimit, TaxRoute } from './types.js';

/** A tax question in whole fen; one object is reused from order to order. */
export class FenTaxQuestion {
  rules: FenRules | undefined;
  /** Lines in use (the first `lines` entries of the arrays below). */
  lines = 0;
  /** Goods value per line, fen. */
  readonly value: Float64Array;
  readonly quantity: Float64Array;
  readonly terms: (FenLineTerms | undefined)[];
  freight = 0;
  insurance = 0;
  /** The buyer's annual use before this order, fen. */
  used = 0;
  /** The parcel comes from Hong Kong, Macao or Taiwan (postal regime). */
  fromHmt = false;

  /** @param capacity - the most lines a question may have */
  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.quantity = new Float64Array(capacity);
    this.terms = new Array<FenLineTerms | undefined>(capacity).fill(undefined);
  }
}

/** The answer in whole fen: route, totals and per-line figures. */
export class FenTaxAnswer {
  route: TaxRoute = 'cbec';
  /** The limit the order is over, when the route is `cbec-full` or `general-trade` because of one. */
  overLimit: TaxLimit | undefined = undefined;
  dutiable = 0;
  duty = 0;
  vat = 0;
  consumption = 0;
  total = 0;
  readonly lineDutiable: Float64Array;
  readonly lineDuty: Float64Array;
  readonly lineVat: Float64Array;
  readonly lineConsumption: Float64Array;

  /** @param capacity - the most lines a question may have */
  constructor(capacity: number) {
    this.lineDutiable = new Float64Array(capacity);
    this.lineDuty = new Float64Array(capacity);
    this.lineVat = new Float64Array(capacity);
    this.lineConsumption = new Float64Array(capacity);
  }
}

const rounded: Rounded = { fen: 0, half: false };

/**
 * Answers `q` into `a`, as {@link retailImportTax} would to the fen; `false` when the fen path
 * cannot promise that (then `a` is meaningless and the caller asks the reference).
 */
export function fenRetailImportTax(q: FenTaxQuestion, a: FenTaxAnswer): boolean {
  const rules = q.rules;
  if (rules === undefined || q.lines === 0 || !spreadExtras(q, a)) return false;
  let dutiable = 0;
  for (let i = 0; i < q.lines; i++) dutiable += a.lineDutiable[i]!;
  if (dutiable > MAX_FAST_FEN || q.used > MAX_FAST_FEN) return false;
  a.dutiable = dutiable;
  if (rules.postal) postalRoute(q, rules, dutiable, a);
  else cbecRoute(q, rules, dutiable, a);
  for (let i = 0; i < q.lines; i++) if (!lineTax(a, i, q.terms[i], rules, q.quantity[i]!)) return false;
  if (a.route === 'postal') waivePostal(q, a, rules);
  let duty = 0;
  let vat = 0;
  let consumption = 0;
  for (let i = 0; i < q.lines; i++) {
    duty += a.lineDuty[i]!;
    vat += a.lineVat[i]!;
    consumption += a.lineConsumption[i]!;
  }
  a.duty = duty;
  a.vat = vat;
  a.consumption = consumption;
  a.total = duty + vat + consumption;
  return true;
}

function isSingleItem(q: FenTaxQuestion): boolean {
  return q.lines === 1 && q.quantity[0] === 1;
}

/** Sets the route (and the limit it is over) under the CBEC regime. */
function cbecRoute(q: FenTaxQuestion, rules: FenRules, dutiable: number, a: FenTaxAnswer): void {
  if (q.used + dutiable > rules.annualLimit) return route(a, 'general-trade', 'annual');
  if (dutiable <= rules.singleLimit) return route(a, 'cbec', undefined);
  if (!isSingleItem(q)) return route(a, 'general-trade', 'single');
  route(a, rules.singleItemOverLimitAllowed ? 'cbec-full' : 'general-trade', 'single');
}

/** Sets the route (and the limit it is over) under the postal regime. */
function postalRoute(q: FenTaxQuestion, rules: FenRules, dutiable: number, a: FenTaxAnswer): void {
  const limit = q.fromHmt ? (rules.hmtSingleLimit ?? rules.singleLimit) : rules.singleLimit;
  if (dutiable <= limit || (isSingleItem(q) && rules.singleItemOverLimitAllowed)) route(a, 'postal', undefined);
  else route(a, 'general-trade', 'parcel');
}

function route(a: FenTaxAnswer, taken: TaxRoute, overLimit: TaxLimit | undefined): void {
  a.route = taken;
  a.overLimit = overLimit;
}

/** Line `i`'s taxes under `a.route` (`quantity` units of the goods); false when a figure leaves the fen path. */
function lineTax(a: FenTaxAnswer, i: number, terms: FenLineTerms | undefined, rules: FenRules, quantity: number): boolean {
  const d = a.lineDutiable[i]!;
  a.lineDuty[i] = 0;
  a.lineVat[i] = 0;
  a.lineConsumption[i] = 0;
  if (a.route === 'general-trade') return true;
  if (terms === undefined) return false;
  if (!terms.specificPerUnit.isZero() && a.route !== 'postal') {
    // A specific consumption tax (per litre, per stick): the reference's own line formula.
    const specific = terms.specificPerUnit.times(quantity);
    return reference(a, i, a.route === 'cbec' ? withinLimitsTax(moneyOfFen(d), terms.rates, rules.rules.withinLimitShare, specific) : fullTax(moneyOfFen(d), terms.rates, specific));
  }
  switch (a.route) {
    case 'cbec': {
      const consumption = mulDivHalfUp(d, terms.withinConsumption, rounded);
      const half = consumption.half;
      a.lineConsumption[i] = consumption.fen;
      const vat = mulDivHalfUp(d, terms.withinVat, rounded);
      a.lineVat[i] = vat.fen;
      // Exactly half a fen after dividing by (1 - c): the reference's rounded quotient decides.
      if ((half || vat.half) && terms.divides) return reference(a, i, withinLimitsTax(moneyOfFen(d), terms.rates, rules.rules.withinLimitShare));
      return true;
    }
    case 'cbec-full': {
      const duty = mulDivHalfUp(d, terms.duty, rounded).fen;
      const withDuty = d + duty;
      mulDivHalfUp(withDuty, terms.fullConsumption, rounded);
      if (rounded.half && terms.divides) return reference(a, i, fullTax(moneyOfFen(d), terms.rates));
      a.lineDuty[i] = duty;
      a.lineConsumption[i] = rounded.fen;
      a.lineVat[i] = mulDivHalfUp(withDuty + rounded.fen, terms.vat, rounded).fen;
      return true;
    }
    default:
      if (terms.postal === undefined) return false;
      a.lineDuty[i] = mulDivHalfUp(d, terms.postal, rounded).fen;
      return true;
  }
}

/** Takes line `i`'s taxes from the reference's own line formula; false when they leave the fen path. */
function reference(a: FenTaxAnswer, i: number, line: LineTax): boolean {
  const duty = fenOf(line.customsDuty);
  const vat = fenOf(line.vat);
  const consumption = fenOf(line.consumptionTax);
  if (duty === undefined || vat === undefined || consumption === undefined) return false;
  a.lineDuty[i] = duty;
  a.lineVat[i] = vat;
  a.lineConsumption[i] = consumption;
  return true;
}

/** The postal tax is waived when the parcel's tax is above zero and at most the threshold. */
function waivePostal(q: FenTaxQuestion, a: FenTaxAnswer, rules: FenRules): void {
  let tax = 0;
  for (let i = 0; i < q.lines; i++) tax += a.lineDuty[i]!;
  if (rules.waiverThreshold === undefined || tax > rules.waiverThreshold || tax === 0) return;
  for (let i = 0; i < q.lines; i++) a.lineDuty[i] = 0;
}

/**
 * Each line's dutiable value: its goods value plus its share of freight and insurance, split in
 * whole fen by largest remainder (the reference's `allocate`). False when the split leaves the
 * fen path: an amount too large, or two lines whose exact remainders tie where the reference's
 * rounded quotients may not.
 */
function spreadExtras(q: FenTaxQuestion, a: FenTaxAnswer): boolean {
  const extra = q.freight + q.insurance;
  const n = q.lines;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    if (q.value[i]! > MAX_FAST_FEN) return false;
    weightSum += q.value[i]!;
  }
  if (n === 1 || extra === 0) {
    for (let i = 0; i < n; i++) a.lineDutiable[i] = q.value[i]! + extra;
    return true;
  }
  const even = weightSum === 0;
  const divisor = even ? n : weightSum;
  if (extra * divisor > Number.MAX_SAFE_INTEGER) return false;
  return allocateExtra(q, a, extra, divisor, even);
}

const quotient: Division = { q: 0, r: 0 };
/** Scratch of the split: floor and remainder per line. */
const split = /* @__PURE__ */ (() => ({ floor: new Float64Array(0), remainder: new Float64Array(0), order: new Int32Array(0) }))();

function ensureSplit(n: number): void {
  if (split.floor.length >= n) return;
  split.floor = new Float64Array(n);
  split.remainder = new Float64Array(n);
  split.order = new Int32Array(n);
}

function allocateExtra(q: FenTaxQuestion, a: FenTaxAnswer, extra: number, divisor: number, even: boolean): boolean {
  const n = q.lines;
  ensureSplit(n);
  const { floor, remainder, order } = split;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const product = extra * (even ? 1 : q.value[i]!);
    const { q: whole, r: rest } = divideExactly(product, divisor, quotient);
    floor[i] = whole;
    remainder[i] = rest;
    given += whole;
    order[i] = i;
  }
  // Largest remainder first, ties to the earlier line (n is small: insertion sort).
  for (let i = 1; i < n; i++) {
    const k = order[i]!;
    let j = i - 1;
    while (j >= 0 && remainder[order[j]!]! < remainder[k]!) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = k;
  }
  const leftover = extra - given;
  if (leftover > 0 && leftover < n && ambiguousTie(n, remainder[order[leftover - 1]!]!, remainder[order[leftover]!]!)) return false;
  for (let i = 0; i < n; i++) a.lineDutiable[i] = q.value[i]! + floor[i]!;
  for (let r = 0; r < leftover; r++) a.lineDutiable[order[r]!]! += 1;
  return true;
}

/**
 * True when the last line given a fen and the first line not given one tie on their exact
 * remainder, and the reference, which rounds each quotient to 34 significant digits, may rank the
 * tied lines apart: their whole parts differ in length.
 */
function ambiguousTie(n: number, lastIn: number, firstOut: number): boolean {
  if (lastIn !== firstOut || firstOut === 0) return false;
  const { floor, remainder } = split;
  let length = -1;
  for (let i = 0; i < n; i++) {
    if (remainder[i] !== firstOut) continue;
    const d = digits(floor[i]!);
    if (length === -1) length = d;
    else if (length !== d) return true;
  }
  return false;
}

function digits(whole: number): number {
  return whole === 0 ? 0 : String(whole).length;
}
