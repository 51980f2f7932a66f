/**
 * The sandbox's web page at `/`: a search by orderNo, copNo, invtNo or logisticsNo, the orders
 * found, and for one order its state on the channel's statechart (active states marked) and the
 * timeline of messages, events and receipts. Rendered on the server, without scripts.
 */
import { cebTime } from '../sim/clock.js';
import type { ChartNode, OrderSummary, OrderView } from './order-view.js';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2433; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
form { margin: 1rem 0; } input[type=search] { width: 22rem; padding: .3rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #dde2ea; vertical-align: top; }
th { background: #f1f4f8; } code { font-size: 12px; }
ul.chart, ul.chart ul { list-style: none; padding-left: 1.1rem; margin: .1rem 0; border-left: 1px dashed #c4ccd8; }
ul.chart li > span { display: inline-block; padding: 0 .35rem; margin: .05rem 0; border-radius: 3px; color: #6b7585; }
ul.chart li.active > span { background: #1f6feb; color: #fff; font-weight: 600; }
ul.chart li.final > span { border: 1px solid #c4ccd8; }
.kind-message { color: #0b6b3a; } .kind-receipt { color: #8a4b00; } .kind-event { color: #3a3f9c; } .kind-scheduled { color: #6b7585; font-style: italic; }
.muted { color: #6b7585; }
`;

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function time(at: number): string {
  const t = cebTime(at);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}`;
}

function layout(title: string, body: string, query: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><h1>cbec-sim sandbox</h1>
<form method="get" action="/"><label>Order, copNo, invtNo or logisticsNo <input type="search" name="q" value="${escapeHtml(query)}" autofocus></label> <button type="submit">Search</button></form>
${body}
</body></html>
`;
}

function link(orderNo: string): string {
  return `<a href="/?order=${encodeURIComponent(orderNo)}">${escapeHtml(orderNo)}</a>`;
}

/** The list of orders found for `query`. */
export function ordersPage(orders: readonly OrderSummary[], query: string, now: number): string {
  const rows = orders
    .map((o) => `<tr><td>${link(o.orderNo)}</td><td>${escapeHtml(o.channel)}</td><td><code>${escapeHtml(o.state)}</code></td><td>${escapeHtml(o.copNo ?? '')}</td><td>${escapeHtml(o.invtNo ?? '')}</td><td>${time(o.updatedAt)}</td></tr>`)
    .join('\n');
  const table = orders.length === 0 ? `<p class="muted">No orders${query === '' ? ' yet' : ` match “${escapeHtml(query)}”`}.</p>` : `<table><thead><tr><th>orderNo</th><th>channel</th><th>state</th><th>copNo</th><th>invtNo</th><th>updated</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  return layout('cbec-sim sandbox', `<p class="muted">Sandbox time ${time(now)} (Shanghai)</p>\n<h2>Orders</h2>\n${table}`, query);
}

function chartList(node: ChartNode): string {
  const classes = [node.active ? 'active' : '', node.final ? 'final' : ''].filter((c) => c !== '').join(' ');
  const children = node.children.length === 0 ? '' : `<ul>${node.children.map(chartList).join('')}</ul>`;
  return `<li${classes === '' ? '' : ` class="${classes}"`}><span>${escapeHtml(node.key)}</span>${children}</li>`;
}

/** One order: its state on the statechart and its timeline. */
export function orderPage(view: OrderView, now: number): string {
  const statuses = view.statuses.map((s) => `${s.message} ${Array.isArray(s.status) ? s.status.join('/') : String(s.status)}`).join(', ');
  const facts = [
    ['channel', `${view.channel}: ${view.title}`],
    ['state', view.state],
    ['stands for', statuses],
    ['copNo', view.copNo ?? ''],
    ['invtNo', view.invtNo ?? ''],
    ['logisticsNo', view.logisticsNo ?? ''],
    ['script', view.script],
  ]
    .map(([k, v]) => `<tr><th>${escapeHtml(k ?? '')}</th><td id="order-${escapeHtml(k ?? '').replace(/\s/g, '-')}">${escapeHtml(v ?? '')}</td></tr>`)
    .join('\n');
  const timeline = view.timeline
    .map((t) => `<tr class="kind-${t.kind}"><td>${time(t.at)}</td><td>${t.kind}</td><td><code>${escapeHtml(t.what)}</code></td><td>${escapeHtml(t.detail)}</td></tr>`)
    .join('\n');
  const body = `<p class="muted">Sandbox time ${time(now)} (Shanghai) · <a href="/">all orders</a></p>
<h2 id="order">Order ${escapeHtml(view.orderNo)}${view.done ? ' (finished)' : ''}</h2>
<table class="facts">${facts}</table>
<h2>Statechart</h2>
<ul class="chart" id="statechart">${view.chart.children.map(chartList).join('')}</ul>
<h2>Timeline</h2>
<table id="timeline"><thead><tr><th>time</th><th>kind</th><th>what</th><th>detail</th></tr></thead><tbody>
${timeline}
</tbody></table>`;
  return layout(`Order ${view.orderNo}`, body, view.orderNo);
}
