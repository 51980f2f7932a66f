import { beforeAll, describe, expect, it } from 'vitest';
import { MissingDependencyError } from '../../src/domain/errors.js';
import { chartLibraries } from '../../src/sim/report/html/render-chart.js';
import { reportToHtml } from '../../src/sim/report/html/report-to-html.js';
import { REPORT_CHARTS } from '../../src/sim/report/html/charts/index.js';
import type { Report } from '../../src/sim/report/types.js';
import { demoReport, drawnMarks, emptyReport, exportOnly } from './fixture.js';

let report: Report;
let html: string;
beforeAll(async () => {
  report = await demoReport(400);
  html = await reportToHtml(report);
});

/** The `<figure>` of one chart. */
function figureOf(page: string, id: string): string {
  const match = new RegExp(`<figure id="${id}"[\\s\\S]*?</figure>`).exec(page);
  if (!match) throw new Error(`no figure ${id}`);
  return match[0];
}

describe('reportToHtml', () => {
  it('draws every chart of a run with all channels as inline SVG with marks', () => {
    for (const chart of REPORT_CHARTS) {
      const figure = figureOf(html, chart.id);
      expect(figure, chart.id).toContain('data-chart="drawn"');
      expect(figure, chart.id).toMatch(/<svg[^>]*class="marks"/);
      expect(drawnMarks(figure).length, chart.id).toBeGreaterThan(0);
      expect(figure, chart.id).toContain(chart.title);
    }
  });

  it('is self-contained: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
    const urls = html.match(/https?:\/\/[^"'\s)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
  });

  it('gives the same bytes for the same report', async () => {
    expect(await reportToHtml(report)).toBe(html);
  });

  it('carries the Markdown report tables: channels, times, states, reconciliation', () => {
    for (const c of report.channels) expect(html).toContain(`<td>${c.channel}</td><td class="num">${c.orders}</td>`);
    expect(html).toContain('<h2>Clearance and lead times</h2>');
    expect(html).toContain('<span class="ok">PASSED</span>');
    expect(html).toContain(`${report.reconciliation.ordersCreated} orders created`);
  });

  it('keeps a channel in the same colour in every chart', () => {
    const colour = '#f28e2b'; // 1210-import
    for (const id of ['orders-per-hour', 'clearance-times']) {
      expect(figureOf(html, id)).toMatch(new RegExp(`<text[^>]*>1210-import</text>`));
      expect(figureOf(html, id)).toContain(`fill="${colour}"`);
    }
  });

  it('shows a note instead of a broken chart when the run has no data for it', async () => {
    const page = await reportToHtml(exportOnly(report));
    for (const id of ['bonded-stock', 'taxes', 'customs-queue']) {
      const figure = figureOf(page, id);
      expect(figure, id).toContain('data-chart="empty"');
      expect(figure, id).toContain('class="no-data"');
      expect(figure, id).not.toContain('<svg');
    }
    expect(figureOf(page, 'outcomes')).toContain('data-chart="drawn"');
    const empty = await reportToHtml(emptyReport(report));
    expect(empty.match(/data-chart="empty"/g)).toHaveLength(REPORT_CHARTS.length);
  });

  it('escapes text from the report', async () => {
    const page = await reportToHtml({ ...report, scenario: { ...report.scenario, name: '<script>alert("x")</script> & co' } });
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; co');
  });
});

describe('without the optional chart packages', () => {
  it('refuses with a MissingDependencyError that says what to install', async () => {
    const notFound = Object.assign(new Error("Cannot find package 'vega'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const refusal = chartLibraries(() => Promise.reject(notFound));
    await expect(refusal).rejects.toThrow(MissingDependencyError);
    await expect(refusal).rejects.toThrow("The HTML report's charts need vega and vega-lite, optional dependencies of cbec-sim: install them with `npm install vega vega-lite`.");
  });

  it('passes any other failure on as it is', async () => {
    await expect(chartLibraries(() => Promise.reject(new Error('disk on fire')))).rejects.toThrow('disk on fire');
  });
});
