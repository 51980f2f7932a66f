/**
 * The report as one self-contained HTML page: the Markdown report's tables plus charts drawn from
 * Vega-Lite specs and inlined as SVG. No scripts, no external URLs: it opens offline, prints, and
 * can be mailed as one file.
 */
import type { Report } from '../types.js';
import type { ChartDefinition } from './chart.js';
import { REPORT_CHARTS } from './charts/index.js';
import { escapeHtml, paragraph, section } from './markup.js';
import { renderChart } from './render-chart.js';
import { REPORT_CSS } from './styles.js';
import { channelDetailsSection, channelsSection, reconciliationSection, resourcesSection, timesSection, warningsSection } from './tables.js';

async function figure(chart: ChartDefinition, report: Report): Promise<string> {
  const spec = chart.spec(report);
  const body = spec === undefined ? `<div class="no-data">${escapeHtml(chart.emptyNote)}</div>` : await renderChart(spec);
  return `<figure id="${chart.id}" data-chart="${spec === undefined ? 'empty' : 'drawn'}"><h3>${escapeHtml(chart.title)}</h3><figcaption>${escapeHtml(chart.caption)}</figcaption>${body}</figure>`;
}

/**
 * Renders a report as a self-contained HTML page with tables and charts (orders per hour,
 * outcomes, clearance times, customs queue, bonded stock, taxes). A chart with no data in the
 * run shows a note instead. The same report gives the same bytes.
 *
 * @example
 * ```ts
 * const report = await createSimulation(loadScenario('examples/scenarios/guangzhou-three-channels.json')).run();
 * writeFileSync('report.html', await reportToHtml(report));
 * ```
 */
export async function reportToHtml(report: Report): Promise<string> {
  const s = report.scenario;
  const figures: string[] = [];
  for (const chart of REPORT_CHARTS) figures.push(await figure(chart, report));
  const nav = [...(report.warnings.length > 0 ? ['warnings'] : []), 'charts', 'channels', 'times', 'channel-details', 'resources', 'reconciliation'];
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(s.name)}: cbec-sim report</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    `<header><h1>${escapeHtml(s.name)}</h1>`,
    ...(report.partial ? [`<p><strong>Partial report</strong>: the run was stopped before its end; simulated until ${escapeHtml(report.partial.simulatedUntil)}, orders unfinished then are counted as in flight.</p>`] : []),
    paragraph(`Seed ${s.seed}, rules ${s.rules}, arrivals from ${s.start} to ${s.horizon}, report at ${s.end}; runner ${report.runner}.`),
    paragraph(`Rates: ${s.tariff}. Positive list: ${s.positiveList}.`),
    `<p><strong>${report.totals.orders}</strong> orders: ${report.totals.terminal} finished, ${report.totals.inFlight} in flight; ${report.totals.events} events.</p>`,
    `<nav><ul>${nav.map((id) => `<li><a href="#${id}">${id.replace('-', ' ')}</a></li>`).join('')}</ul></nav></header>`,
    warningsSection(report),
    section('charts', 'Charts', ...figures),
    channelsSection(report),
    timesSection(report),
    channelDetailsSection(report),
    resourcesSection(report),
    reconciliationSection(report),
    '</body></html>',
    '',
  ].join('\n');
}
