/**
 * Package types (包装种类代码) of declarations and CEB lists (`wrapType`).
 *
 * Source: the customs package-type code table of the declaration since 2018 (JGS-20 code set),
 * 13 codes, as listed in the repository ryanrong95/HXT (no licence stated; the codes are facts of
 * the customs code set). English names are this project's.
 */
import type { CodeName } from './code-name.js';
import { codeLookup } from './lookup.js';

/** Every package type of the customs table (13 rows). */
export const PACKAGE_TYPES: readonly CodeName[] = [
  { code: '00', zh: '散装', name: 'bulk' },
  { code: '01', zh: '裸装', name: 'unpacked' },
  { code: '04', zh: '球状罐类', name: 'spherical tank' },
  { code: '06', zh: '包/袋', name: 'bag or sack' },
  { code: '22', zh: '纸制或纤维板制盒/箱', name: 'box or case of paper or fibreboard' },
  { code: '23', zh: '木制或竹藤等植物性材料制盒/箱', name: 'box or case of wood, bamboo, rattan or other plant material' },
  { code: '29', zh: '其他材料制盒/箱', name: 'box or case of other material' },
  { code: '32', zh: '纸制或纤维板制桶', name: 'drum of paper or fibreboard' },
  { code: '33', zh: '木制或竹藤等植物性材料制桶', name: 'drum of wood, bamboo, rattan or other plant material' },
  { code: '39', zh: '其他材料制桶', name: 'drum of other material' },
  { code: '92', zh: '再生木托', name: 'recycled wooden pallet' },
  { code: '93', zh: '天然木托', name: 'natural wooden pallet' },
  { code: '99', zh: '其他包装', name: 'other packing' },
];

/**
 * The package type for a two-digit code (`'22'`); `undefined` when the table has no such code.
 *
 * @example
 * ```ts
 * packageTypeByCode('22')?.zh; // '纸制或纤维板制盒/箱'
 * ```
 */
export const packageTypeByCode: (code: string) => CodeName | undefined = /* @__PURE__ */ codeLookup(PACKAGE_TYPES, (p) => [p.code]);
