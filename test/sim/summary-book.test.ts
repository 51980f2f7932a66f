import { describe, expect, it } from 'vitest';
import { modeAt } from '../../src/rules/modes.js';
import { money } from '../../src/money/money.js';
import { shanghaiDate, toEpoch, type WorkCalendar } from '../../src/sim/clock.js';
import { DEFAULT_COMPANIES } from '../../src/sim/parties/companies.js';
import { createOrderFactory, type OrderDocuments } from '../../src/sim/parties/platform.js';
import { createPopulation } from '../../src/sim/parties/population.js';
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

function exportOrders(count: number): OrderDocuments[] {
  const rng = createRng(5);
  const makeOrder = createOrderFactory({ scenario, rng: rng.stream('platform'), population: createPopulation(10, rng.stream('buyers')), companies: DEFAULT_COMPANIES, modeAt, withheldTax: () => money(0) });
  return Array.from({ length: count }, (_, i) => makeOrder('9610-export', scenario.start, i + 1));
}

/** A book with `released` lists added: the first `inMay` released in May, the rest in June. */
function bookOf(released: readonly OrderDocuments[], inMay: number): SummaryBook {
  const book = new SummaryBook(scenario, createRng(9).stream('destinations'));
  released.forEach((docs, i) => book.add(docs, `INVT${i}`, toEpoch(i < inMay ? '2019-05-20' : '2019-06-03')));
  return book;
}

describe("summary book (a run's monthly CEB701 applications)", () => {
  it('counts every released list once, in the application of its month, due by the 15th of the next (next working day)', () => {
    const apps = bookOf(exportOrders(12), 7).applications(calendar);
    const listsIn = (month: string) => apps.filter((a) => a.month === month).reduce((n, a) => n + a.lists, 0);
    expect([listsIn('2019-05'), listsIn('2019-06')]).toEqual([7, 5]);
    expect(new Set(apps.map((a) => `${a.month} due ${shanghaiDate(a.deadline)}`))).toEqual(new Set(['2019-05 due 2019-06-17', '2019-06 due 2019-07-15']));
    expect(apps.every((a) => a.consignorCode === DEFAULT_COMPANIES.exporter.code && a.trafMode === '4' && a.exitPort === '5141')).toBe(true);
  });

  it('gives the same applications for the same lists and seed', () => {
    const orders = exportOrders(6);
    expect(bookOf(orders, 3).applications(calendar)).toEqual(bookOf(orders, 3).applications(calendar));
  });
});
