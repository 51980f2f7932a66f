/**
 * Library example: load a scenario, run it with a seed, and read figures off the report.
 * The same scenario and seed give the same report on any machine.
 *
 * Run: `npx tsx examples/library-run.ts [scenario.json] [orders]`.
 */
import { fileURLToPath } from 'node:url';
import { createSimulation, loadScenario, type Report } from '../src/index.js';
import { runIfMain } from './run-if-main.js';

const HANGZHOU = fileURLToPath(new URL('./scenarios/hangzhou-pilot-zone.json', import.meta.url));

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function summary(report: Report): string[] {
  return [
    `${report.scenario.name} (seed ${report.scenario.seed}, ${report.scenario.rules})`,
    `orders ${report.totals.orders}: ${report.totals.terminal} finished, ${report.totals.inFlight} in flight`,
    ...report.channels.map((c) => `  ${c.channel.padEnd(12)} ${String(c.orders).padStart(5)} orders, clearance p50 ${c.clearance.p50.toFixed(1)} min, inspected ${percent(c.inspectionRate)}, tax ${c.taxes.total} CNY`),
    `customs: ${report.customs.decisions} decisions, utilisation ${percent(report.customs.utilisation)}`,
    `export summary: ${report.exportSummary.applications} CEB701 applications for ${report.exportSummary.lists} lists`,
    `reconciliation: ${report.reconciliation.ok ? 'ok' : 'FAILED'}`,
  ];
}

/** Runs `scenarioPath` (the Hangzhou pilot zone by default) capped at `orders` orders; returns the printed summary. */
export async function main(scenarioPath = HANGZHOU, orders = 2_000): Promise<string> {
  const simulation = createSimulation(loadScenario(scenarioPath), { orders });
  const report = await simulation.run();
  return summary(report).join('\n');
}

await runIfMain(import.meta.url, () => main(process.argv[2], process.argv[3] === undefined ? undefined : Number(process.argv[3])));
