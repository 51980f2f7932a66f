/**
 * Supervision modes (监管方式) by date: a channel's code exists only from the announcement that
 * created it; before that the same flow was declared as ordinary trade, 0110 (docs/domain.md §1).
 */
import type { TradeMode } from '../domain/model.js';
import type { RuleSet } from './types.js';
import { ruleDay } from './day.js';
import { CBEC_MODE_STARTS } from '../domain/codes/cbec-modes.js';

/**
 * The first day (Asia/Shanghai) each CBEC supervision mode was in force [C]: 9610 by GACC
 * Announcement 2014 No.12, 1210 by 2014 No.57, 1239 by 2016 No.75, 9710 and 9810 by 2020 No.75
 * (pilot districts first). Ordinary trade, 0110, is always available and not listed.
 */
export const MODES_INTRODUCED: Readonly<Partial<Record<TradeMode, string>>> = /* @__PURE__ */ Object.freeze({ ...CBEC_MODE_STARTS });

/**
 * The supervision mode a flow is declared under on `date`: `wanted` once it is in force, ordinary
 * trade `'0110'` before (a 2013 B2B export goes out as 0110, a 2021 one as 9710).
 *
 * @param date - the declaration date; a Date, epoch ms, ISO date-time or `'YYYY-MM-DD'` (Shanghai)
 * @param wanted - the channel's mode code
 * @param rules - a rule set whose `modes` to use (a what-if); default {@link MODES_INTRODUCED}
 * @throws {@link RuleError} naming `date` when it is not a real date
 * @example
 * ```ts
 * modeAt('2014-07-31', '1210'); // '0110'
 * modeAt('2014-08-01', '1210'); // '1210'
 * ```
 */
export function modeAt(date: Date | string | number, wanted: TradeMode, rules?: Pick<RuleSet, 'modes'>): TradeMode {
  if (wanted === '0110') return wanted;
  const from = (rules?.modes ?? MODES_INTRODUCED)[wanted];
  return from !== undefined && from <= ruleDay(date) ? wanted : '0110';
}

/**
 * Every supervision mode in force on `date`: ordinary trade `'0110'` first, then the others in the
 * order they came into force.
 *
 * @example
 * ```ts
 * modesAt('2016-12-01'); // ['0110', '9610', '1210', '1239']
 * ```
 */
export function modesAt(date: Date | string | number, rules?: Pick<RuleSet, 'modes'>): TradeMode[] {
  const day = ruleDay(date);
  const modes = Object.entries(rules?.modes ?? MODES_INTRODUCED)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] <= day)
    .sort(([a, fromA], [b, fromB]) => fromA.localeCompare(fromB) || a.localeCompare(b))
    .map(([mode]) => mode as TradeMode);
  return ['0110', ...modes.filter((m) => m !== '0110')];
}
