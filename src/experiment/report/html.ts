/**
 * The experiment report as one self-contained HTML page: the Markdown report's tables, and for each
 * output a chart of the means with their intervals as error bars by level, and one of the
 * differences from the baseline. Charts are Vega-Lite specs drawn to inline SVG, as in the run report.
 */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml, htmlTable, paragraph, section } from '../../sim/report/html/markup.js';
import { renderChart } from '../../sim/report/html/render-chart.js';
import { REPORT_CSS } from '../../sim/report/html/styles.js';
import type { ExperimentResult } from '../results.js';
import { differencesChart, estimatesChart } from './charts.js';
import { designSentence, differenceSentence, outputHeading, pointNotes } from './format.js';
import { differencesTable, estimatesTable, factorsTable, replicationsTable, type TextTable } from './tables.js';

const table = (t: TextTable) => htmlTable(t.header, t.rows);

async function figure(id: string, title: string, spec: TopLevelSpec | undefined): Promise<string> {
  const body = spec === undefined ? '<div class="no-data">No replication has this figure.</div>' : await renderChart(spec);
  return `<figure id="${escapeHtml(id)}"><h3>${escapeHtml(title)}</h3>${body}</figure>`;
}

async function outputSection(result: ExperimentResult, { path: output, ...named }: ExperimentResult['experiment']['outputs'][number], n: number): Promise<string> {
  const differences = differencesTable(result, output);
  const parts = [await figure(`output-${n}`, 'Mean and interval at each point', estimatesChart(result, output)), table(estimatesTable(result, output))];
  if (differences.rows.length > 0) {
    parts.push(paragraph(differenceSentence(result)), await figure(`difference-${n}`, 'Difference from the baseline', differencesChart(result, output)), table(differences));
  }
  return section(`output-section-${n}`, outputHeading({ path: output, ...named }), ...parts);
}

/**
 * The experiment's result as a self-contained HTML page (inline SVG and CSS, no scripts). The same
 * result gives the same bytes.
 */
export async function experimentToHtml(result: ExperimentResult): Promise<string> {
  const e = result.experiment;
  const sections: string[] = [];
  for (const [n, output] of e.outputs.entries()) sections.push(await outputSection(result, output, n));
  const notes = pointNotes(result);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(e.name)}: cbec-sim experiment</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    `<header><h1>${escapeHtml(e.name)}</h1>`,
    paragraph(designSentence(result)),
    '</header>',
    ...(e.factors.length > 0 ? [section('factors', 'Factors', table(factorsTable(result)))] : []),
    ...sections,
    section('replications', 'Replications', table(replicationsTable(result)), ...notes.map(paragraph)),
    '</body></html>',
    '',
  ].join('\n');
}
