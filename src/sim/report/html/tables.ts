/**
 * The tables of the HTML report: the same figures as the Markdown report, one function per section.
 */
import type { ChannelReport, DurationSummary, Report } from '../types.js';
import { leadTimeNote, minutesText, percent, percentileText } from '../format.js';
import { escapeHtml, htmlTable, paragraph, section } from './markup.js';

const byCount = (record: Readonly<Record<string, number>>): [string, number][] =>
  Object.entries(record).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));

const durationRow = (c: ChannelReport, d: DurationSummary) => [c.channel, d.count, percentileText(d.p50), percentileText(d.p90), percentileText(d.p99), minutesText(d.max)];

/** Refusal reasons that stopped more than a tenth of a channel's orders, explained; nothing when none did. */
export function warningsSection(report: Report): string {
  if (report.warnings.length === 0) return '';
  return section('warnings', 'Warnings', `<ul>${report.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join('')}</ul>`);
}

/** The channel overview table. */
export function channelsSection(report: Report): string {
  const rows = report.channels.map((c) => [
    c.channel,
    c.orders,
    c.terminal,
    c.inFlight,
    percent(c.reviewRate),
    percent(c.inspectionRate),
    Object.values(c.rejections).reduce((a, b) => a + b, 0),
    c.taxes.total,
  ]);
  return section('channels', 'Channels', htmlTable(['channel', 'orders', 'finished', 'in flight', 'review', 'inspection', 'rejected', 'taxes (CNY)'], rows));
}

/** Clearance and lead-time percentiles per channel. */
export function timesSection(report: Report): string {
  const header = (what: string) => ['channel', what, 'p50', 'p90', 'p99', 'max'];
  return section(
    'times',
    'Clearance and lead times',
    '<h3>Clearance (list declared to released)</h3>',
    htmlTable(header('lists'), report.channels.map((c) => durationRow(c, c.clearance))),
    '<h3>Lead time (order placed to delivered or departed)</h3>',
    htmlTable(header('orders'), report.channels.map((c) => durationRow(c, c.leadTime))),
    paragraph(`${leadTimeNote(report)} Percentiles to three significant digits.`),
  );
}

function channelDetail(c: ChannelReport): string {
  const parts = [
    `<h3>${escapeHtml(c.channel)}</h3>`,
    paragraph(`${c.orders} orders: ${c.terminal} finished, ${c.inFlight} in flight at the end. ${c.listsDeclared} lists declared; review ${percent(c.reviewRate)}, inspection ${percent(c.inspectionRate)}.`),
    htmlTable(['state', 'orders'], byCount(c.byState)),
  ];
  const reasons = byCount(c.rejections);
  if (reasons.length > 0) parts.push(htmlTable(['rejection reason', 'orders'], reasons));
  if (c.taxes.total !== '0.00') parts.push(paragraph(`Taxes: duty ${c.taxes.customsDuty}, VAT ${c.taxes.vat}, consumption ${c.taxes.consumptionTax}, total ${c.taxes.total} CNY.`));
  if (c.quotaRefusals > 0) parts.push(paragraph(`Annual-quota refusals: ${c.quotaRefusals}.`));
  return parts.join('');
}

/** Each channel's orders by state and its refusals by reason. */
export function channelDetailsSection(report: Report): string {
  return section('channel-details', 'Per channel', ...report.channels.map(channelDetail));
}

/** Customs, the bonded account book and the export summary declarations. */
export function resourcesSection(report: Report): string {
  const { customs, bonded, exportSummary } = report;
  const stock = bonded.dailyStock.length > 0
    ? `<details><summary>Stock by day (${bonded.dailyStock.length} days)</summary>${htmlTable(['date', 'units in stock'], bonded.dailyStock.map((d) => [d.date, d.units]))}</details>`
    : '';
  return section(
    'resources',
    'Customs and ledgers',
    paragraph(`Customs: ${customs.decisions} decisions; queue mean ${customs.queue.mean.toFixed(2)}, max ${customs.queue.max}; utilisation ${percent(customs.utilisation)}.`),
    paragraph(`Bonded account book: ${bonded.replenishments} first-line replenishments, ${bonded.shortages} stock shortages.`),
    stock,
    paragraph(`Export summary declarations: ${exportSummary.applications} CEB701 applications covering ${exportSummary.lists} lists; deadlines ${exportSummary.deadlines.join(', ') || 'none'}.`),
  );
}

/** The reconciliation: every order accounted for, and each check. */
export function reconciliationSection(report: Report): string {
  const r = report.reconciliation;
  const verdict = r.ok ? '<span class="ok">PASSED</span>' : '<span class="failed">FAILED</span>';
  return section(
    'reconciliation',
    'Reconciliation',
    `<p>${verdict}: ${r.ordersCreated} orders created = ${r.terminal} finished + ${r.inFlight} in flight.</p>`,
    htmlTable(['check', 'result', 'detail'], r.checks.map((c) => [c.name, c.ok ? 'ok' : 'FAILED', c.detail])),
  );
}
