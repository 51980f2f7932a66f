import { CHART_WIDTH, type ChartDefinition } from '../chart.js';

const KINDS = [
  { key: 'customsDuty', label: 'Customs duty', colour: '#4e79a7' },
  { key: 'vat', label: 'Import VAT', colour: '#f28e2b' },
  { key: 'consumptionTax', label: 'Consumption tax', colour: '#e15759' },
] as const;

/** Taxes assessed per channel, stacked by kind (duty, VAT, consumption tax). */
export const taxesChart: ChartDefinition = {
  id: 'taxes',
  title: 'Taxes by kind',
  caption: 'Taxes assessed on released import lists, less those voided by returns, in CNY, by channel and kind.',
  emptyNote: 'No tax was assessed in this run (no released import lists).',
  spec(report) {
    const taxed = report.channels.filter((c) => Number(c.taxes.total) > 0);
    if (taxed.length === 0) return undefined;
    const values = taxed.flatMap((c) => KINDS.map((k, order) => ({ channel: c.channel, kind: k.label, order, cny: Number(c.taxes[k.key]) })));
    return {
      width: CHART_WIDTH,
      height: { step: 36 },
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'channel', type: 'nominal', title: 'Channel', sort: taxed.map((c) => c.channel) },
        x: { field: 'cny', type: 'quantitative', title: 'Tax (CNY)', stack: 'zero', axis: { format: ',.0f' } },
        color: { field: 'kind', type: 'nominal', title: 'Tax', scale: { domain: KINDS.map((k) => k.label), range: KINDS.map((k) => k.colour) } },
        order: { field: 'order', type: 'quantitative' },
      },
    };
  },
};
