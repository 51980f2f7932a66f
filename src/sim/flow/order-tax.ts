/**
 * The retail import tax of a run's orders in whole fen: an order's lines drawn again, their rates
 * worked out once per goods and day by the reference's own rules (a product's own rates, then the
 * scenario's tariff, then the built-in rows; the high-end test, found once as the price it starts
 * at), and the fen path of the tax ({@link fenRetailImportTax}); where the fen path declines, the
 * Decimal reference answers, converted to fen. Either way the answer is what `orderTax` gives for
 * the order's documents, to the fen.
 */
import { shanghaiDate } from '../clock.js';
import { countryByCode, HMT_CUSTOMS_CODES } from '../../domain/codes/index.js';
import type { Measure } from '../../domain/measure.js';
import { moneyOfFen } from '../../money/fen.js';
import { money } from '../../money/money.js';
import { fenAnswerOf } from '../../rules/fen-question.js';
import { fenLineTerms, fenRules, type FenLineTerms, type FenRules } from '../../rules/fen-terms.js';
import { type FenTaxAnswer, FenTaxQuestion, fenRetailImportTax } from '../../rules/fen-tax.js';
import { ratesAtPrice, type RatesAtPrice } from '../../rules/line-rates.js';
import { missingRates, productRates, type OwnRates, type RateBook } from '../../rules/product-rates.js';
import { retailImportTax } from '../../rules/retail-import-tax.js';
import { rulesAt } from '../../rules/rule-sets.js';
import type { ReasonCode } from '../../customs/reasons.js';
import type { RuleSet, TaxLimit, TaxRoute } from '../../rules/types.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioRates } from '../scenario/rates.js';
import type { OrderLines } from './order-draws.js';

/** The routes of a tax bill by the code the order flow keeps (0: none, no decision yet, an export, or general trade). */
export const ROUTES: readonly (TaxRoute | undefined)[] = [undefined, 'cbec', 'cbec-full', 'postal'];

/** The code of a route (0 for general trade, which has no tax bill). */
export function routeCode(route: TaxRoute): number {
  return Math.max(0, ROUTES.indexOf(route));
}

/** The limits an order the tax rules send to general trade is over, as the reason customs refuses it with. */
const OVER_LIMIT: Readonly<Record<TaxLimit, ReasonCode>> = { single: 'over-single-limit', annual: 'quota-exceeded', parcel: 'over-parcel-limit' };

/** Why customs refuses an order the tax rules send to general trade: the limit it is over, if the rules name one. */
export function generalTradeRefusal(overLimit: TaxLimit | undefined): ReasonCode {
  return overLimit === undefined ? 'customs-refused' : OVER_LIMIT[overLimit];
}

/** One catalogue item's terms on one day: below and from the unit price (fen) its goods turn high-end at (null: ask the reference). */
interface ItemTerms {
  readonly normal: FenLineTerms | null;
  readonly highEnd: FenLineTerms | null;
  readonly highEndFrom: number;
}

/** A product as the catalogue gives it: its HS code, own rates and measure, and the prices it is drawn at (jiao). */
interface Product {
  readonly hsCode: string;
  readonly itemNo: string;
  readonly originCountry: string;
  readonly own: OwnRates | undefined;
  readonly measure: Measure | undefined;
  readonly minJiao: number;
  readonly maxJiao: number;
}

/** Taxes a run's orders from their drawn lines. */
export class OrderTaxes {
  readonly #products: readonly Product[];
  readonly #book: RateBook;
  readonly #fixed: RuleSet | undefined;
  /** Each item's terms, by Shanghai day. */
  readonly #terms = new Map<string, (ItemTerms | undefined)[]>();
  readonly #fromHmt: Uint8Array;
  readonly #question: FenTaxQuestion;
  /** The rules and the items' terms of the last day asked about. */
  #day = '';
  #rules: RuleSet | undefined;
  #fenRules: FenRules | undefined;
  #dayTerms: (ItemTerms | undefined)[] = [];

  /** @param fixed - the scenario's rule set for the whole run (its `rules`), or undefined to follow the calendar */
  constructor(scenario: Scenario, fixed: RuleSet | undefined) {
    const rates = scenarioRates(scenario);
    this.#book = rates.book;
    this.#fixed = fixed;
    this.#products = scenario.catalogue.map((g) => {
      const own = rates.products.get(g.itemNo);
      return {
        hsCode: g.hsCode,
        itemNo: g.itemNo,
        originCountry: g.originCountry,
        own: own?.rates,
        measure: own?.measure,
        minJiao: Number(money(g.minPrice).times(10).floor().toString()),
        maxJiao: Number(money(g.maxPrice).times(10).floor().toString()),
      };
    });
    this.#fromHmt = Uint8Array.from(scenario.catalogue, (g) => (HMT_CUSTOMS_CODES.has(countryByCode(g.originCountry)?.customs ?? '') ? 1 : 0));
    this.#question = new FenTaxQuestion(scenario.buyers.maxLinesPerOrder);
  }

  /**
   * Sets `out` to the tax of the order placed at `placedAt` with `lines`, for a buyer who had used
   * `used` fen of the year's quota before it.
   */
  assess(lines: OrderLines, placedAt: number, used: number, out: FenTaxAnswer): FenTaxAnswer {
    const day = shanghaiDate(placedAt);
    if (day !== this.#day) this.#toDay(day);
    const q = this.#question;
    q.rules = this.#fenRules;
    q.lines = lines.count;
    let fits = q.rules !== undefined;
    for (let i = 0; i < lines.count && fits; i++) {
      const terms = this.#termsOf(lines.goods[i]!, lines.price[i]!, day);
      if (terms === null) fits = false;
      q.value[i] = lines.value[i]!;
      q.quantity[i] = lines.quantity[i]!;
      q.terms[i] = terms ?? undefined;
    }
    q.freight = lines.freight;
    q.insurance = 0;
    q.used = used;
    q.fromHmt = lines.count > 0 && this.#fromHmt[lines.goods[0]!] === 1;
    if (fits && fenRetailImportTax(q, out)) return out;
    return fenAnswerOf(this.#reference(lines, placedAt, used), out);
  }

  #toDay(day: string): void {
    this.#day = day;
    this.#rules = this.#fixed ?? rulesAt(day);
    this.#fenRules = fenRules(this.#rules);
    let terms = this.#terms.get(day);
    if (terms === undefined) {
      terms = new Array<ItemTerms | undefined>(this.#products.length).fill(undefined);
      this.#terms.set(day, terms);
    }
    this.#dayTerms = terms;
  }

  /** The Decimal reference's assessment of the same question, as `orderTax` asks it. */
  #reference(lines: OrderLines, placedAt: number, used: number) {
    const products = this.#products;
    return retailImportTax({
      date: placedAt,
      ...(this.#fixed ? { rules: this.#fixed } : {}),
      tariff: this.#book.tariff,
      lines: Array.from({ length: lines.count }, (_, i) => {
        const p = products[lines.goods[i]!]!;
        return { hsCode: p.hsCode, quantity: money(lines.quantity[i]!), unitPrice: moneyOfFen(lines.price[i]!), ...(p.measure ? { measure: p.measure } : {}), ...(p.own ? { rates: p.own } : {}) };
      }),
      freight: moneyOfFen(lines.freight),
      insurance: money(0),
      buyerAnnualUsed: moneyOfFen(used),
      ...(lines.count > 0 ? { fromCountry: products[lines.goods[0]!]!.originCountry } : {}),
    });
  }

  /** The fen terms of item `goods` at unit price `price` (fen) on `day` (the last day asked about), or null to ask the reference. */
  #termsOf(goods: number, price: number, day: string): FenLineTerms | null {
    let known = this.#dayTerms[goods];
    if (known === undefined) {
      known = this.#make(goods, day);
      this.#dayTerms[goods] = known;
    }
    return price >= known.highEndFrom ? known.highEnd : known.normal;
  }

  /** Works out an item's terms on `day`: its rates, and the price its goods turn high-end at. */
  #make(goods: number, day: string): ItemTerms {
    const p = this.#products[goods]!;
    const none: ItemTerms = { normal: null, highEnd: null, highEndFrom: Number.POSITIVE_INFINITY };
    const rules = this.#fenRules;
    if (rules === undefined) return none;
    const product = productRates({ hsCode: p.hsCode, ...(p.own ? { rates: p.own } : {}) }, day, this.#book);
    if (missingRates(product, [rules.postal ? 'postalCategory' : 'duty']).length > 0) return none;
    const at = (jiao: number): RatesAtPrice | string => ratesAtPrice(product, money(jiao).dividedBy(10), p.measure);
    const terms = (rates: RatesAtPrice | string): FenLineTerms | null => (typeof rates === 'string' ? null : (fenLineTerms(rates.rates, rules, rates.postalCategory, rates.specificPerUnit) ?? null));
    const low = at(p.minJiao);
    if (product.consumption.value.highEnd === undefined) return { normal: terms(low), highEnd: null, highEndFrom: Number.POSITIVE_INFINITY };
    const from = highEndFrom(at, p.minJiao, p.maxJiao);
    if (from === undefined) return none;
    return { normal: from > p.minJiao ? terms(low) : null, highEnd: Number.isFinite(from) ? terms(at(from)) : null, highEndFrom: from * 10 };
  }
}

/**
 * The lowest price (jiao) from `min` to `max` at which goods pass their high-end test (the test
 * only turns on as the price goes up), Infinity when none does, undefined when the rates cannot be
 * known at some price (the reference then says why).
 */
function highEndFrom(at: (jiao: number) => RatesAtPrice | string, min: number, max: number): number | undefined {
  const top = at(max);
  const bottom = at(min);
  if (typeof top === 'string' || typeof bottom === 'string') return undefined;
  if (!top.highEnd) return Number.POSITIVE_INFINITY;
  if (bottom.highEnd) return min;
  let lo = min;
  let hi = max;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const rates = at(mid);
    if (typeof rates === 'string') return undefined;
    if (rates.highEnd) hi = mid;
    else lo = mid;
  }
  return hi;
}

