import { describe, expect, it } from 'vitest';
import { line, list } from './summary-fixtures.js';
import { fc, test } from '@fast-check/vitest';
import { summarise, SummaryBuilder, SUMMARY_RULE_2016, type CountedSummaryApplication, type SummaryApplication, type SummaryCandidate } from '../../src/customs/summary.js';
import { shanghaiDate, toEpoch } from '../../src/sim/clock.js';
import { amount } from '../../src/testing/amount.js';



/** An application as plain data, amounts as text, with the list numbers counted. */
function counted({ invtNos, ...application }: SummaryApplication): ReturnType<typeof plain> {
  return plain({ ...application, lists: invtNos.length });
}

function plain(application: CountedSummaryApplication) {
  return { ...application, lines: application.lines.map((l) => ({ ...l, totalPrice: l.totalPrice.toFixed(2) })) };
}

describe('summary builder (CEB701 applications counted as lists are released)', () => {
  it('counts each month apart, groups by the merge keys and merges lines by destination, HS and currency', () => {
    const builder = new SummaryBuilder();
    builder.add(list('C1', '2019-06-01'));
    builder.add(list('A2', '2019-05-20', { lines: [line('6109100021', '50.00'), line('6404199000', '80.00')] }));
    builder.add(list('B1', '2019-05-10', { destinationCountry: '303' }));
    builder.add(list('A1', '2019-05-03'));
    const apps = builder.applications();
    expect(apps.map((a) => [a.copNo, a.destinationCountry, a.lists, shanghaiDate(a.deadline)])).toEqual([
      ['SUM2019050001', '303', 1, '2019-06-17'],
      ['SUM2019050002', '502', 2, '2019-06-17'],
      ['SUM2019060001', '502', 1, '2019-07-15'],
    ]);
    expect(apps[1]!.lines.map((l) => `${l.hsCode}:${l.totalPrice.toFixed(2)}`)).toEqual(['6109100021:150.00', '6404199000:80.00']);
  });

  it('takes the deadline rule and calendar it is asked for [Ann. 2016 No.26]', () => {
    const builder = new SummaryBuilder();
    builder.add(list('A1', '2016-12-05'));
    expect(shanghaiDate(builder.applications(SUMMARY_RULE_2016)[0]!.deadline)).toBe('2016-12-30');
    expect(shanghaiDate(builder.applications(undefined, { holidays: new Set(['2017-01-16']) })[0]!.deadline)).toBe('2017-01-17');
  });

  it('has no applications before any list is released', () => {
    expect(new SummaryBuilder().applications()).toEqual([]);
  });
});

// Small code sets, so lists share merge keys, lines merge, and release times and list numbers tie.
const code = (...codes: string[]) => fc.constantFrom(...codes);
const MAY_1 = toEpoch('2019-05-01');
const candidate: fc.Arbitrary<SummaryCandidate> = fc.record({
  invtNo: code('I1', 'I2', 'I3', 'I10'),
  // around the Shanghai month boundaries of April, May and June, with repeated instants
  releasedAt: fc.oneof(fc.constantFrom(MAY_1 - 1, MAY_1, toEpoch('2019-05-31T23:59:59.999+08:00'), toEpoch('2019-06-15')), fc.integer({ min: MAY_1 - 86_400_000, max: MAY_1 + 40 * 86_400_000 })),
  customsCode: code('5141', '5100'),
  consignorCode: code('E1', 'E2'),
  trafMode: code('4', '5'),
  ownerCode: code('E1', 'NO'),
  destinationCountry: code('502', '303'),
  exitPort: code('5141'),
  lines: fc.array(fc.record({ hsCode: code('6109100021', '6404199000'), currency: code('142', '502'), finalDestination: code('502', '303'), totalPrice: amount('0.01', '9999.99') }), { maxLength: 3 }),
});

describe('summary builder properties', () => {
  test.prop([fc.array(candidate, { maxLength: 40 })])('gives, month by month, the applications summarise gives, with the lists counted', (lists) => {
    const builder = new SummaryBuilder();
    lists.forEach((l) => builder.add(l));
    const months = [...new Set(lists.map((l) => shanghaiDate(l.releasedAt).slice(0, 7)))].sort();
    expect(builder.applications().map(plain)).toEqual(months.flatMap((month) => summarise(lists, month).map(counted)));
  });
});
