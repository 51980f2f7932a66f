/**
 * The seam between the rules engine and its users (channel machines, customs, the simulator):
 * the shapes of a rule set, a tax question and its answer, and the buyer's annual quota ledger.
 */
import type { Money, MoneyInput } from '../money/money.js';
import type { TradeMode } from '../domain/model.js';
import type { HighEndTier, MeasureUnit, TariffRow, VatBand } from './tariff.js';

/** Tax rates of goods as fractions: 0.13 is 13%. Each in [0, 1). */
export interface TaxRates {
  /** Customs duty (MFN tariff) rate. */
  readonly duty: Money;
  /** Import VAT rate. */
  readonly vat: Money;
  /** Consumption tax rate (ad valorem). */
  readonly consumption: Money;
}

/** How a retail import is taxed: within the CBEC limits, CBEC at full rates, postal articles tax, or general trade. */
export type TaxRoute = 'cbec' | 'cbec-full' | 'postal' | 'general-trade';

/**
 * The limit an order is over: the single-transaction limit (CBEC), the buyer's annual limit (CBEC),
 * or the postal-articles parcel limit (before 2016-04-08).
 */
export type TaxLimit = 'single' | 'annual' | 'parcel';

/** A set of retail-import rules in force from a date. Users may define their own (what-if). */
export interface RuleSet {
  /** Short identifier, e.g. `RULES_2019`. */
  readonly id: string;
  /** First day in force, `'YYYY-MM-DD'` (Asia/Shanghai). */
  readonly effectiveFrom: string;
  /** Which regime: the CBEC retail-import policy, or the postal-articles tax before it. */
  readonly regime: 'cbec' | 'postal';
  /** Single-transaction limit in CNY (CBEC), or the parcel limit (postal). */
  readonly singleLimit: Money;
  /** Annual limit per buyer in CNY (CBEC only; zero for postal). */
  readonly annualLimit: Money;
  /** Share of the statutory VAT and consumption tax charged within the limits (0.7). */
  readonly withinLimitShare: Money;
  /** Whether one indivisible item above the single limit may still use CBEC at full tax. */
  readonly singleItemOverLimitAllowed: boolean;
  /** Supervision modes in existence, each with the date it came into force. */
  readonly modes: Readonly<Partial<Record<TradeMode, string>>>;
  /** The postal-articles tax terms; present when `regime` is `'postal'`. */
  readonly postal?: PostalTerms;
}

/**
 * A postal-articles tax category (行邮税 税目): before 2016-04-08 goods fell into four categories
 * taxed at 10, 20, 30 and 50% [M]. Each tariff row names its category.
 */
export type PostalCategory = 1 | 2 | 3 | 4;

/** The terms of the postal-articles tax regime (海关总署公告2010年第43号 for the limits and waiver [M]). */
export interface PostalTerms {
  /** Tax rate per category, as a fraction in [0, 1). */
  readonly rates: Readonly<Record<PostalCategory, Money>>;
  /** The tax is waived when the parcel's total tax is at most this (50 CNY). */
  readonly waiverThreshold: Money;
  /** Parcel limit for parcels from Hong Kong, Macao or Taiwan (800 CNY); `singleLimit` holds the others' (1,000 CNY). */
  readonly hmtSingleLimit: Money;
}

/**
 * A line's own rates, as fractions (0.13 is 13%): each field given overrides the tariffs for this
 * line; a consumption tax given (ad valorem or specific) replaces the tariffs' whole consumption tax.
 */
export interface TaxLineRates {
  readonly duty?: MoneyInput;
  readonly vat?: MoneyInput;
  readonly consumption?: MoneyInput;
  /** A specific consumption tax: `amount` CNY per `per` of `unit` (needs the line's `measure`). */
  readonly specific?: { readonly amount: MoneyInput; readonly per: MoneyInput; readonly unit: MeasureUnit };
  /** The postal-articles category (postal regime, before 2016-04-08). */
  readonly postalCategory?: PostalCategory;
  /** A VAT band instead of a `vat` rate: the band's rate of the day applies. */
  readonly vatBand?: VatBand;
  /** A high-end tier of the line's own consumption tax. */
  readonly highEnd?: HighEndTier;
}

/** One line of a tax question. */
export interface TaxLineInput {
  readonly hsCode: string;
  readonly quantity: MoneyInput;
  readonly unitPrice: MoneyInput;
  /** Overrides the tariffs for this line, field by field. */
  readonly rates?: TaxLineRates;
  /**
   * The quantity of one unit of the goods in a unit of measure (a bottle holds 0.75 l): needed by
   * specific consumption taxes (spirits, beer, cigarettes) and per-quantity high-end tests
   * (cosmetics from 10 CNY per ml or g; without a measure their 15 CNY per piece test applies).
   */
  readonly measure?: { readonly quantity: MoneyInput; readonly unit: MeasureUnit };
}

/** The question `retailImportTax` answers. */
export interface TaxInput {
  /** Chooses the rule set unless `rules` is given. */
  readonly date: Date | string | number;
  readonly rules?: RuleSet;
  readonly lines: readonly TaxLineInput[];
  readonly freight?: MoneyInput;
  readonly insurance?: MoneyInput;
  /** CNY already used by this buyer this calendar year (default 0). */
  readonly buyerAnnualUsed?: MoneyInput;
  /** Customs country code the parcel comes from (postal regime: Hong Kong, Macao, Taiwan have a lower limit). */
  readonly fromCountry?: string;
  /** The user's tariff rows (`loadTariff`), consulted after a line's own rates and before the built-in rows. */
  readonly tariff?: readonly TariffRow[];
}

/** Tax on one line, each amount rounded half-up to the fen. */
export interface LineTax {
  readonly dutiableValue: Money;
  readonly customsDuty: Money;
  readonly vat: Money;
  readonly consumptionTax: Money;
}

/** The answer of `retailImportTax`: the route, the totals (sums of rounded line amounts) and why. */
export interface TaxAssessment extends LineTax {
  readonly route: TaxRoute;
  /** customsDuty + vat + consumptionTax. */
  readonly total: Money;
  readonly lines: readonly LineTax[];
  /** Why the route is `cbec-full`, `general-trade` or a waived postal tax. */
  readonly reason?: string;
  /** The limit the order is over, when the route is `cbec-full` or `general-trade` because of one. */
  readonly overLimit?: TaxLimit;
  /** The rule set that answered. */
  readonly rules: RuleSet;
  /** Per line, the rates used and where each came from. */
  readonly lineRates: readonly LineRates[];
}

/** The rates a line was taxed at, and where each came from (`'built-in row 3304 (...)'`, `'product rates'`, ...). */
export interface LineRates {
  readonly rates: TaxRates;
  /** Specific consumption tax of the whole line, CNY, exact (zero when none). */
  readonly specificConsumption: Money;
  /** The goods met their category's high-end test. */
  readonly highEnd: boolean;
  /** The postal-articles category, when a source gives one. */
  readonly postalCategory?: PostalCategory;
  readonly from: { readonly duty: string; readonly vat: string; readonly consumption: string };
}

/** What a quota reservation answered. */
export type QuotaDecision = { readonly ok: true; readonly remaining: Money } | { readonly ok: false; readonly reason: string; readonly remaining: Money };

/**
 * A buyer's annual CBEC quota, per buyer ID and calendar year (Asia/Shanghai). Reserve on
 * declaration, commit on release, restore on cancellation or on a return within the window.
 * Idempotent per list number while the list is remembered; never above the annual limit.
 */
export interface QuotaLedger {
  /** Reserves `amount` for list `invtNo` of buyer `buyerId` in the year of `at`; refused when it would pass the annual limit. */
  reserve(entry: { readonly buyerId: string; readonly invtNo: string; readonly at: number; readonly amount: Money }): QuotaDecision;
  /** Makes the reservation of `invtNo` final (the list was released). */
  commit(invtNo: string): void;
  /** Gives back what `invtNo` holds (cancelled, refused or returned). */
  restore(invtNo: string): void;
  /**
   * Drops the entry of a finished list (committed or restored): its amount stays in, or is already
   * out of, the buyer's yearly total. An open reservation and an unknown list are left as they are.
   */
  forget(invtNo: string): void;
  /** Reserved plus committed amount of a buyer in the calendar year containing `at`. */
  used(buyerId: string, at: number): Money;
}
