/**
 * The retail import tax of a run's orders in whole fen: an order's lines drawn again, their rates
 * looked up once per goods and day, and the fen path of the tax ({@link fenRetailImportTax}); where
 * the fen path declines, the Decimal reference answers, converted to fen. Either way the answer is
 * what `orderTax` gives for the order's documents, to the fen.
 */
import { shanghaiDate } from '../clock.js';
import { countryByCode, HMT_CUSTOMS_CODES } from '../../domain/codes.js';
import { moneyOfFen } from '../../money/fen.js';
import { money, type Money } from '../../money/money.js';
import { fenAnswerOf } from '../../rules/fen-question.js';
import { fenLineTerms, fenRules, type FenLineTerms } from '../../rules/fen-terms.js';
import type { FenTaxAnswer} from '../../rules/fen-tax.js';
import { FenTaxQuestion, fenRetailImportTax } from '../../rules/fen-tax.js';
import { retailImportTax } from '../../rules/retail-import-tax.js';
import { rulesAt } from '../../rules/rule-sets.js';
import { goodsRates, tariffRow } from '../../rules/tariff.js';
import type { TaxRoute } from '../../rules/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { OrderLines } from './order-draws.js';

/** The routes of a tax bill by the code the order flow keeps (0: none, no decision yet, an export, or general trade). */
export const ROUTES: readonly (TaxRoute | undefined)[] = [undefined, 'cbec', 'cbec-full', 'postal'];

/** The code of a route (0 for general trade, which has no tax bill). */
export function routeCode(route: TaxRoute): number {
  return Math.max(0, ROUTES.indexOf(route));
}

/** Rates of one catalogue item on one day: below and from its high-end price (null: no fen terms, ask the reference). */
interface ItemTerms {
  readonly normal: FenLineTerms | null;
  readonly highEnd: FenLineTerms | null;
}

/** Taxes a run's orders from their drawn lines. */
export class OrderTaxes {
  readonly #catalogue: Scenario['catalogue'];
  /** Each item's terms, by Shanghai day. */
  readonly #terms = new Map<string, (ItemTerms | undefined)[]>();
  /** Unit price (fen) from which each item's goods are high-end; Infinity when it has no such tier. */
  readonly #highEndFrom: Float64Array;
  readonly #fromHmt: Uint8Array;
  readonly #question: FenTaxQuestion;
  /** The rule set and the items' terms of the last day asked about. */
  #day = '';
  #rules: ReturnType<typeof fenRules>;
  #dayTerms: (ItemTerms | undefined)[] = [];

  constructor(scenario: Scenario) {
    this.#catalogue = scenario.catalogue;
    this.#highEndFrom = Float64Array.from(scenario.catalogue, (g) => {
      const tier = tariffRow(g.hsCode)?.highEnd;
      return tier === undefined ? Number.POSITIVE_INFINITY : Number(tier.fromUnitPrice.times(100).toFixed(0));
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
    const q = this.#question;
    if (day !== this.#day) {
      this.#day = day;
      this.#rules = fenRules(rulesAt(day));
      let terms = this.#terms.get(day);
      if (terms === undefined) {
        terms = new Array<ItemTerms | undefined>(this.#catalogue.length).fill(undefined);
        this.#terms.set(day, terms);
      }
      this.#dayTerms = terms;
    }
    q.rules = this.#rules;
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

  /** The Decimal reference's assessment of the same question. */
  #reference(lines: OrderLines, placedAt: number, used: number) {
    const catalogue = this.#catalogue;
    const priced = (fen: number): Money => moneyOfFen(fen);
    return retailImportTax({
      date: placedAt,
      lines: Array.from({ length: lines.count }, (_, i) => ({ hsCode: catalogue[lines.goods[i]!]!.hsCode, quantity: money(lines.quantity[i]!), unitPrice: priced(lines.price[i]!) })),
      freight: priced(lines.freight),
      insurance: money(0),
      buyerAnnualUsed: priced(used),
      ...(lines.count > 0 ? { fromCountry: catalogue[lines.goods[0]!]!.originCountry } : {}),
    });
  }

  /** The fen terms of item `goods` at unit price `price` (fen) on `day` (the last day asked about), or null to ask the reference. */
  #termsOf(goods: number, price: number, day: string): FenLineTerms | null {
    let known = this.#dayTerms[goods];
    if (known === undefined) {
      known = { normal: this.#make(goods, 0, day), highEnd: this.#highEndFrom[goods]! < Number.POSITIVE_INFINITY ? this.#make(goods, this.#highEndFrom[goods]!, day) : null };
      this.#dayTerms[goods] = known;
    }
    return price >= this.#highEndFrom[goods]! ? known.highEnd : known.normal;
  }

  #make(goods: number, price: number, day: string): FenLineTerms | null {
    const row = tariffRow(this.#catalogue[goods]!.hsCode);
    const rules = fenRules(rulesAt(day));
    if (row === undefined || rules === undefined) return null;
    const { rates, postalCategory } = goodsRates(row, moneyOfFen(price), day);
    return fenLineTerms(rates, rules, postalCategory) ?? null;
  }
}

