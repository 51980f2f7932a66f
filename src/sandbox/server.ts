/**
 * The sandbox's HTTP server (Fastify): CEB messages in, receipts out, admin calls, the web page,
 * health and metrics. Every error becomes an answer (400 with the issues, 401/403, 413 for an
 * oversized body, 429 over the rate limit, 503 when the database cannot be written); none takes
 * the server down.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isCbecError } from '../domain/errors.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../messages/limits.js';
import { adminAllowed, senderOfKey, type AccessRules } from './access.js';
import type { SandboxEngine } from './engine.js';
import { IntakeReader } from './intake-reader.js';
import type { RuntimeCounters } from './metrics.js';
import { loadHttp } from './optional.js';
import { adminRoutes } from './routes-admin.js';
import { cebRoutes } from './routes-ceb.js';
import { viewRoutes } from './routes-view.js';
import type { WebhookDeliverer } from './webhooks.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  readonly engine: SandboxEngine;
  readonly access: AccessRules;
  /** Messages a sender may post per second (0: no limit). */
  readonly rateLimit: number;
  readonly limits?: ParseLimits;
  readonly deliverer?: WebhookDeliverer;
  /** Read posted messages on a thread of their own (default false: on the server's thread). */
  readonly readerThread?: boolean;
}

/** What the routes share. */
export interface RouteContext {
  readonly engine: SandboxEngine;
  readonly access: AccessRules;
  readonly limits: ParseLimits;
  /** Reads posted messages (on a reader thread when the server has one). */
  readonly reader: IntakeReader;
  readonly counters: { httpRequests: number; rateLimited: number; unreadable: number; readonly readOnThread: number } & RuntimeCounters;
  readonly rateLimit: number;
  readonly deliverer?: WebhookDeliverer | undefined;
  /** The sender the request's API key stands for ('' when keys are off). */
  senderOf(request: FastifyRequest): string;
  /** Refuses the request unless it carries the admin token; true when refused. */
  denyAdmin(request: FastifyRequest, reply: FastifyReply): boolean;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const token = (request.query as Record<string, unknown> | undefined)?.['token'];
  return typeof token === 'string' ? token : undefined;
}

/** An error as the answer a client can act on. */
function answer(error: unknown): { status: number; body: Record<string, unknown> } {
  if (isCbecError(error)) {
    const issues = 'issues' in error ? (error as { issues: unknown }).issues : undefined;
    return { status: error.code === 'INTERNAL' ? 500 : error.code === 'TRANSITION' ? 409 : 400, body: { error: error.code, message: error.message, ...(issues !== undefined && { issues }) } };
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return { status: 503, body: { error: 'READ_ONLY_DATABASE', message: 'The sandbox database cannot be written (is the file read-only?). Nothing was accepted; fix the file and send again.' } };
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return { status: 503, body: { error: 'DATABASE', message: `The sandbox database refused the write (${code}). Nothing was accepted; send again.` } };
  }
  const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, body: { error: code ?? 'BAD_REQUEST', message: error instanceof Error ? error.message : String(error) } };
  return { status: 500, body: { error: 'INTERNAL', message: `The sandbox failed on this request: ${error instanceof Error ? error.message : String(error)}. It is still running; please report this.` } };
}

/**
 * Builds the server (not yet listening).
 *
 * @throws {@link MissingDependencyError} when fastify or @fastify/rate-limit is not installed
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { fastify, rateLimit } = await loadHttp();
  const app = fastify({
    logger: false,
    // a DXP envelope carries the message base64-encoded: 4/3 of the message cap, plus the envelope
    bodyLimit: Math.ceil((limits.maxBytes * 4) / 3) + 64 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
  });
  const reader = new IntakeReader(options.readerThread ?? false);
  app.addHook('onClose', () => reader.close());
  const counters = {
    httpRequests: 0,
    rateLimited: 0,
    unreadable: 0,
    get readOnThread() {
      return reader.readOnThread;
    },
  };
  const access = options.access;
  const context: RouteContext = {
    engine: options.engine,
    access,
    limits,
    reader,
    counters,
    rateLimit: options.rateLimit,
    deliverer: options.deliverer,
    senderOf: (request) => senderOfKey(access, headerText(request, 'x-api-key')) ?? '',
    denyAdmin: (request, reply) => {
      if (adminAllowed(access, bearer(request))) return false;
      void reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'UNAUTHORIZED', message: 'This call needs the admin token: Authorization: Bearer <token>.' });
      return true;
    },
  };
  app.addContentTypeParser(['application/xml', 'text/xml', 'text/plain', 'application/octet-stream'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, _request, reply) => {
    const { status, body } = answer(error);
    void reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => void reply.code(404).send({ error: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}; see GET /health for the API.` }));
  app.addHook('onResponse', async (_request, reply) => {
    counters.httpRequests++;
    if (reply.statusCode === 429) counters.rateLimited++;
  });
  await app.register(rateLimit, { global: false });
  await app.register(async (scope) => cebRoutes(scope, context));
  await app.register(async (scope) => adminRoutes(scope, context));
  await app.register(async (scope) => viewRoutes(scope, context));
  return app;
}

/** A request header as one string. */
export function headerText(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
