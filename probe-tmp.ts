import { createSimulation, loadScenario } from './src/index.ts';
const s = loadScenario('examples/scenarios/singles-day-week.json');
for (const rules of [undefined, 'RULES_2016']) {
  const t = performance.now();
  const r = await createSimulation({ ...s, ...(rules ? { rules } : {}) }).run();
  console.log(rules, Math.round(performance.now() - t), 'ms', r.totals.orders, r.reconciliation.ok, r.channels.map(c => [c.channel, c.rejections, c.taxes.total, c.quotaRefusals, c.clearance.p90]));
}
