/**
 * Currencies (币制代码): the customs three-digit code CEB messages carry and the ISO 4217 code.
 *
 * Sources: the customs currency code table (JGS-20 code set) as listed in the repository
 * rhj-python/customs_edi (no licence stated; the codes themselves are facts of the customs code
 * set), 32 rows, with 398 (clearing Swiss franc) from the same code set as listed in
 * jin123456bat/weigou; and the ISO-coded currencies of the customs declaration since 2018 as
 * listed in ryanrong95/HXT, which adds IDR and KRW (no three-digit code). ISO codes were checked
 * against ISO 4217 with the npm library currency-codes; the eight euro-area currencies replaced in
 * 2002 keep their withdrawn ISO codes.
 */
import { codeLookup } from './lookup.js';

/** A currency in the customs table. */
export interface Currency {
  /** Customs three-digit code, e.g. `'502'`; absent for currencies the three-digit table lacks. */
  readonly customs?: string;
  /** ISO 4217 alphabetic code, e.g. `'USD'`; absent for the clearing Swiss franc (398). */
  readonly iso?: string;
  /** Chinese name. */
  readonly zh: string;
  /** English name. */
  readonly name: string;
  /** The currency that replaced it, for currencies no longer in use. */
  readonly replacedBy?: string;
}

/** Every currency of the customs tables (35 rows). */
export const CURRENCIES: readonly Currency[] = [
  { customs: '110', iso: 'HKD', zh: '港币', name: 'Hong Kong Dollar' },
  { customs: '113', iso: 'IRR', zh: '伊朗里亚尔', name: 'Iranian Rial' },
  { customs: '116', iso: 'JPY', zh: '日本元', name: 'Yen' },
  { customs: '118', iso: 'KWD', zh: '科威特第纳尔', name: 'Kuwaiti Dinar' },
  { customs: '121', iso: 'MOP', zh: '澳门元', name: 'Pataca' },
  { customs: '122', iso: 'MYR', zh: '马来西亚林吉特', name: 'Malaysian Ringgit' },
  { customs: '127', iso: 'PKR', zh: '巴基斯坦卢比', name: 'Pakistan Rupee' },
  { customs: '129', iso: 'PHP', zh: '菲律宾比索', name: 'Philippine Peso' },
  { customs: '132', iso: 'SGD', zh: '新加坡元', name: 'Singapore Dollar' },
  { customs: '136', iso: 'THB', zh: '泰国铢', name: 'Baht' },
  { customs: '142', iso: 'CNY', zh: '人民币', name: 'Yuan Renminbi' },
  { customs: '143', iso: 'TWD', zh: '台币', name: 'New Taiwan Dollar' },
  { customs: '201', iso: 'DZD', zh: '阿尔及利亚第纳尔', name: 'Algerian Dinar' },
  { customs: '300', iso: 'EUR', zh: '欧元', name: 'Euro' },
  { customs: '301', iso: 'BEF', zh: '比利时法郎', name: 'Belgian franc', replacedBy: 'EUR' },
  { customs: '302', iso: 'DKK', zh: '丹麦克朗', name: 'Danish Krone' },
  { customs: '303', iso: 'GBP', zh: '英镑', name: 'Pound Sterling' },
  { customs: '304', iso: 'DEM', zh: '德国马克', name: 'Deutsche Mark', replacedBy: 'EUR' },
  { customs: '305', iso: 'FRF', zh: '法国法郎', name: 'French franc', replacedBy: 'EUR' },
  { customs: '307', iso: 'ITL', zh: '意大利里拉', name: 'Italian lira', replacedBy: 'EUR' },
  { customs: '309', iso: 'NLG', zh: '荷兰盾', name: 'Dutch guilder', replacedBy: 'EUR' },
  { customs: '312', iso: 'ESP', zh: '西班牙比塞塔', name: 'Spanish peseta', replacedBy: 'EUR' },
  { customs: '315', iso: 'ATS', zh: '奥地利先令', name: 'Austrian schilling', replacedBy: 'EUR' },
  { customs: '318', iso: 'FIM', zh: '芬兰马克', name: 'Finnish markka', replacedBy: 'EUR' },
  { customs: '326', iso: 'NOK', zh: '挪威克朗', name: 'Norwegian Krone' },
  { customs: '330', iso: 'SEK', zh: '瑞典克朗', name: 'Swedish Krona' },
  { customs: '331', iso: 'CHF', zh: '瑞士法郎', name: 'Swiss Franc' },
  { customs: '332', iso: 'RUB', zh: '俄罗斯卢布', name: 'Russian Ruble' },
  { customs: '398', zh: '记帐瑞士法郎', name: 'Swiss franc for clearing accounts' },
  { customs: '501', iso: 'CAD', zh: '加拿大元', name: 'Canadian Dollar' },
  { customs: '502', iso: 'USD', zh: '美元', name: 'US Dollar' },
  { customs: '601', iso: 'AUD', zh: '澳大利亚元', name: 'Australian Dollar' },
  { customs: '609', iso: 'NZD', zh: '新西兰元', name: 'New Zealand Dollar' },
  { iso: 'IDR', zh: '印度尼西亚卢比', name: 'Rupiah' },
  { iso: 'KRW', zh: '韩国圆', name: 'Won' },
];

/**
 * The currency for an ISO (`'USD'`) or customs (`'502'`) code, in any case; `undefined` when the
 * customs tables do not have it.
 *
 * @example
 * ```ts
 * currencyByCode('usd')?.customs; // '502'
 * currencyByCode('142')?.iso; // 'CNY'
 * ```
 */
export const currencyByCode: (code: string) => Currency | undefined = /* @__PURE__ */ codeLookup(CURRENCIES, (c) => [c.customs, c.iso]);
