/**
 * What people and monitors look at: the web page (`GET /`, `GET /?q=...`, `GET /?order=...`), the
 * same as JSON (`GET /api/orders?q=...`, `GET /api/orders/:orderNo`), `GET /health` (open) and
 * `GET /metrics` (Prometheus text). All but /health need the admin token when one is set.
 */
import type { FastifyInstance } from 'fastify';
import { metricsText } from './metrics.js';
import { orderView, searchOrders } from './order-view.js';
import { orderPage, ordersPage } from './page.js';
import { clockModeText } from './clock.js';
import type { RouteContext } from './server.js';

/** The routes, for `GET /health`. */
const API = ['POST /ceb/messages', 'GET /ceb/receipts?receiver=&after=', 'POST /ceb/receipts/ack', 'GET /admin/clock', 'POST /admin/clock/advance', 'PUT /admin/orders/:orderNo/script', 'POST /admin/stock', 'POST|GET /admin/webhooks', 'GET /admin/dead-letters', 'GET /api/orders?q=', 'GET /api/orders/:orderNo', 'GET /metrics', 'GET /'];

function queryText(query: unknown, name: string): string {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, 100) : '';
}

/** Registers the view routes. */
export function viewRoutes(app: FastifyInstance, c: RouteContext): void {
  app.get('/health', async () => {
    c.engine.store.getMeta('seed');
    return { status: 'ok', database: c.engine.store.path, clock: clockModeText(c.engine.clock.mode), now: c.engine.clock.now(), api: API };
  });

  app.get('/metrics', async (request, reply) => {
    if (c.denyAdmin(request, reply)) return reply;
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(metricsText(c.engine, c.counters));
  });

  app.get('/api/orders', async (request, reply) => {
    if (c.denyAdmin(request, reply)) return reply;
    return { orders: searchOrders(c.engine, queryText(request.query, 'q')) };
  });

  app.get('/api/orders/:orderNo', async (request, reply) => {
    if (c.denyAdmin(request, reply)) return reply;
    const { orderNo } = request.params as { orderNo: string };
    const view = orderView(c.engine, orderNo);
    return view ?? reply.code(404).send({ error: 'NOT_FOUND', message: `No order ${orderNo} in the sandbox.` });
  });

  app.get('/', async (request, reply) => {
    if (c.denyAdmin(request, reply)) return reply;
    const now = c.engine.clock.now();
    const order = queryText(request.query, 'order');
    const view = order === '' ? undefined : orderView(c.engine, order);
    const html = view !== undefined ? orderPage(view, now) : ordersPage(searchOrders(c.engine, order === '' ? queryText(request.query, 'q') : order), order === '' ? queryText(request.query, 'q') : order, now);
    return reply.code(order !== '' && view === undefined ? 404 : 200).type('text/html; charset=utf-8').send(html);
  });
}
