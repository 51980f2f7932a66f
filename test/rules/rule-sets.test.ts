import { describe, expect, it } from 'vitest';
import { defineRuleSet, RULE_SETS, RULES_2016, RULES_2019, RULES_POSTAL, rulesAt } from '../../src/rules/rule-sets.js';
import { modeAt, modesAt } from '../../src/rules/modes.js';
import { RuleError } from '../../src/domain/errors.js';

describe('rulesAt picks the rule set in force on the Shanghai calendar day', () => {
  it('uses the postal-articles tax before 2016-04-08 (the 2013 Guangzhou pilot) [M]', () => {
    expect(rulesAt('2013-09-01')).toBe(RULES_POSTAL);
    expect(rulesAt('2016-04-07')).toBe(RULES_POSTAL);
    expect(RULES_POSTAL.singleLimit.toFixed(2)).toBe('1000.00');
    expect(RULES_POSTAL.postal?.hmtSingleLimit.toFixed(2)).toBe('800.00');
    expect(RULES_POSTAL.postal?.waiverThreshold.toFixed(2)).toBe('50.00');
    expect(Object.values(RULES_POSTAL.postal?.rates ?? {}).map(String)).toEqual(['0.1', '0.2', '0.3', '0.5']);
  });

  it('uses 财关税〔2016〕18号 from 2016-04-08: 2,000 single, 20,000 annual, no single-item exception', () => {
    expect(rulesAt('2016-04-08')).toBe(RULES_2016);
    expect(rulesAt('2018-12-31')).toBe(RULES_2016);
    expect([RULES_2016.singleLimit, RULES_2016.annualLimit].map((m) => m.toFixed(0))).toEqual(['2000', '20000']);
    expect(RULES_2016.singleItemOverLimitAllowed).toBe(false);
  });

  it('uses 财关税〔2018〕49号 from 2019-01-01: 5,000 single, 26,000 annual, a single item may exceed', () => {
    expect(rulesAt('2019-01-01')).toBe(RULES_2019);
    expect([RULES_2019.singleLimit, RULES_2019.annualLimit].map((m) => m.toFixed(0))).toEqual(['5000', '26000']);
    expect(RULES_2019.singleItemOverLimitAllowed).toBe(true);
    expect(RULES_2019.withinLimitShare.toString()).toBe('0.7');
  });

  it('reads the day in Asia/Shanghai: 2018-12-31T16:00Z is already 2019-01-01 there', () => {
    expect(rulesAt('2018-12-31T16:00:00Z')).toBe(RULES_2019);
    expect(rulesAt(Date.parse('2018-12-31T15:59:59Z'))).toBe(RULES_2016);
    expect(rulesAt(new Date('2019-06-01T00:00:00Z'))).toBe(RULES_2019);
  });

  it('lists the built-in sets oldest first', () => {
    expect(RULE_SETS.map((r) => r.id)).toEqual(['RULES_POSTAL', 'RULES_2016', 'RULES_2019']);
  });

  it('refuses an impossible date or one before any rule set, naming date', () => {
    expect(() => rulesAt('2019-02-30')).toThrow(RuleError);
    expect(() => rulesAt('2019-02-30')).toThrow(/date: is not a real calendar date/);
    expect(() => rulesAt('2001-01-01')).toThrow(/date: is before the first built-in rule set/);
  });
});

describe('supervision modes by date (docs/domain.md §1): before a mode exists its flow is ordinary trade 0110', () => {
  it.each([
    ['9610', '2014-02-09', '0110'],
    ['9610', '2014-02-10', '9610'],
    ['1210', '2014-07-31', '0110'],
    ['1210', '2014-08-01', '1210'],
    ['1239', '2016-11-30', '0110'],
    ['1239', '2016-12-01', '1239'],
    ['9710', '2020-06-30', '0110'],
    ['9710', '2020-07-01', '9710'],
    ['9810', '2020-07-01', '9810'],
    ['0110', '2013-09-01', '0110'],
  ] as const)('declares %s on %s as %s', (wanted, date, expected) => {
    expect(modeAt(date, wanted)).toBe(expected);
  });

  it('lists the modes in force on a date', () => {
    expect(modesAt('2013-09-01')).toEqual(['0110']);
    expect(modesAt('2016-12-01')).toEqual(['0110', '9610', '1210', '1239']);
    expect(modesAt('2020-07-01', RULES_2019)).toEqual(['0110', '9610', '1210', '1239', '9710', '9810']);
  });

  it('lists modes of the same first day by code, ordinary trade once and first, and none before its day', () => {
    const whatIf = { modes: { '9810': '2020-07-01', '9710': '2020-07-01', '0110': '2000-01-01', '9610': '2021-01-01' } } as const;
    expect(modesAt('2020-07-01', whatIf)).toEqual(['0110', '9710', '9810']);
    expect(modesAt('2014-02-10')).toEqual(['0110', '9610']);
    expect(modesAt('2014-02-09')).toEqual(['0110']);
    expect(modeAt('2020-07-01', '9710', { modes: {} })).toBe('0110');
  });

  it("follows a what-if rule set's mode dates", () => {
    const early = defineRuleSet({ id: 'EARLY_B2B', base: RULES_2019, modes: { '9710': '2019-01-01' } });
    expect(modeAt('2019-06-01', '9710', early)).toBe('9710');
    expect(modeAt('2019-06-01', '9810', early)).toBe('0110');
  });
});

describe('defineRuleSet (what-if rule sets)', () => {
  it('starts from a base and replaces the fields given', () => {
    const rules = defineRuleSet({ id: 'WHATIF', base: RULES_2019, annualLimit: '50000', withinLimitShare: '1' });
    expect(rules.annualLimit.toFixed(0)).toBe('50000');
    expect(rules.singleLimit.eq(RULES_2019.singleLimit)).toBe(true);
    expect(rules.withinLimitShare.toString()).toBe('1');
    expect(Object.isFrozen(rules)).toBe(true);
  });

  it('builds a complete set without a base', () => {
    const rules = defineRuleSet({
      id: 'MINE',
      effectiveFrom: '2030-01-01',
      regime: 'cbec',
      singleLimit: '8000',
      annualLimit: '40000',
      withinLimitShare: '0.6',
      singleItemOverLimitAllowed: true,
    });
    expect(rules.modes['9810']).toBe('2020-07-01');
  });

  it('names every bad or missing field', () => {
    try {
      defineRuleSet({ id: '', effectiveFrom: '2030-02-30', regime: 'cbec', singleLimit: '-1', withinLimitShare: '1.2', modes: { '9999': 'soon' } as never });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      expect((e as RuleError).issues.map((i) => i.path.join('.'))).toEqual([
        'id',
        'effectiveFrom',
        'singleLimit',
        'annualLimit',
        'withinLimitShare',
        'singleItemOverLimitAllowed',
        'modes.9999',
      ]);
    }
  });

  it('needs postal terms for the postal regime, and checks their rates', () => {
    expect(() => defineRuleSet({ id: 'P', base: RULES_2016, regime: 'postal' })).toThrow(/postal\.rates\[1\]: is missing/);
    expect(() => defineRuleSet({ id: 'P', base: RULES_POSTAL, postal: { rates: { 4: '1.5' } } })).toThrow(/postal\.rates\[4\]/);
    const cheaper = defineRuleSet({ id: 'P', base: RULES_POSTAL, postal: { waiverThreshold: '0' } });
    expect(cheaper.postal?.waiverThreshold.toString()).toBe('0');
    expect(cheaper.postal?.rates[4].toString()).toBe('0.5');
  });
});
