import fc from 'fast-check';
import { COUNTRIES } from '../domain/codes/index.js';
import type { Goods } from '../domain/model.js';
import { tariffLines } from '../domain/hs/nomenclature.js';
import { tariffRow, tariffRowsFor } from '../rules/tariff.js';

const ORIGINS = COUNTRIES.filter((c) => c.iso2 !== undefined && c.customs !== '142').map((c) => c.customs);

/** Options of {@link goods}. */
export interface GoodsOptions {
  /** Give the goods an account-book item number (itemRecordNo), as 1210/1239 goods need. */
  readonly bonded?: boolean;
}

let covered: string[] | undefined;

/** Tariff lines of both editions whose every built-in row gives a duty, so the goods are taxable on any day. */
function coveredLines(): string[] {
  if (covered) return covered;
  const later = new Set(tariffLines(2023));
  covered = tariffLines(2019).filter((line) => {
    const rows = tariffRowsFor(line);
    return later.has(line) && rows.length > 0 && rows.every((row) => row.duty !== undefined);
  });
  return covered;
}

/**
 * 10-digit HS codes of real goods the built-in tariff rows tax: an 8-digit tariff line of the 2019
 * and 2023 nomenclature that a row with a duty covers, and two digits of China's extension.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(hsCode(), (code) => tariffRow(code)?.duty !== undefined));
 * ```
 */
export function hsCode(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...coveredLines()), fc.integer({ min: 0, max: 99 })).map(([line, extension]) => line + String(extension).padStart(2, '0'));
}

/**
 * Products as customs knows them, with HS codes from the tariff table, a customs unit, a
 * country of origin other than China, and (for bonded goods) an item record number.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(goods({ bonded: true }), (g) => g.itemRecordNo !== undefined));
 * ```
 */
export function goods(options: GoodsOptions = {}): fc.Arbitrary<Goods> {
  return fc
    .record({
      itemNo: fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,6}$/),
      hsCode: hsCode(),
      unit: fc.constantFrom('011', '035', '122', '142'),
      originCountry: fc.constantFrom(...ORIGINS),
      barCode: fc.oneof(fc.constant('无'), fc.stringMatching(/^[0-9]{13}$/)),
      itemRecordNo: fc.integer({ min: 1, max: 99_999 }).map(String),
    })
    .map(({ itemRecordNo, ...g }) => {
      const name = tariffRow(g.hsCode)?.description.split(/[(,]/)[0]?.trim() ?? 'goods';
      return { ...g, itemName: name, gname: name, declarationElements: ['品牌', '型号'], ...(options.bonded === true && { itemRecordNo }) };
    });
}
