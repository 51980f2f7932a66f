/** A small, quick run of the demo scenario, shared by the HTML report tests. */
import { createSimulation } from '../../src/sim/simulation.js';
import { loadScenario } from '../../src/sim/scenario/load.js';
import type { Report } from '../../src/sim/report/types.js';

/** The demo scenario with all seven channels. */
export const DEMO_SCENARIO = new URL('../../examples/scenarios/guangzhou-three-channels.json', import.meta.url);

/** The report of the demo scenario, capped at `orders` orders. */
export function demoReport(orders = 500): Promise<Report> {
  return createSimulation(loadScenario(DEMO_SCENARIO.pathname), { orders }).run();
}

/** `report` as if the run had only export channels: no bonded stock, no tax, no queue. */
export function exportOnly(report: Report): Report {
  return {
    ...report,
    channels: report.channels.filter((c) => c.channel.endsWith('export') || c.channel.startsWith('9')).filter((c) => !c.channel.endsWith('import')),
    customs: { ...report.customs, hourlyQueue: [] },
    bonded: { ...report.bonded, dailyStock: [] },
  };
}

/** `report` with no channels and no series at all. */
export function emptyReport(report: Report): Report {
  return { ...exportOnly(report), channels: [] };
}

/** The mark groups of an SVG chart that hold at least one drawn shape (a path with a move-to). */
export function drawnMarks(svg: string): string[] {
  return svg.match(/<g class="mark-(?:rect|area|line|symbol) role-mark[^"]*"[^>]*>(?:<path[^>]*d="M[^"]+"[^>]*\/?>)+/g) ?? [];
}
