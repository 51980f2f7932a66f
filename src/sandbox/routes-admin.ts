/**
 * Admin routes (admin token when one is set): the clock (`GET /admin/clock`,
 * `POST /admin/clock/advance` with `{"by": "2h"}` or `{"to": "2024-02-01T09:00:00+08:00"}`), an
 * order's script before its documents arrive (`PUT /admin/orders/:orderNo/script`), bonded stock
 * (`POST /admin/stock`), webhooks (`/admin/webhooks`) and dead letters (`/admin/dead-letters`).
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../domain/errors.js';
import { money } from '../money/money.js';
import { MS, toEpoch } from '../sim/clock.js';
import { clockModeText } from './clock.js';
import { integerField, textField } from './routes-ceb.js';
import type { RouteContext } from './server.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: MS.second, m: MS.minute, h: MS.hour, d: MS.day };

/** A duration as `90m`, `2h`, `3d` or milliseconds. */
export function durationMs(value: unknown, name: string): number {
  if (typeof value === 'number') return integerField(value, name, 0, 3650 * MS.day);
  const match = typeof value === 'string' ? /^(\d{1,9})(ms|s|m|h|d)$/.exec(value) : null;
  if (match === null) throw new ValidationError([{ path: [name], value, reason: "must be milliseconds or a duration such as '90m', '2h' or '31d'." }], 'Invalid request');
  return Number(match[1]) * (UNITS[match[2] ?? 'ms'] ?? 1);
}

function isoShanghai(at: number): string {
  return new Date(at + 8 * MS.hour).toISOString().replace('Z', '+08:00');
}

/** Registers the admin routes. */
export function adminRoutes(app: FastifyInstance, c: RouteContext): void {
  app.addHook('onRequest', async (request, reply) => {
    if (c.denyAdmin(request, reply)) return reply;
    return undefined;
  });
  const clockView = () => ({ mode: clockModeText(c.engine.clock.mode), now: c.engine.clock.now(), at: isoShanghai(c.engine.clock.now()) });

  app.get('/admin/clock', async () => clockView());

  app.post('/admin/clock/advance', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const current = c.engine.clock.now();
    const target = body['to'] !== undefined ? (typeof body['to'] === 'number' ? body['to'] : toEpoch(textField(body['to'], 'to', 40), 'to')) : current + durationMs(body['by'], 'by');
    const ran = c.engine.advanceTo(Math.max(target, current));
    return { ...clockView(), ran };
  });

  app.put('/admin/orders/:orderNo/script', async (request) => {
    const { orderNo } = request.params as { orderNo: string };
    const script = c.engine.setScript(textField(orderNo, 'orderNo', 60), textField((request.body as Record<string, unknown> | undefined)?.['script'], 'script', 1000));
    return { orderNo, script };
  });

  app.post('/admin/stock', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const emsNo = textField(body['emsNo'], 'emsNo', 30);
    const itemRecordNo = textField(body['itemRecordNo'], 'itemRecordNo', 30);
    const quantity = integerField(body['quantity'], 'quantity', 1, 1_000_000_000);
    const at = c.engine.clock.now();
    c.engine.transaction(() => c.engine.ledgers.credit(emsNo, itemRecordNo, money(quantity), at, `ADMIN-${emsNo}-${itemRecordNo}-${at}-${c.engine.store.movements().length}`));
    const balance = c.engine.ledgers.balance(emsNo, itemRecordNo);
    return { emsNo, itemRecordNo, onHand: balance.onHand.toString(), available: balance.available.toString() };
  });

  app.post('/admin/webhooks', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const receiver = textField(body['receiver'], 'receiver', 60);
    const url = textField(body['url'], 'url', 2000);
    if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ValidationError([{ path: ['url'], value: url, reason: 'must be an http:// or https:// URL.' }], 'Invalid request');
    const row = c.engine.transaction(() => c.engine.store.addWebhook(receiver, url, c.engine.clock.now()));
    return reply.code(201).send(row);
  });

  app.get('/admin/webhooks', async () => ({ webhooks: c.engine.store.webhooks() }));

  app.delete('/admin/webhooks/:id', async (request, reply) => {
    const id = integerField((request.params as { id: string }).id, 'id', 1, Number.MAX_SAFE_INTEGER);
    const removed = c.engine.transaction(() => c.engine.store.deleteWebhook(id));
    return removed ? reply.code(204).send() : reply.code(404).send({ error: 'NOT_FOUND', message: `No webhook ${id}.` });
  });

  app.get('/admin/dead-letters', async () => ({
    deadLetters: c.engine.store.deliveries('dead').map((d) => {
      const receipt = c.engine.store.getReceipt(d.receiptId);
      return { ...d, guid: receipt?.guid, type: receipt?.type, status: receipt?.status, receiver: receipt?.receiver };
    }),
  }));

  app.post('/admin/dead-letters/retry', async () => ({ retried: c.deliverer?.retryDead() ?? 0 }));
}
