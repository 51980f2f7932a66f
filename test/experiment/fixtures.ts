/** A small scenario for experiment tests: one day of 9610 imports, about 100 orders. */
export const TINY_SCENARIO = {
  name: 'tiny 9610 day',
  start: '2019-11-04T00:00:00+08:00',
  horizonDays: 1,
  drainDays: 2,
  arrivals: [{ channel: '9610-import', ordersPerDay: 100, hourProfile: Array.from({ length: 24 }, () => 1) }],
  catalogue: [{ itemNo: 'SERUM', itemName: 'Serum', hsCode: '3304990099', unit: '142', originCountry: 'JP', minPrice: '100.00', maxPrice: '300.00' }],
};
