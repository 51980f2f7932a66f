import { describe, expect, it } from 'vitest';
import { SummaryBuilder, SUMMARY_RULE_2018 } from '../../src/customs/summary.js';
import { money } from '../../src/money/money.js';
import { shanghaiDate, toEpoch, type WorkCalendar } from '../../src/sim/clock.js';
import { DEFAULT_COMPANIES } from '../../src/sim/parties/companies.js';
import { createRng } from '../../src/sim/rng.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { SummaryBook } from '../../src/sim/summary-book.js';

const scenario = parseScenario({
  start: '2019-05-01T00:00:00+08:00',
  customsCode: '5141',
  arrivals: [{ channel: '9610-export', ordersPerDay: 10 }],
  catalogue: [{ itemNo: 'TEE', itemName: 'Cotton T-shirt', hsCode: '6109100021', unit: '011', originCountry: 'CN', minPrice: '20.00', maxPrice: '30.00', channels: ['9610-export'] }],
});
const calendar: WorkCalendar = { holidays: new Set(), workdays: new Set() };
const exporter = DEFAULT_COMPANIES.exporter.code;
const releasedAt = (i: number, inMay: number) => toEpoch(i < inMay ? '2019-05-20' : '2019-06-03') + i;

/** A book with `count` lists added: the first `inMay` released in May, the rest in June. */
function bookOf(count: number, inMay: number): SummaryBook {
  const book = new SummaryBook(scenario, createRng(9).stream('destinations'), exporter);
  for (let i = 0; i < count; i++) book.add(releasedAt(i, inMay));
  return book;
}

describe("summary book (a run's monthly CEB701 applications)", () => {
  it('counts every released list once, in the application of its month, due by the 15th of the next (next working day)', () => {
    const facts = bookOf(12, 7).facts(calendar);
    const listsIn = (month: string) => facts.filter((a) => a.key.startsWith(month)).reduce((n, a) => n + a.lists, 0);
    expect([listsIn('2019-05'), listsIn('2019-06')]).toEqual([7, 5]);
    expect(new Set(facts.map((a) => `${a.key.slice(0, 7)} due ${shanghaiDate(a.deadline)}`))).toEqual(new Set(['2019-05 due 2019-06-17', '2019-06 due 2019-07-15']));
    expect(facts.every((a) => a.key.includes(`|5141|${exporter}|4|${exporter}|`) && a.key.endsWith('|5141'))).toBe(true);
  });

  it('gives the applications the summary builder gives for the same lists and destinations, in its order', () => {
    const count = 40;
    const destinations = createRng(9).stream('destinations');
    const builder = new SummaryBuilder();
    for (let i = 0; i < count; i++) {
      const destination = destinations.weighted([
        { value: '502', weight: 4 },
        { value: '303', weight: 2 },
        { value: '304', weight: 2 },
        { value: '116', weight: 1 },
        { value: '601', weight: 1 },
      ]);
      builder.add({ invtNo: `I${i}`, releasedAt: releasedAt(i, 25), customsCode: '5141', consignorCode: exporter, trafMode: '4', ownerCode: exporter, destinationCountry: destination, exitPort: '5141', lines: [{ hsCode: '6109100021', currency: '142', finalDestination: destination, totalPrice: money(25) }] });
    }
    const expected = builder.applications(SUMMARY_RULE_2018, calendar).map((a) => ({ key: [a.month, a.customsCode, a.consignorCode, a.trafMode, a.ownerCode, a.destinationCountry, a.exitPort].join('|'), lists: a.lists, deadline: a.deadline }));
    expect(bookOf(count, 25).facts(calendar)).toEqual(expected);
  });
});
