/**
 * Currency and country codes as CEB messages carry them.
 *
 * CEB messages use the customs three-digit codes (JGS-20 code set): currency `142` is CNY and
 * country `142` is China [C]. Other codes below follow the customs currency and country tables as
 * seen in peer code [P]; the set is deliberately small (the currencies and origins of common
 * cross-border goods) and each entry also carries its ISO code, so users may write either.
 */

/** A currency known to cbec-sim. */
export interface Currency {
  /** ISO 4217 alphabetic code, e.g. `USD`. */
  readonly iso: string;
  /** Customs three-digit code, e.g. `502`. */
  readonly customs: string;
  /** English name. */
  readonly name: string;
}

/** A country or region known to cbec-sim. */
export interface Country {
  /** ISO 3166-1 alpha-3 code, e.g. `JPN`. */
  readonly iso3: string;
  /** ISO 3166-1 alpha-2 code, e.g. `JP`. */
  readonly iso2: string;
  /** Customs three-digit code, e.g. `116`. */
  readonly customs: string;
  /** English name. */
  readonly name: string;
}

/** Currencies, customs code and ISO code side by side. */
export const CURRENCIES: readonly Currency[] = [
  { iso: 'CNY', customs: '142', name: 'Renminbi' },
  { iso: 'HKD', customs: '110', name: 'Hong Kong dollar' },
  { iso: 'JPY', customs: '116', name: 'Japanese yen' },
  { iso: 'MOP', customs: '121', name: 'Macao pataca' },
  { iso: 'SGD', customs: '132', name: 'Singapore dollar' },
  { iso: 'KRW', customs: '133', name: 'Korean won' },
  { iso: 'EUR', customs: '300', name: 'Euro' },
  { iso: 'GBP', customs: '303', name: 'Pound sterling' },
  { iso: 'CHF', customs: '331', name: 'Swiss franc' },
  { iso: 'CAD', customs: '501', name: 'Canadian dollar' },
  { iso: 'USD', customs: '502', name: 'US dollar' },
  { iso: 'AUD', customs: '601', name: 'Australian dollar' },
  { iso: 'NZD', customs: '609', name: 'New Zealand dollar' },
];

/** Countries and regions, customs code and ISO codes side by side. */
export const COUNTRIES: readonly Country[] = [
  { iso3: 'HKG', iso2: 'HK', customs: '110', name: 'Hong Kong, China' },
  { iso3: 'JPN', iso2: 'JP', customs: '116', name: 'Japan' },
  { iso3: 'MAC', iso2: 'MO', customs: '121', name: 'Macao, China' },
  { iso3: 'SGP', iso2: 'SG', customs: '132', name: 'Singapore' },
  { iso3: 'KOR', iso2: 'KR', customs: '133', name: 'Korea, Republic of' },
  { iso3: 'THA', iso2: 'TH', customs: '136', name: 'Thailand' },
  { iso3: 'CHN', iso2: 'CN', customs: '142', name: 'China' },
  { iso3: 'TWN', iso2: 'TW', customs: '143', name: 'Taiwan, China' },
  { iso3: 'GBR', iso2: 'GB', customs: '303', name: 'United Kingdom' },
  { iso3: 'DEU', iso2: 'DE', customs: '304', name: 'Germany' },
  { iso3: 'FRA', iso2: 'FR', customs: '305', name: 'France' },
  { iso3: 'ITA', iso2: 'IT', customs: '307', name: 'Italy' },
  { iso3: 'NLD', iso2: 'NL', customs: '309', name: 'Netherlands' },
  { iso3: 'ESP', iso2: 'ES', customs: '312', name: 'Spain' },
  { iso3: 'CHE', iso2: 'CH', customs: '331', name: 'Switzerland' },
  { iso3: 'RUS', iso2: 'RU', customs: '344', name: 'Russia' },
  { iso3: 'CAN', iso2: 'CA', customs: '501', name: 'Canada' },
  { iso3: 'USA', iso2: 'US', customs: '502', name: 'United States' },
  { iso3: 'AUS', iso2: 'AU', customs: '601', name: 'Australia' },
  { iso3: 'NZL', iso2: 'NZ', customs: '609', name: 'New Zealand' },
];

const currencyIndex = /* @__PURE__ */ new Map<string, Currency>();
for (const c of CURRENCIES) {
  currencyIndex.set(c.iso, c);
  currencyIndex.set(c.customs, c);
}
const countryIndex = /* @__PURE__ */ new Map<string, Country>();
for (const c of COUNTRIES) {
  countryIndex.set(c.iso3, c);
  countryIndex.set(c.iso2, c);
  countryIndex.set(c.customs, c);
}

/** The currency for an ISO (`'USD'`) or customs (`'502'`) code, or `undefined` when unknown. */
export function currencyByCode(code: string): Currency | undefined {
  return currencyIndex.get(code.trim().toUpperCase());
}

/** The country for an ISO alpha-3, alpha-2 or customs code, or `undefined` when unknown. */
export function countryByCode(code: string): Country | undefined {
  return countryIndex.get(code.trim().toUpperCase());
}

/** The regions whose parcels had the lower postal-articles limit before 2016 (Hong Kong, Macao, Taiwan). */
export const HMT_CUSTOMS_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set(['110', '121', '143']);
