import type { DriveStep } from '../channels/drive.js';
import type { QuotaMovement } from '../channels/effects.js';
import { formatCny, money, ZERO, type Money, type MoneyInput } from '../money/money.js';
import { rulesAt } from '../rules/rule-sets.js';
import { shanghaiDate } from '../sim/clock.js';
import type { Violation } from './violation.js';

/** Options of {@link quotaWithinLimit}. */
export interface QuotaLimitOptions {
  /** A fixed annual limit; by default the limit of the rule set in force at each reservation. */
  readonly annualLimit?: MoneyInput;
}

/**
 * The buyer's annual quota is never above the limit: replaying the quota movements a ledger
 * applied (reserve adds a list's amount to its buyer's calendar year, Asia/Shanghai; restore
 * gives it back; repeats change nothing), no buyer's total for a year ever passes the annual
 * limit. Pass the movements the ledger accepted: a reservation it refused is not a movement
 * (see {@link quotaMovements}).
 *
 * @returns one violation per reservation that took a buyer over the limit
 * @example
 * ```ts
 * quotaWithinLimit(quotaMovements(driver.steps), { annualLimit: '26000' }); // []
 * ```
 */
export function quotaWithinLimit(movements: Iterable<QuotaMovement>, options: QuotaLimitOptions = {}): Violation[] {
  const fixed = options.annualLimit === undefined ? undefined : money(options.annualLimit);
  const found: Violation[] = [];
  const totals = new Map<string, Money>();
  const held = new Map<string, { key: string; amount: Money }>();
  for (const m of movements) {
    if (m.op === 'commit') continue;
    if (m.op === 'restore') {
      const h = held.get(m.invtNo);
      if (h) totals.set(h.key, (totals.get(h.key) ?? ZERO).minus(h.amount));
      held.delete(m.invtNo);
      continue;
    }
    if (held.has(m.invtNo)) continue;
    const year = shanghaiDate(m.at).slice(0, 4);
    const key = `${year}\u0000${m.buyerId}`;
    const total = (totals.get(key) ?? ZERO).plus(m.amount);
    totals.set(key, total);
    held.set(m.invtNo, { key, amount: m.amount });
    const limit = fixed ?? rulesAt(m.at).annualLimit;
    if (total.gt(limit)) {
      found.push({
        invariant: 'quota-within-limit',
        subject: m.buyerId,
        message: `list ${m.invtNo} took buyer ${m.buyerId} to ${formatCny(total)} CNY in ${year}, over the annual limit of ${formatCny(limit)} CNY.`,
      });
    }
  }
  return found;
}

/**
 * The quota movements of a driver's steps that a ledger would have applied: a reservation that a
 * later QUOTA_REFUSED step refused is left out.
 *
 * @example
 * ```ts
 * quotaMovements(runAutopilot(machine, { order }, plan).steps);
 * ```
 */
export function quotaMovements(steps: readonly DriveStep[]): QuotaMovement[] {
  const out: QuotaMovement[] = [];
  for (const step of steps) {
    if (step.event.type === 'QUOTA_REFUSED') {
      const last = out.map((m) => m.op).lastIndexOf('reserve');
      if (last >= 0) out.splice(last, 1);
    }
    for (const e of step.effects) if (e.type === 'quota') out.push(e);
  }
  return out;
}
