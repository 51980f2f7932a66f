/**
 * The buyer's annual CBEC quota (个人年度交易限值): a ledger per buyer ID and calendar year
 * (Asia/Shanghai) that never lets a buyer's reserved and committed total pass the annual limit.
 */
import type { Money, MoneyInput } from '../money/money.js';
import type { QuotaDecision, QuotaLedger, RuleSet } from './types.js';
import { RuleError } from '../domain/errors.js';
import { formatCny, MoneyDecimal, ZERO } from '../money/money.js';
import { RuleIssues } from './issues.js';
import { rulesAt } from './rule-sets.js';
import { shanghaiDate } from '../sim/clock.js';

interface Entry {
  readonly buyerId: string;
  readonly year: string;
  readonly amount: Money;
  state: 'reserved' | 'committed' | 'restored';
}

/**
 * Creates an empty {@link QuotaLedger}.
 *
 * - `reserve` on declaration: refused (with the reason) when the buyer's total for the calendar
 *   year would pass the annual limit; nothing is recorded then.
 * - `commit` on release; `restore` on cancellation or on a return within the window (the caller
 *   decides the window: 30 days to apply, docs/domain.md §5). A restored list gives its amount back.
 * - Idempotent per list number (`invtNo`): repeating a call changes nothing; a list number that was
 *   restored cannot reserve again; the same number with another buyer or amount is refused.
 * - `forget` once the list is finished: a committed or restored list has already moved its buyer's
 *   yearly total, so its entry is dropped. The ledger then holds the lists in flight and one total
 *   per buyer and year, however many lists it has seen.
 *
 * @param limit - a fixed annual limit (`RULES_2019`, or `{ annualLimit: '26000' }`); by default
 *   the limit of the built-in rule set in force at each reservation (`rulesAt(at)`)
 * @throws {@link RuleError} from `reserve` for a bad amount, buyer or list number, or a date under
 *   the postal regime (no annual quota before 2016-04-08); from `commit`/`restore` for an unknown
 *   (or forgotten) list
 * @example
 * ```ts
 * const ledger = createQuotaLedger(RULES_2019);
 * const at = toEpoch('2019-03-15');
 * ledger.reserve({ buyerId: '110101199001011234', invtNo: 'I1', at, amount: money('25000') }); // { ok: true, remaining: 1000 }
 * ledger.reserve({ buyerId: '110101199001011234', invtNo: 'I2', at, amount: money('2000') }).ok; // false
 * ledger.restore('I1');
 * ledger.used('110101199001011234', at).toString(); // '0'
 * ledger.forget('I1'); // the list is finished: its entry goes, the yearly total stays
 * ```
 */
export function createQuotaLedger(limit?: Pick<RuleSet, 'annualLimit'> | { readonly annualLimit: MoneyInput }): QuotaLedger {
  const fixed = limit === undefined ? undefined : readLimit(limit.annualLimit);
  const entries = new Map<string, Entry>();
  const totals = new Map<string, Money>();
  const key = (buyerId: string, year: string) => `${year}\u0000${buyerId}`;
  const usedIn = (buyerId: string, year: string) => totals.get(key(buyerId, year)) ?? ZERO;
  const post = (entry: Entry, sign: 1 | -1) => totals.set(key(entry.buyerId, entry.year), usedIn(entry.buyerId, entry.year).plus(entry.amount.times(sign)));
  const remaining = (annualLimit: Money, used: Money) => MoneyDecimal.max(ZERO, annualLimit.minus(used));

  const find = (invtNo: string, action: string): Entry => {
    const entry = entries.get(invtNo);
    if (!entry) throw new RuleError([{ path: ['invtNo'], value: invtNo, reason: `has no quota reservation to ${action}; reserve it on declaration first.` }]);
    return entry;
  };

  return {
    reserve({ buyerId, invtNo, at, amount }): QuotaDecision {
      const issues = new RuleIssues();
      if (typeof buyerId !== 'string' || buyerId === '') issues.add(['buyerId'], buyerId, "must be the buyer's ID number.");
      if (typeof invtNo !== 'string' || invtNo === '') issues.add(['invtNo'], invtNo, 'must be the inventory list number.');
      if (!Number.isFinite(at)) issues.add(['at'], at, 'must be finite epoch milliseconds.');
      const [checkedAmount] = issues.checked([issues.fen(amount, ['amount'])]);
      const year = shanghaiDate(at).slice(0, 4);
      const annualLimit = fixed ?? cbecAnnualLimit(at);
      const used = usedIn(buyerId, year);

      const existing = entries.get(invtNo);
      if (existing) {
        if (existing.buyerId !== buyerId || existing.year !== year || !existing.amount.eq(checkedAmount)) {
          throw new RuleError([{ path: ['invtNo'], value: invtNo, reason: `already reserved ${formatCny(existing.amount)} CNY for buyer ${existing.buyerId} in ${existing.year}; a list number reserves once, so give this list its own number.` }]);
        }
        if (existing.state === 'restored') {
          return { ok: false, reason: `List ${invtNo} was restored (cancelled or returned); a list number reserves once, so declare a new list.`, remaining: remaining(annualLimit, used) };
        }
        return { ok: true, remaining: remaining(annualLimit, used) };
      }
      const after = used.plus(checkedAmount);
      if (after.gt(annualLimit)) {
        return {
          ok: false,
          reason: `Buyer ${buyerId} has used ${formatCny(used)} CNY of the ${year} annual limit of ${formatCny(annualLimit)} CNY; this list's ${formatCny(checkedAmount)} CNY would make ${formatCny(after)} CNY, so it must go as general trade.`,
          remaining: remaining(annualLimit, used),
        };
      }
      const entry: Entry = { buyerId, year, amount: checkedAmount, state: 'reserved' };
      entries.set(invtNo, entry);
      post(entry, 1);
      return { ok: true, remaining: remaining(annualLimit, after) };
    },

    commit(invtNo) {
      const entry = find(invtNo, 'commit');
      if (entry.state === 'restored') {
        throw new RuleError([{ path: ['invtNo'], value: invtNo, reason: 'was restored (cancelled or returned) and cannot be released; declare a new list.' }]);
      }
      entry.state = 'committed';
    },

    restore(invtNo) {
      const entry = find(invtNo, 'restore');
      if (entry.state === 'restored') return;
      entry.state = 'restored';
      post(entry, -1);
    },

    forget(invtNo) {
      if (entries.get(invtNo)?.state !== 'reserved') entries.delete(invtNo);
    },

    used: (buyerId, at) => usedIn(buyerId, shanghaiDate(at).slice(0, 4)),
  };
}

function readLimit(value: MoneyInput): Money {
  const issues = new RuleIssues();
  return issues.checked([issues.fen(value, ['annualLimit'])])[0];
}

function cbecAnnualLimit(at: number): Money {
  const rules = rulesAt(at);
  if (rules.regime !== 'cbec') {
    throw new RuleError([{ path: ['at'], value: at, reason: `falls under ${rules.id}, which has no annual quota; reserve only under the CBEC rules (from 2016-04-08), or give the ledger a fixed annualLimit.` }]);
  }
  return rules.annualLimit;
}
