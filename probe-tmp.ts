import { writeFileSync } from 'node:fs';
import { createExperiment } from './src/experiment/experiment.ts';
import { experimentToHtml } from './src/experiment/report/html.ts';
import { experimentToMarkdown } from './src/experiment/report/markdown.ts';
const scenario = {
  name: 'tiny', start: '2019-11-04T00:00:00+08:00', horizonDays: 1, drainDays: 2,
  arrivals: [{ channel: '9610-import', ordersPerDay: 100 }],
  catalogue: [{ itemNo: 'A', itemName: 'Serum', hsCode: '3304990099', unit: '142', originCountry: 'JP', minPrice: '100.00', maxPrice: '300.00' }],
};
const e = createExperiment({ scenario, factors: { 'customs.capacityPerHour': [5, 10, 20], rules: ['RULES_2016', 'RULES_2019'] }, replications: 4, outputs: ['channels[9610-import].clearance.p90', 'totals.orders', 'channels[9610-import].taxes.total'] });
const r = await e.run();
console.log(experimentToMarkdown(r));
writeFileSync('/tmp/i19-exp.html', await experimentToHtml(r));
