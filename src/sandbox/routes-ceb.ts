/**
 * The CEB routes: `POST /ceb/messages` (a CEB message, bare or in a DXP envelope, as the body; or
 * `{"messages": [xml, ...]}` for several), `GET /ceb/receipts?receiver=...&after=...` (receipts in
 * order, from the receiver's acknowledged cursor unless `after` is given) and
 * `POST /ceb/receipts/ack` (moves the cursor: delivery is at least once until acknowledged).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../domain/errors.js';
import type { Acknowledgement } from './engine.js';
import { sandboxScript } from './scripts.js';
import { headerText, type RouteContext } from './server.js';
import type { ReceiptRow } from './store.js';

/** Most messages one request may carry. */
export const MAX_BATCH = 1000;

/** One message's answer in a batch. */
type BatchItem = { readonly status: 202; readonly guid: string; readonly type: string; readonly duplicate: boolean; readonly orders: readonly string[] } | { readonly status: 400 | 403; readonly receipt?: string; readonly error?: string };

/** A whole number query or body field, within bounds. */
export function integerField(value: unknown, name: string, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new ValidationError([{ path: [name], value, reason: `must be a whole number from ${min} to ${max}.` }], 'Invalid request');
  return n;
}

/** A required text field of at most `max` characters. */
export function textField(value: unknown, name: string, max = 200): string {
  if (typeof value !== 'string' || value === '' || value.length > max) throw new ValidationError([{ path: [name], value, reason: `must be text of 1 to ${max} characters.` }], 'Invalid request');
  return value;
}

function receiptJson(r: ReceiptRow) {
  return { cursor: r.id, guid: r.guid, type: r.type, status: r.status, info: r.info, orderNo: r.orderNo, at: r.at, xml: r.xml };
}

/** Registers the CEB routes. */
export function cebRoutes(app: FastifyInstance, c: RouteContext): void {
  const keysOn = c.access.apiKeys.size > 0;
  const authorised = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    if (!keysOn) return '';
    const sender = c.senderOf(request);
    if (sender !== '') return sender;
    void reply.code(401).send({ error: 'UNAUTHORIZED', message: 'This sandbox needs an API key: send X-Api-Key with the key you were given for your sender.' });
    return undefined;
  };

  /** Reads one message and has it taken; a readable one is answered once its group of messages has committed. */
  const take = async (xml: string, script: string, keySender: string): Promise<BatchItem> => {
    const read = await c.reader.read(xml, script, c.limits);
    if ('refused' in read) {
      c.counters.unreadable++;
      const sender = keySender !== '' ? keySender : read.refused.sender;
      return { status: 400, receipt: c.engine.answerUnreadable({ ...read.refused, ...(sender !== undefined && { sender }) }) };
    }
    if (keySender !== '' && read.ok.sender !== keySender) {
      return { status: 403, error: `Your API key is for ${keySender}; this message is sent as ${read.ok.sender || '(no sender)'} (DXP SenderId or BaseTransfer dxpId). Send it with that sender's key.` };
    }
    const ack: Acknowledgement = await c.engine.accept(read.ok);
    return { status: 202, ...ack };
  };

  app.post(
    '/ceb/messages',
    { config: { rateLimit: c.rateLimit > 0 ? { max: c.rateLimit, timeWindow: 1000, keyGenerator: (request: FastifyRequest) => c.senderOf(request) || request.ip } : false } },
    async (request, reply) => {
      const keySender = authorised(request, reply);
      if (keySender === undefined) return reply;
      const script = headerText(request, 'x-cbec-script') ?? '';
      if (script !== '') sandboxScript(script, 'X-Cbec-Script');
      const body: unknown = request.body;
      if (typeof body === 'string') {
        const item = await take(body, script, keySender);
        if (item.status === 400) return reply.code(400).type('application/xml; charset=utf-8').send(item.receipt);
        if (item.status === 403) return reply.code(403).send({ error: 'FORBIDDEN', message: item.error });
        return reply.code(202).send(item);
      }
      const messages = typeof body === 'object' && body !== null ? (body as { messages?: unknown }).messages : undefined;
      if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_BATCH || !messages.every((m) => typeof m === 'string')) {
        throw new ValidationError([{ path: ['messages'], value: undefined, reason: `must be a list of 1 to ${MAX_BATCH} CEB messages as text; or post one message as application/xml.` }], 'Invalid request');
      }
      const results = await Promise.all((messages as string[]).map((xml) => take(xml, script, keySender)));
      return reply.code(results.every((r) => r.status === 202) ? 202 : 207).send({ results });
    },
  );

  app.get('/ceb/receipts', async (request, reply) => {
    const keySender = authorised(request, reply);
    if (keySender === undefined) return reply;
    const query = request.query as Record<string, unknown>;
    const receiver = textField(query['receiver'], 'receiver', 60);
    if (keySender !== '' && receiver !== keySender) return reply.code(403).send({ error: 'FORBIDDEN', message: `Your API key is for ${keySender}; it may read only that sender's receipts.` });
    const acked = c.engine.store.ackedCursor(receiver);
    const after = integerField(query['after'], 'after', 0, Number.MAX_SAFE_INTEGER, acked);
    const limit = integerField(query['limit'], 'limit', 1, 1000, 100);
    const receipts = c.engine.store.receiptsFor(receiver, after, limit).map(receiptJson);
    return { receiver, acked, next: receipts.at(-1)?.cursor ?? after, receipts };
  });

  app.post('/ceb/receipts/ack', async (request, reply) => {
    const keySender = authorised(request, reply);
    if (keySender === undefined) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const receiver = textField(body['receiver'], 'receiver', 60);
    if (keySender !== '' && receiver !== keySender) return reply.code(403).send({ error: 'FORBIDDEN', message: `Your API key is for ${keySender}; it may acknowledge only that sender's receipts.` });
    const cursor = integerField(body['cursor'], 'cursor', 0, Number.MAX_SAFE_INTEGER);
    const acked = c.engine.transaction(() => c.engine.store.ack(receiver, cursor));
    return { receiver, acked };
  });
}
