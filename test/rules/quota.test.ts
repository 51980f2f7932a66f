import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createQuotaLedger } from '../../src/rules/quota.js';
import { RULES_2016, RULES_2019 } from '../../src/rules/rule-sets.js';
import type { QuotaLedger } from '../../src/rules/types.js';
import { type Money, money, ZERO } from '../../src/money/money.js';
import { RuleError } from '../../src/domain/errors.js';
import { toEpoch } from '../../src/sim/clock.js';
import { amount } from '../../src/testing/amount.js';

const AT = toEpoch('2019-03-15');
const BUYER = '110101199001011234';

describe('annual quota ledger (个人年度交易限值, per buyer and calendar year in Asia/Shanghai)', () => {
  it('reserves on declaration and refuses a list that would pass 26,000, saying why', () => {
    const ledger = createQuotaLedger(RULES_2019);
    const first = ledger.reserve({ buyerId: BUYER, invtNo: 'I1', at: AT, amount: money('25000.00') });
    expect(first).toEqual({ ok: true, remaining: money('1000.00') });
    const second = ledger.reserve({ buyerId: BUYER, invtNo: 'I2', at: AT, amount: money('1000.01') });
    expect(second.ok).toBe(false);
    expect(second.ok === false && second.reason).toMatch(/used 25,000.00 CNY of the 2019 annual limit of 26,000.00 CNY.*26,000.01 CNY/);
    expect(second.remaining.toFixed(2)).toBe('1000.00');
    expect(ledger.used(BUYER, AT).toFixed(2)).toBe('25000.00');
    expect(ledger.reserve({ buyerId: BUYER, invtNo: 'I3', at: AT, amount: money('1000.00') })).toEqual({ ok: true, remaining: ZERO });
  });

  it('gives the amount back on restore (cancellation or return) and keeps it on commit (release)', () => {
    const ledger = createQuotaLedger({ annualLimit: '26000' });
    ledger.reserve({ buyerId: BUYER, invtNo: 'I1', at: AT, amount: money('3000.00') });
    ledger.reserve({ buyerId: BUYER, invtNo: 'I2', at: AT, amount: money('2000.00') });
    ledger.commit('I1');
    ledger.restore('I2');
    expect(ledger.used(BUYER, AT).toFixed(2)).toBe('3000.00');
    ledger.restore('I1'); // a return within the window
    expect(ledger.used(BUYER, AT).toFixed(2)).toBe('0.00');
  });

  it('is idempotent per list number', () => {
    const ledger = createQuotaLedger(RULES_2019);
    const entry = { buyerId: BUYER, invtNo: 'I1', at: AT, amount: money('3000.00') };
    ledger.reserve(entry);
    expect(ledger.reserve(entry)).toEqual({ ok: true, remaining: money('23000.00') });
    ledger.commit('I1');
    ledger.commit('I1');
    ledger.restore('I1');
    ledger.restore('I1');
    expect(ledger.used(BUYER, AT).toFixed(2)).toBe('0.00');
    expect(ledger.reserve(entry)).toMatchObject({ ok: false, reason: expect.stringMatching(/was restored.*declare a new list/) });
    expect(() => ledger.reserve({ ...entry, amount: money('1.00') })).toThrow(/invtNo: already reserved 3,000.00 CNY/);
  });

  it('counts each calendar year apart, by the Beijing date', () => {
    const ledger = createQuotaLedger(RULES_2019);
    const newYearBeijing = Date.parse('2019-12-31T16:30:00Z'); // 2020-01-01 00:30 in Shanghai
    ledger.reserve({ buyerId: BUYER, invtNo: 'I1', at: Date.parse('2019-12-31T15:00:00Z'), amount: money('26000.00') });
    expect(ledger.reserve({ buyerId: BUYER, invtNo: 'I2', at: newYearBeijing, amount: money('26000.00') }).ok).toBe(true);
    expect(ledger.used(BUYER, newYearBeijing).toFixed(2)).toBe('26000.00');
    expect(ledger.used('someone else', newYearBeijing).toFixed(2)).toBe('0.00');
  });

  it('takes the limit of the rule set in force when none is given, and has no quota under the postal regime', () => {
    const ledger = createQuotaLedger();
    expect(ledger.reserve({ buyerId: BUYER, invtNo: 'I1', at: toEpoch('2018-06-01'), amount: money('20000.00') }).remaining.toFixed(0)).toBe('0');
    expect(ledger.reserve({ buyerId: BUYER, invtNo: 'I2', at: toEpoch('2019-06-01'), amount: money('20000.00') }).remaining.toFixed(0)).toBe('6000');
    expect(() => ledger.reserve({ buyerId: BUYER, invtNo: 'I3', at: toEpoch('2015-06-01'), amount: money('1.00') })).toThrow(/at: falls under RULES_POSTAL/);
    expect(RULES_2016.annualLimit.toFixed(0)).toBe('20000');
  });

  it('refuses unknown lists, a commit after restore, and bad amounts, naming the field', () => {
    const ledger = createQuotaLedger(RULES_2019);
    expect(() => ledger.commit('NOPE')).toThrow(/invtNo: has no quota reservation to commit/);
    expect(() => ledger.restore('NOPE')).toThrow(RuleError);
    ledger.reserve({ buyerId: BUYER, invtNo: 'I1', at: AT, amount: money('1.00') });
    ledger.restore('I1');
    expect(() => ledger.commit('I1')).toThrow(/cannot be released/);
    expect(() => ledger.reserve({ buyerId: BUYER, invtNo: 'I9', at: AT, amount: money('-1') })).toThrow(/amount: is negative/);
    expect(() => ledger.reserve({ buyerId: '', invtNo: 'I9', at: Number.NaN, amount: money('1') })).toThrow(/buyerId.*\n.*at: must be finite/);
    expect(() => createQuotaLedger({ annualLimit: '-5' })).toThrow(/annualLimit: is negative/);
  });

  it('forgets a finished list but keeps what it moved in the yearly total', () => {
    const ledger = createQuotaLedger(RULES_2019);
    ledger.reserve({ buyerId: BUYER, invtNo: 'I1', at: AT, amount: money('3000.00') });
    ledger.reserve({ buyerId: BUYER, invtNo: 'I2', at: AT, amount: money('2000.00') });
    ledger.reserve({ buyerId: BUYER, invtNo: 'I3', at: AT, amount: money('500.00') });
    ledger.commit('I1');
    ledger.restore('I2');
    ['I1', 'I2', 'I3', 'NEVER-RESERVED'].forEach((invtNo) => ledger.forget(invtNo));
    expect(ledger.used(BUYER, AT).toFixed(2)).toBe('3500.00');
    expect(() => ledger.commit('I1')).toThrow(/has no quota reservation to commit/);
    expect(() => ledger.restore('I2')).toThrow(/has no quota reservation to restore/);
    ledger.commit('I3'); // an open reservation is not forgotten
    ledger.forget('I3');
    expect(ledger.used(BUYER, AT).toFixed(2)).toBe('3500.00');
  });
});

// Model-based: any sequence of reserve / commit / restore / forget keeps the ledger equal to a simple
// model and never above the limit.
const LIMIT = money('26000.00');
type State = 'reserved' | 'committed' | 'restored';
interface Model {
  readonly lists: Map<string, { buyerId: string; amount: Money; state: State }>;
  /** Committed amounts of forgotten lists, per buyer: still in the yearly total. */
  readonly forgotten: Map<string, Money>;
}
type Real = { ledger: QuotaLedger };
const BUYERS = ['A', 'B'];
const LISTS = ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8'];

function modelUsed(model: Model, buyerId: string): Money {
  let used = model.forgotten.get(buyerId) ?? ZERO;
  for (const l of model.lists.values()) if (l.buyerId === buyerId && l.state !== 'restored') used = used.plus(l.amount);
  return used;
}

function checkAgainstModel(model: Model, ledger: QuotaLedger): void {
  for (const buyerId of BUYERS) {
    const used = ledger.used(buyerId, AT);
    expect(used.eq(modelUsed(model, buyerId))).toBe(true);
    expect(used.lte(LIMIT)).toBe(true);
  }
}

class Reserve implements fc.Command<Model, Real> {
  constructor(
    readonly buyerId: string,
    readonly invtNo: string,
    readonly amount: Money,
  ) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const known = model.lists.get(this.invtNo);
    const entry = { buyerId: this.buyerId, invtNo: this.invtNo, at: AT, amount: this.amount };
    if (known && (known.buyerId !== this.buyerId || !known.amount.eq(this.amount))) {
      expect(() => real.ledger.reserve(entry)).toThrow(RuleError);
    } else if (known) {
      expect(real.ledger.reserve(entry).ok).toBe(known.state !== 'restored');
    } else {
      const fits = modelUsed(model, this.buyerId).plus(this.amount).lte(LIMIT);
      expect(real.ledger.reserve(entry).ok).toBe(fits);
      if (fits) model.lists.set(this.invtNo, { buyerId: this.buyerId, amount: this.amount, state: 'reserved' });
    }
    checkAgainstModel(model, real.ledger);
  }
  toString = () => `reserve(${this.buyerId}, ${this.invtNo}, ${this.amount.toFixed(2)})`;
}

class Commit implements fc.Command<Model, Real> {
  constructor(readonly invtNo: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const known = model.lists.get(this.invtNo);
    if (!known || known.state === 'restored') expect(() => real.ledger.commit(this.invtNo)).toThrow(RuleError);
    else {
      real.ledger.commit(this.invtNo);
      known.state = 'committed';
    }
    checkAgainstModel(model, real.ledger);
  }
  toString = () => `commit(${this.invtNo})`;
}

class Restore implements fc.Command<Model, Real> {
  constructor(readonly invtNo: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const known = model.lists.get(this.invtNo);
    if (!known) expect(() => real.ledger.restore(this.invtNo)).toThrow(RuleError);
    else {
      real.ledger.restore(this.invtNo);
      known.state = 'restored';
    }
    checkAgainstModel(model, real.ledger);
  }
  toString = () => `restore(${this.invtNo})`;
}

class Forget implements fc.Command<Model, Real> {
  constructor(readonly invtNo: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const known = model.lists.get(this.invtNo);
    real.ledger.forget(this.invtNo);
    if (known?.state === 'committed') model.forgotten.set(known.buyerId, (model.forgotten.get(known.buyerId) ?? ZERO).plus(known.amount));
    if (known !== undefined && known.state !== 'reserved') model.lists.delete(this.invtNo);
    checkAgainstModel(model, real.ledger);
  }
  toString = () => `forget(${this.invtNo})`;
}

const list = fc.constantFrom(...LISTS);
const commands = fc.commands(
  [
    fc.tuple(fc.constantFrom(...BUYERS), list, fc.oneof(amount('0.00', '15000.00'), fc.constantFrom(money('0.01'), money('13000.00'), money('13000.01'), money('26000.00')))).map(([b, i, a]) => new Reserve(b, i, a)),
    list.map((i) => new Commit(i)),
    list.map((i) => new Restore(i)),
    list.map((i) => new Forget(i)),
  ],
  { maxCommands: 40 },
);

describe('annual quota ledger properties', () => {
  it('matches the model and never passes the annual limit under any sequence of reserve / commit / restore / forget', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: { lists: new Map(), forgotten: new Map() }, real: { ledger: createQuotaLedger({ annualLimit: LIMIT }) } }), cmds);
      }),
    );
  });
});
