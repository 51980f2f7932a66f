import fc from 'fast-check';
import { COUNTRIES } from '../domain/codes/index.js';
import type { Goods } from '../domain/model.js';
import { TARIFF, tariffRow } from '../rules/tariff.js';

const ORIGINS = COUNTRIES.filter((c) => c.iso2 !== undefined && c.customs !== '142').map((c) => c.customs);

/** Options of {@link goods}. */
export interface GoodsOptions {
  /** Give the goods an account-book item number (itemRecordNo), as 1210/1239 goods need. */
  readonly bonded?: boolean;
}

/**
 * 10-digit HS codes covered by the tariff table: a `TARIFF` row's prefix completed with digits,
 * so `tariffRow(code)` finds a row and the tax rules can tax the goods.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(hsCode(), (code) => tariffRow(code) !== undefined));
 * ```
 */
export function hsCode(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...TARIFF.map((row) => row.prefix)), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }))
    .map(([prefix, digits]) => prefix + digits.slice(prefix.length).join(''));
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
