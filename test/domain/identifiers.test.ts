import { describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { formatGuid, formatInvtNo, formatPreNo, isGuid, isInvtNo, isOrderNo, isPreNo } from '../../src/domain/identifiers.js';
import { createRng } from '../../src/sim/rng.js';
import { fc } from '@fast-check/vitest';
import { countryByCode, currencyByCode } from '../../src/domain/codes/index.js';

describe('identifiers (docs/domain.md §2.3)', () => {
  it('formats preNo as B + date + 9-digit serial', () => {
    expect(formatPreNo('20190315', 42)).toBe('B20190315000000042');
    expect(isPreNo('B20190315000000042')).toBe(true);
    expect(isPreNo('B2019031500000042')).toBe(false);
  });

  it('formats invtNo as district + year + I/E + 9-digit serial', () => {
    expect(formatInvtNo('5141', 2019, 'I', 7)).toBe('51412019I000000007');
    expect(isInvtNo('51412019I000000007')).toBe(true);
    expect(isInvtNo('51412019X000000007')).toBe(false);
    expect(() => formatInvtNo('5141', 2019, 'E', 1e9)).toThrow(RangeError);
  });

  it('limits orderNo to 60 printable characters', () => {
    expect(isOrderNo('A'.repeat(60))).toBe(true);
    expect(isOrderNo('A'.repeat(61))).toBe(false);
    expect(isOrderNo('has space')).toBe(false);
  });

  test.prop([fc.integer()])('formats 36-character upper-case guids from seeded words', (seed) => {
    const guid = formatGuid(createRng(seed).words());
    expect(guid).toHaveLength(36);
    expect(isGuid(guid)).toBe(true);
  });

  it('knows currencies and countries by ISO and customs code', () => {
    expect(currencyByCode('usd')?.customs).toBe('502');
    expect(currencyByCode('142')?.iso).toBe('CNY');
    expect(countryByCode('JP')?.customs).toBe('116');
    expect(countryByCode('USA')?.customs).toBe('502');
    expect(countryByCode('XX')).toBeUndefined();
  });
});
