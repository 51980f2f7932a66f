import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import currencyCodes from 'currency-codes';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  COUNTRIES,
  CURRENCIES,
  CUSTOMS_DISTRICTS,
  PACKAGE_TYPES,
  SUPERVISION_MODES,
  TRANSPORT_MODES,
  UNITS,
  countryByCode,
  currencyByCode,
  customsDistrictByCode,
  packageTypeByCode,
  supervisionModeByCode,
  transportModeByCode,
  unitByCode,
} from '../../src/domain/codes/index.js';
import { countryField, currencyField, unitField } from '../../src/domain/fields.js';
import { MODES_INTRODUCED } from '../../src/rules/modes.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/**
 * A fingerprint of a code list: SHA-256 of its codes sorted and joined with commas. Each expected
 * value below was computed from the public source the table names (same count, same codes), so a
 * row dropped, added or mistyped shows here without the source at hand.
 */
const fingerprint = (codes: readonly string[]): string => createHash('sha256').update([...codes].sort().join(',')).digest('hex');

describe('the customs country table', () => {
  it('has the 243 codes of the customs statistics table, 101 to 702 and 999', () => {
    expect(COUNTRIES).toHaveLength(243);
    expect(fingerprint(COUNTRIES.map((c) => c.customs))).toBe('7e722313790ee971c12012d08945adfec65374c44d15b05b7745659a1cb8726b');
  });

  it('accepts every customs code, as a lookup and as a scenario or order field', () => {
    for (const country of COUNTRIES) {
      expect(countryByCode(country.customs)).toBe(country);
      expect(countryField.parse(country.customs)).toBe(country.customs);
      expect(country.zh.length).toBeGreaterThan(0);
      expect(country.name.length).toBeGreaterThan(0);
    }
  });

  it('gives 221 rows ISO 3166-1 codes that the ISO library confirms, each unique, and finds the row by either', () => {
    const withIso = COUNTRIES.filter((c) => c.iso2 !== undefined);
    expect(withIso).toHaveLength(221);
    for (const country of withIso) {
      expect(countries.isValid(country.iso2!), country.customs).toBe(true);
      expect(countries.alpha2ToAlpha3(country.iso2!), country.customs).toBe(country.iso3);
      expect(countryByCode(country.iso2!)).toBe(country);
      expect(countryByCode(country.iso3!.toLowerCase())).toBe(country);
      expect(countryField.parse(country.iso3!)).toBe(country.customs);
    }
    expect(new Set(withIso.map((c) => c.iso2)).size).toBe(221);
  });

  it('says why each of the other 22 rows has no ISO code', () => {
    const without = COUNTRIES.filter((c) => c.iso2 === undefined);
    expect(without).toHaveLength(22);
    for (const country of without) {
      const reason = /^\d99$/.test(country.customs) || ['701', '702', '999'].includes(country.customs) || country.partOf !== undefined || country.note !== undefined;
      expect(reason, country.customs).toBe(true);
      if (country.partOf) expect(countries.isValid(country.partOf)).toBe(true);
    }
  });

  it('matches names and codes the customs table is known for: Norway 326, Hong Kong 110, China 142', () => {
    expect(countryByCode('NO')).toMatchObject({ customs: '326', iso3: 'NOR', zh: '挪威' });
    expect(countryByCode('HKG')).toMatchObject({ customs: '110', zh: '中国香港' });
    expect(countryByCode(' cn ')?.customs).toBe('142');
  });

  it('refuses a code no row has, naming the ISO and customs forms', () => {
    expect(countryByCode('XX')).toBeUndefined();
    expect(countryByCode('140')).toBeUndefined();
    expect(() => z.object({ origin: countryField }).parse({ origin: 'XX' })).toThrow(/unknown country code 'XX'/);
  });
});

describe('the customs currency table', () => {
  it('has the 33 three-digit codes of the legacy customs table (32 and the clearing Swiss franc, 398)', () => {
    const customs = CURRENCIES.flatMap((c) => (c.customs === undefined ? [] : [c.customs]));
    expect(customs).toHaveLength(33);
    expect(fingerprint(customs)).toBe('e610ee5ae48e2adaf4f6ab90330d1a85ada734c3bf496fea3b5d3f26315beb5a');
  });

  it('has every ISO code of the declaration currency list since 2018 (22 codes)', () => {
    const declared = ['AUD', 'CAD', 'CHF', 'CNY', 'DKK', 'EUR', 'GBP', 'HKD', 'IDR', 'JPY', 'KRW', 'MOP', 'MYR', 'NOK', 'NZD', 'PHP', 'RUB', 'SEK', 'SGD', 'THB', 'TWD', 'USD'];
    expect(fingerprint(declared)).toBe('347507ed34a39fdd59baf3c11c2f38805f15780a3c7dcf69dc41412d6ed96a7b');
    for (const iso of declared) expect(currencyByCode(iso)?.iso, iso).toBe(iso);
  });

  it('accepts every code, customs or ISO, and maps each to its ISO 4217 counterpart where one exists', () => {
    for (const currency of CURRENCIES) {
      for (const code of [currency.customs, currency.iso]) {
        if (code === undefined) continue;
        expect(currencyByCode(code)).toBe(currency);
        expect(currencyField.parse(code)).toBe(currency.customs ?? currency.iso);
      }
      if (currency.iso === undefined) expect(currency.customs).toBe('398');
      else if (currency.replacedBy === undefined) expect(currencyCodes.code(currency.iso)?.code, currency.iso).toBe(currency.iso);
      else {
        // withdrawn in 2002 on the euro changeover: ISO 4217 lists them as historic denominations
        expect(currencyCodes.code(currency.iso), currency.iso).toBeUndefined();
        expect(['ATS', 'BEF', 'DEM', 'ESP', 'FIM', 'FRF', 'ITL', 'NLG']).toContain(currency.iso);
        expect(currency.replacedBy).toBe('EUR');
      }
    }
  });

  it('refuses a currency the tables lack', () => {
    expect(currencyByCode('XYZ')).toBeUndefined();
    expect(() => currencyField.parse('999')).toThrow(/unknown currency code '999'/);
  });
});

describe('the customs unit table', () => {
  it('has the 123 codes of the customs unit table, 001 to 164', () => {
    expect(UNITS).toHaveLength(123);
    expect(fingerprint(UNITS.map((u) => u.code))).toBe('281bff47c8caefb8023045cb7a5bcf3c33f82bf1594b1563fc193dcef94e8b51');
  });

  it('accepts every unit code, and gives the measures their UN/ECE Recommendation 20 code', () => {
    for (const unit of UNITS) {
      expect(unitByCode(unit.code)).toBe(unit);
      expect(unitField.parse(unit.code)).toBe(unit.code);
      if (unit.unece !== undefined) expect(unit.unece).toMatch(/^[0-9A-Z]{2,3}$/);
    }
    expect(unitByCode('035')).toMatchObject({ zh: '千克', unece: 'KGM' });
    expect(unitByCode('095')).toMatchObject({ zh: '升', unece: 'LTR' });
    expect(UNITS.filter((u) => u.unece !== undefined).length).toBe(37);
  });

  it('refuses an unassigned unit code (024 is a gap in the table)', () => {
    expect(unitByCode('024')).toBeUndefined();
    expect(() => unitField.parse('024')).toThrow(/unknown unit code '024'/);
  });
});

describe('the other customs code tables', () => {
  it('transport modes: the 18 codes of the table', () => {
    expect(fingerprint(TRANSPORT_MODES.map((m) => m.code))).toBe('016d7f537cc108ba45cde872b03a2544582715d64274e51206dde4e07898f253');
    for (const mode of TRANSPORT_MODES) expect(transportModeByCode(mode.code)).toBe(mode);
    expect(transportModeByCode('5')?.zh).toBe('航空运输');
  });

  it('package types: the 13 codes of the table', () => {
    expect(fingerprint(PACKAGE_TYPES.map((p) => p.code))).toBe('8d721d24b36123002fea88748d3c104d7dae427cd8c6090a6da6de6e1052ef53');
    for (const type of PACKAGE_TYPES) expect(packageTypeByCode(type.code)).toBe(type);
  });

  it('supervision modes: the 98 codes of the table plus 9710 and 9810, with the CBEC start dates', () => {
    const fromTable = SUPERVISION_MODES.map((m) => m.code).filter((c) => c !== '9710' && c !== '9810');
    expect(fingerprint(fromTable)).toBe('b8228c2f882f963f2a4f34b2e1b7047d40c061ab17ea3fac2afbb8ab202723bb');
    expect(SUPERVISION_MODES).toHaveLength(100);
    for (const mode of SUPERVISION_MODES) expect(supervisionModeByCode(mode.code)).toBe(mode);
    expect(supervisionModeByCode('9710')?.from).toBe('2020-07-01');
    expect(supervisionModeByCode('9810')?.from).toBe('2020-07-01');
    const dated = Object.fromEntries(SUPERVISION_MODES.filter((m) => m.from !== undefined).map((m) => [m.code, m.from]));
    expect(dated).toEqual(MODES_INTRODUCED);
  });

  it('customs districts: each row says where its code comes from', () => {
    for (const district of CUSTOMS_DISTRICTS) {
      expect(customsDistrictByCode(district.code)).toBe(district);
      expect(district.source).toMatch(/^\[[CPM]\] /);
    }
    expect(customsDistrictByCode('5141')?.zh).toBe('广州机场');
  });
});
