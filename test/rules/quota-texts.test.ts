import { describe, expect, it } from 'vitest';
import { createQuotaLedger } from '../../src/rules/quota.js';
import { RULES_2019 } from '../../src/rules/rule-sets.js';
import { money } from '../../src/money/money.js';
import { toEpoch } from '../../src/sim/clock.js';
import { ruleIssuesOf } from './rule-issues.js';

const AT = toEpoch('2019-03-15');

describe('the annual quota ledger says why, naming the buyer, the year, the amounts and the list', () => {
  it('refuses a list that would pass the annual limit: used, limit, this list and the total it would make', () => {
    const ledger = createQuotaLedger(RULES_2019);
    ledger.reserve({ buyerId: 'B1', invtNo: 'I1', at: AT, amount: money('25000.00') });
    expect(ledger.reserve({ buyerId: 'B1', invtNo: 'I2', at: AT, amount: money('1000.01') })).toEqual({
      ok: false,
      reason: "Buyer B1 has used 25,000.00 CNY of the 2019 annual limit of 26,000.00 CNY; this list's 1,000.01 CNY would make 26,000.01 CNY, so it must go as general trade.",
      remaining: money('1000'),
    });
  });

  it('reserves a list number once: another buyer, another year or another amount under the same number is an error', () => {
    const ledger = createQuotaLedger(RULES_2019);
    ledger.reserve({ buyerId: 'B1', invtNo: 'I1', at: AT, amount: money('2500.00') });
    const already = [['invtNo', 'I1', 'already reserved 2,500.00 CNY for buyer B1 in 2019; a list number reserves once, so give this list its own number.']];
    expect(ruleIssuesOf(() => ledger.reserve({ buyerId: 'B2', invtNo: 'I1', at: AT, amount: money('2500.00') }))).toEqual(already);
    expect(ruleIssuesOf(() => ledger.reserve({ buyerId: 'B1', invtNo: 'I1', at: toEpoch('2020-03-15'), amount: money('2500.00') }))).toEqual(already);
    expect(ruleIssuesOf(() => ledger.reserve({ buyerId: 'B1', invtNo: 'I1', at: AT, amount: money('2500.01') }))).toEqual(already);
    expect(ledger.reserve({ buyerId: 'B1', invtNo: 'I1', at: toEpoch('2019-12-31'), amount: money('2500') })).toEqual({ ok: true, remaining: money('23500') });
  });

  it('refuses to reserve or release a restored list again, and to restore one never reserved', () => {
    const ledger = createQuotaLedger(RULES_2019);
    ledger.reserve({ buyerId: 'B1', invtNo: 'I1', at: AT, amount: money('25000.00') });
    ledger.restore('I1');
    expect(ledger.reserve({ buyerId: 'B1', invtNo: 'I1', at: AT, amount: money('25000.00') })).toEqual({
      ok: false,
      reason: 'List I1 was restored (cancelled or returned); a list number reserves once, so declare a new list.',
      remaining: money('26000'),
    });
    expect(ruleIssuesOf(() => ledger.commit('I1'))).toEqual([['invtNo', 'I1', 'was restored (cancelled or returned) and cannot be released; declare a new list.']]);
    expect(ruleIssuesOf(() => ledger.restore('NOPE'))).toEqual([['invtNo', 'NOPE', 'has no quota reservation to restore; reserve it on declaration first.']]);
  });

  it('names every bad field of a reservation at once', () => {
    expect(ruleIssuesOf(() => createQuotaLedger(RULES_2019).reserve({ buyerId: '', invtNo: '', at: Number.POSITIVE_INFINITY, amount: money('1.001') }))).toEqual([
      ['buyerId', '', "must be the buyer's ID number."],
      ['invtNo', '', 'must be the inventory list number.'],
      ['at', Number.POSITIVE_INFINITY, 'must be finite epoch milliseconds.'],
      ['amount', money('1.001'), 'has fractions of a fen; round it to 2 decimal places (toFen()) first.'],
    ]);
  });

  it('has no quota under the postal regime without a fixed limit, and says how to give one', () => {
    expect(ruleIssuesOf(() => createQuotaLedger().reserve({ buyerId: 'B1', invtNo: 'X', at: toEpoch('2015-06-01'), amount: money('1') }))).toEqual([
      ['at', toEpoch('2015-06-01'), 'falls under RULES_POSTAL, which has no annual quota; reserve only under the CBEC rules (from 2016-04-08), or give the ledger a fixed annualLimit.'],
    ]);
    expect(createQuotaLedger({ annualLimit: '100' }).reserve({ buyerId: 'B1', invtNo: 'X', at: toEpoch('2015-06-01'), amount: money('100') })).toEqual({ ok: true, remaining: money('0') });
  });
});
