/**
 * Renders a {@link Report} as JSON (keys sorted, so byte-stable), Markdown and CSV.
 */
import type { ChannelReport, DurationSummary, Report } from './types.js';
import { leadTimeNote, markdownText, minutesText, percent, percentileText } from './format.js';

/** The report as JSON with every object's keys sorted: the same run gives the same bytes. */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(report, sortKeys, 2)}\n`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const fmt = (n: number, digits = 1) => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function durationRow(name: string, d: DurationSummary): string[] {
  return [name, String(d.count), percentileText(d.p50), percentileText(d.p90), percentileText(d.p99), minutesText(d.max)];
}

function sortedEntries(record: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(record).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

function channelSection(c: ChannelReport): string {
  const parts = [
    `### ${c.channel}`,
    '',
    `${c.orders} orders: ${c.terminal} finished, ${c.inFlight} in flight at the end. ${c.listsDeclared} lists declared; review ${percent(c.reviewRate)}, inspection ${percent(c.inspectionRate)}.`,
    '',
    table(['state', 'orders'], sortedEntries(c.byState).map(([s, n]) => [s, String(n)])),
  ];
  const reasons = sortedEntries(c.rejections);
  if (reasons.length > 0) parts.push('', table(['rejection reason', 'orders'], reasons.map(([r, n]) => [r, String(n)])));
  if (c.taxes.total !== '0.00') {
    parts.push('', `Taxes: duty ${c.taxes.customsDuty}, VAT ${c.taxes.vat}, consumption ${c.taxes.consumptionTax}, total **${c.taxes.total}** CNY.`);
  }
  if (c.quotaRefusals > 0) parts.push('', `Annual-quota refusals: ${c.quotaRefusals}.`);
  return parts.join('\n');
}

/** The report as Markdown: a summary, a table per channel, customs, ledgers and the reconciliation. */
export function reportToMarkdown(report: Report): string {
  const s = report.scenario;
  const r = report.reconciliation;
  const lines = [
    `# ${markdownText(s.name)}`,
    '',
    ...(report.partial ? [`**Partial report**: the run was stopped before its end; simulated until ${report.partial.simulatedUntil}, orders unfinished then are counted as in flight.`, ''] : []),
    `Seed ${s.seed}, rules ${s.rules}, arrivals from ${s.start} to ${s.horizon}, report at ${s.end}; runner ${report.runner}${s.shards === undefined ? '' : `; ${s.shards} shards`}.`,
    '',
    `Rates: ${markdownText(s.tariff)}. Positive list: ${markdownText(s.positiveList)}.`,
    '',
    `**${report.totals.orders}** orders: ${report.totals.terminal} finished, ${report.totals.inFlight} in flight; ${report.totals.events} events.`,
    '',
    ...(report.warnings.length > 0 ? ['## Warnings', '', ...report.warnings.map((w) => `- ${w.message}`), ''] : []),
    '## Channels',
    '',
    table(
      ['channel', 'orders', 'finished', 'in flight', 'review', 'inspection', 'rejected', 'taxes (CNY)'],
      report.channels.map((c) => [
        c.channel,
        String(c.orders),
        String(c.terminal),
        String(c.inFlight),
        percent(c.reviewRate),
        percent(c.inspectionRate),
        String(Object.values(c.rejections).reduce((a, b) => a + b, 0)),
        c.taxes.total,
      ]),
    ),
    '',
    '## Clearance and lead times',
    '',
    table(['channel', 'lists', 'p50', 'p90', 'p99', 'max'], report.channels.map((c) => durationRow(`${c.channel} clearance`, c.clearance))),
    '',
    table(['channel', 'orders', 'p50', 'p90', 'p99', 'max'], report.channels.map((c) => durationRow(`${c.channel} lead time`, c.leadTime))),
    '',
    `${leadTimeNote(report)} Percentiles to three significant digits.`,
    '',
    ...report.channels.flatMap((c) => [channelSection(c), '']),
    '## Customs',
    '',
    `${report.customs.decisions} decisions; queue mean ${fmt(report.customs.queue.mean, 2)}, max ${report.customs.queue.max}; utilisation ${percent(report.customs.utilisation)}.`,
    '',
    '## Bonded account book',
    '',
    `${report.bonded.replenishments} first-line replenishments, ${report.bonded.shortages} stock shortages.`,
    '',
    ...(report.bonded.dailyStock.length > 0 ? [table(['date', 'units in stock'], report.bonded.dailyStock.map((d) => [d.date, String(d.units)])), ''] : []),
    '## Export summary declarations',
    '',
    `${report.exportSummary.applications} CEB701 applications covering ${report.exportSummary.lists} lists; deadlines ${report.exportSummary.deadlines.join(', ') || 'none'}.`,
    '',
    '## Reconciliation',
    '',
    `${r.ok ? 'PASSED' : 'FAILED'}: ${r.ordersCreated} orders created = ${r.terminal} finished + ${r.inFlight} in flight.`,
    '',
    table(['check', 'result', 'detail'], r.checks.map((c) => [c.name, c.ok ? 'ok' : 'FAILED', c.detail])),
    '',
  ];
  return lines.join('\n');
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row per channel and state: channel, state, orders; then the channel figures. */
export function reportToCsv(report: Report): string {
  const header = ['channel', 'orders', 'finished', 'in_flight', 'lists', 'review_rate', 'inspection_rate', 'clearance_p50_min', 'clearance_p90_min', 'clearance_p99_min', 'lead_p50_min', 'lead_p90_min', 'duty', 'vat', 'consumption_tax', 'tax_total', 'quota_refusals', 'transition_errors'];
  const rows = report.channels.map((c) => [
    c.channel,
    c.orders,
    c.terminal,
    c.inFlight,
    c.listsDeclared,
    c.reviewRate.toFixed(6),
    c.inspectionRate.toFixed(6),
    c.clearance.p50,
    c.clearance.p90,
    c.clearance.p99,
    c.leadTime.p50,
    c.leadTime.p90,
    c.taxes.customsDuty,
    c.taxes.vat,
    c.taxes.consumptionTax,
    c.taxes.total,
    c.quotaRefusals,
    c.transitionErrors,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
