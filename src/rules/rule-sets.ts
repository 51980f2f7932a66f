/**
 * Retail-import rule sets by effective date: the postal-articles tax before 2016-04-08, then the
 * CBEC retail-import policy of 2016 and 2019 (docs/domain.md §4.1), and users' own what-if sets.
 */
import type { TradeMode } from '../domain/model.js';
import type { Money, MoneyInput } from '../money/money.js';
import type { PostalCategory, PostalTerms, RuleSet } from './types.js';
import { RuleError } from '../domain/errors.js';
import { RuleIssues } from './issues.js';
import { ruleDay } from './day.js';
import { MODES_INTRODUCED } from './modes.js';

/** What {@link defineRuleSet} accepts: every field of a {@link RuleSet}, amounts as text or Decimals. */
export interface RuleSetSpec {
  /** Short identifier of the new set. */
  readonly id: string;
  /** A rule set to start from; fields given here replace its fields. */
  readonly base?: RuleSet;
  readonly effectiveFrom?: string;
  readonly regime?: RuleSet['regime'];
  readonly singleLimit?: MoneyInput;
  readonly annualLimit?: MoneyInput;
  /** A fraction in [0, 1]: 0.7 charges 70% of the statutory VAT and consumption tax. */
  readonly withinLimitShare?: MoneyInput;
  readonly singleItemOverLimitAllowed?: boolean;
  /** Merged over the base's modes: mode code -> first day in force. */
  readonly modes?: Readonly<Partial<Record<TradeMode, string>>>;
  /** Merged over the base's postal terms; required (here or in `base`) for the postal regime. */
  readonly postal?: {
    readonly rates?: Readonly<Partial<Record<PostalCategory, MoneyInput>>>;
    readonly waiverThreshold?: MoneyInput;
    readonly hmtSingleLimit?: MoneyInput;
  };
}

const TRADE_MODES: readonly TradeMode[] = ['9610', '1210', '1239', '9710', '9810', '0110'];
const POSTAL_CATEGORIES: readonly PostalCategory[] = [1, 2, 3, 4];

/**
 * Checks a rule set and builds it, for "what if" questions: start from a built-in set with `base`
 * and change what you want to test.
 *
 * @throws {@link RuleError} listing every bad or missing field by name
 * @example
 * ```ts
 * const higher = defineRuleSet({ id: 'WHATIF_8000', base: RULES_2019, singleLimit: '8000' });
 * retailImportTax({ date: '2024-06-01', rules: higher, lines: [...] });
 * ```
 */
export function defineRuleSet(spec: RuleSetSpec): RuleSet {
  const issues = new RuleIssues();
  const base = spec.base;
  const need = <K extends keyof RuleSetSpec & keyof RuleSet>(key: K): NonNullable<RuleSetSpec[K]> | RuleSet[K] | undefined => {
    const value = spec[key] ?? base?.[key];
    if (value === undefined) issues.add([key], undefined, `is missing; give it, or pass \`base\` (e.g. RULES_2019) to start from.`);
    return value;
  };

  if (typeof spec.id !== 'string' || spec.id.trim() === '') issues.add(['id'], spec.id, 'must be a non-empty name such as "WHATIF_8000".');
  const effectiveFromText = need('effectiveFrom');
  const effectiveFrom = effectiveFromText === undefined ? undefined : issues.day(effectiveFromText, ['effectiveFrom']);
  const regime = need('regime');
  if (regime !== undefined && regime !== 'cbec' && regime !== 'postal') issues.add(['regime'], regime, "must be 'cbec' or 'postal'.");
  const singleLimit = amountField(issues, need('singleLimit'), 'singleLimit');
  const annualLimit = amountField(issues, need('annualLimit'), 'annualLimit');
  const shareInput = need('withinLimitShare');
  const withinLimitShare = shareInput === undefined ? undefined : issues.nonNegative(shareInput, ['withinLimitShare']);
  if (withinLimitShare?.gt(1)) issues.add(['withinLimitShare'], shareInput, 'must be at most 1 (1 charges the full statutory tax).');
  const singleItemOverLimitAllowed = need('singleItemOverLimitAllowed');
  const modes = { ...(base?.modes ?? MODES_INTRODUCED), ...spec.modes };
  for (const [mode, from] of Object.entries(modes)) {
    if (!TRADE_MODES.includes(mode as TradeMode)) issues.add(['modes', mode], mode, `is not a supervision mode; use one of ${TRADE_MODES.join(', ')}.`);
    else if (typeof from !== 'string') issues.add(['modes', mode], from, "must be the first day in force, 'YYYY-MM-DD'.");
    else issues.day(from, ['modes', mode]);
  }
  const postal = regime === 'postal' || spec.postal !== undefined ? postalTerms(issues, spec.postal, base?.postal) : undefined;
  const [id, from, regimeOk, single, annual, share, singleItem] = issues.checked([
    spec.id,
    effectiveFrom,
    regime,
    singleLimit,
    annualLimit,
    withinLimitShare,
    singleItemOverLimitAllowed,
  ] as const);
  return Object.freeze({
    id,
    effectiveFrom: from,
    regime: regimeOk,
    singleLimit: single,
    annualLimit: annual,
    withinLimitShare: share,
    singleItemOverLimitAllowed: singleItem,
    modes: Object.freeze(modes),
    ...(postal ? { postal } : {}),
  });
}

function amountField(issues: RuleIssues, value: MoneyInput | undefined, key: string): Money | undefined {
  return value === undefined ? undefined : issues.fen(value, [key]);
}

function postalTerms(issues: RuleIssues, spec: RuleSetSpec['postal'], base: PostalTerms | undefined): PostalTerms | undefined {
  const rates: Partial<Record<PostalCategory, Money>> = {};
  for (const category of POSTAL_CATEGORIES) {
    const value = spec?.rates?.[category] ?? base?.rates[category];
    if (value === undefined) issues.add(['postal', 'rates', category], undefined, 'is missing; the postal regime needs a rate for each category 1 to 4.');
    const rate = value === undefined ? undefined : issues.rate(value, ['postal', 'rates', category]);
    if (rate) rates[category] = rate;
  }
  const waiver = spec?.waiverThreshold ?? base?.waiverThreshold;
  const hmt = spec?.hmtSingleLimit ?? base?.hmtSingleLimit;
  if (waiver === undefined) issues.add(['postal', 'waiverThreshold'], undefined, 'is missing; give the tax amount at or below which it is waived (50).');
  if (hmt === undefined) issues.add(['postal', 'hmtSingleLimit'], undefined, 'is missing; give the parcel limit for Hong Kong, Macao and Taiwan (800).');
  const waiverThreshold = waiver === undefined ? undefined : issues.fen(waiver, ['postal', 'waiverThreshold']);
  const hmtSingleLimit = hmt === undefined ? undefined : issues.fen(hmt, ['postal', 'hmtSingleLimit']);
  if (!waiverThreshold || !hmtSingleLimit || POSTAL_CATEGORIES.some((c) => rates[c] === undefined)) return undefined;
  return Object.freeze({ rates: Object.freeze(rates as Record<PostalCategory, Money>), waiverThreshold, hmtSingleLimit });
}

/**
 * The postal-articles tax (行邮税) regime, the default for dates before 2016-04-08 [M]:
 * categories taxed at 10 / 20 / 30 / 50%, the tax waived when it is at most 50 CNY, a parcel
 * limit of 1,000 CNY (800 CNY from Hong Kong, Macao or Taiwan) unless the parcel is one
 * indivisible item (海关总署公告2010年第43号, in force 2010-09-01). No annual limit.
 * `withinLimitShare` is 1: the postal tax has no reduced share.
 */
export const RULES_POSTAL: RuleSet = /* @__PURE__ */ defineRuleSet({
  id: 'RULES_POSTAL',
  effectiveFrom: '2010-09-01',
  regime: 'postal',
  singleLimit: '1000.00',
  annualLimit: '0.00',
  withinLimitShare: '1',
  singleItemOverLimitAllowed: true,
  postal: { rates: { 1: '0.10', 2: '0.20', 3: '0.30', 4: '0.50' }, waiverThreshold: '50.00', hmtSingleLimit: '800.00' },
});

/**
 * The CBEC retail-import policy of 财关税〔2016〕18号, in force 2016-04-08 [C]: single limit
 * 2,000 CNY, annual 20,000 CNY; within them duty 0 and 70% of VAT and consumption tax; anything
 * above, including a single indivisible item, is general trade.
 */
export const RULES_2016: RuleSet = /* @__PURE__ */ defineRuleSet({
  id: 'RULES_2016',
  effectiveFrom: '2016-04-08',
  regime: 'cbec',
  singleLimit: '2000.00',
  annualLimit: '20000.00',
  withinLimitShare: '0.7',
  singleItemOverLimitAllowed: false,
});

/**
 * The CBEC retail-import policy of 财关税〔2018〕49号, in force 2019-01-01 [C]: single limit
 * 5,000 CNY, annual 26,000 CNY; one indivisible item above the single limit but within the annual
 * allowance may still come in by CBEC, taxed in full (route `cbec-full`).
 */
export const RULES_2019: RuleSet = /* @__PURE__ */ defineRuleSet({ id: 'RULES_2019', base: RULES_2016, effectiveFrom: '2019-01-01', singleLimit: '5000.00', annualLimit: '26000.00', singleItemOverLimitAllowed: true });

/** The built-in rule sets, oldest first. */
export const RULE_SETS: readonly RuleSet[] = /* @__PURE__ */ Object.freeze([RULES_POSTAL, RULES_2016, RULES_2019]);

/**
 * The built-in rule set in force on `date` (Asia/Shanghai calendar day).
 *
 * @throws {@link RuleError} naming `date` when it is not a real date or is before 2010-09-01
 * @example
 * ```ts
 * rulesAt('2013-09-01').id; // 'RULES_POSTAL'
 * rulesAt('2019-01-01').id; // 'RULES_2019'
 * ```
 */
export function rulesAt(date: Date | string | number): RuleSet {
  const day = ruleDay(date);
  const found = [...RULE_SETS].reverse().find((rules) => rules.effectiveFrom <= day);
  if (!found) {
    throw new RuleError([{ path: ['date'], value: date, reason: `is before the first built-in rule set (${RULES_POSTAL.effectiveFrom}); pass \`rules\` for earlier dates.` }]);
  }
  return found;
}
