import { CHART_WIDTH, wallClock, type ChartDefinition } from '../chart.js';

/** Units in the bonded warehouse's account book at the end of each day. */
export const bondedStockChart: ChartDefinition = {
  id: 'bonded-stock',
  title: 'Bonded stock over time',
  caption: 'Units on hand in the bonded account book at the end of each simulated day, all item records together.',
  emptyNote: 'No bonded stock was held in this run (no bonded import channel).',
  spec(report) {
    const days = report.bonded.dailyStock;
    if (days.every((d) => d.units === 0)) return undefined;
    return {
      width: CHART_WIDTH,
      height: 220,
      data: { values: days.map((d) => ({ time: wallClock(d.date), units: d.units })) },
      mark: { type: 'line', color: '#f28e2b', interpolate: 'step-after', point: { size: 18, color: '#f28e2b' } },
      encoding: {
        x: { field: 'time', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'Day (Shanghai)', axis: { format: '%d %b', labelAngle: -40 } },
        y: { field: 'units', type: 'quantitative', title: 'Units in stock', axis: { format: ',d' } },
      },
    };
  },
};
