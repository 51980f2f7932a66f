/**
 * Customs districts (关区代码, JGS/T 18): the four-character codes of the districts this package's
 * channels, examples and defaults use. The full table (about a thousand districts) is not public
 * as data, so this is not a complete list: a scenario may name any four-character district, and
 * each row here says where its code is seen.
 */
import type { CodeName } from './code-name.js';
import { codeLookup } from './lookup.js';

/** A customs district and where its code comes from. */
export interface CustomsDistrict extends CodeName {
  /** Where the code is seen, with its confidence tag: [C] official, [P] peer code only, [M] widely repeated. */
  readonly source: string;
}

/** The customs districts cbec-sim names (not the full JGS/T 18 table). */
export const CUSTOMS_DISTRICTS: readonly CustomsDistrict[] = [
  { code: '2900', zh: '杭州关区', name: 'Hangzhou Customs', source: '[M] the Hangzhou district code (29xx) of customs-broker listings; the Hangzhou pilot-zone example' },
  { code: '5100', zh: '广州海关', name: 'Guangzhou Customs', source: '[M] the head code of the Guangzhou district (51xx) in customs-broker listings' },
  { code: '5141', zh: '广州机场', name: 'Guangzhou Baiyun Airport', source: '[P] peer CEB samples and a district dictionary in public code; the default of scenarios' },
];

/**
 * The district for a four-character code, when cbec-sim knows it; `undefined` otherwise (which
 * does not mean the district does not exist: see {@link CUSTOMS_DISTRICTS}).
 *
 * @example
 * ```ts
 * customsDistrictByCode('5141')?.name; // 'Guangzhou Baiyun Airport'
 * ```
 */
export const customsDistrictByCode: (code: string) => CustomsDistrict | undefined = /* @__PURE__ */ codeLookup(CUSTOMS_DISTRICTS, (d) => [d.code]);
