import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ruleDay } from '../../src/rules/day.js';
import { shanghaiDate, toEpoch } from '../../src/sim/clock.js';
import { RuleError } from '../../src/domain/errors.js';

describe('rule days in Asia/Shanghai', () => {
  it("take a plain 'YYYY-MM-DD' as it is, as the clock does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const plain = date.toISOString().slice(0, 10);
        expect(ruleDay(plain)).toBe(plain);
        expect(shanghaiDate(toEpoch(plain))).toBe(plain);
      }),
    );
  });

  it('read Dates, epoch ms and ISO date-times by the Beijing calendar', () => {
    expect(ruleDay(new Date('2018-12-31T16:00:00Z'))).toBe('2019-01-01');
    expect(ruleDay(Date.parse('2018-12-31T15:59:59.999Z'))).toBe('2018-12-31');
    expect(ruleDay('2019-06-01T23:30:00+08:00')).toBe('2019-06-01');
  });

  it.each(['2019-02-30', '2019-13-01', '2019-00-10', '2020-02-30', '1 June 2019', ''])('refuse %j, naming the field', (bad) => {
    expect(() => ruleDay(bad, 'releasedAt')).toThrow(RuleError);
    expect(() => ruleDay(bad, 'releasedAt')).toThrow(/releasedAt: /);
  });

  it('accept 29 February only in leap years', () => {
    expect(ruleDay('2020-02-29')).toBe('2020-02-29');
    expect(() => ruleDay('2019-02-29')).toThrow(/not a real calendar date/);
  });
});
