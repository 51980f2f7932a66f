/**
 * A typed client of a running sandbox, over HTTP with `fetch`: send messages, pull and
 * acknowledge receipts, move the clock, script an order, read an order's state and timeline.
 * It imports no server code, so an integrator's test can use it against any sandbox.
 */
import { CbecError } from '../domain/errors.js';
import type { ChartNode, OrderSummary, OrderView, TimelineEntry } from './order-view.js';

/** A receipt as the sandbox hands it out. */
export interface ReceiptRecord {
  /** The receiver's cursor: acknowledge up to it. */
  readonly cursor: number;
  readonly guid: string;
  /** CEB312, CEB622, CEB816, CEB900, ... */
  readonly type: string;
  /** returnStatus (tax messages: the bill status). */
  readonly status: number;
  readonly info: string;
  readonly orderNo: string | null;
  /** Sandbox time, epoch ms. */
  readonly at: number;
  readonly xml: string;
}

/** A page of receipts. */
export interface ReceiptPage {
  readonly receiver: string;
  /** The receiver's acknowledged cursor. */
  readonly acked: number;
  /** The cursor after the last receipt of the page. */
  readonly next: number;
  readonly receipts: readonly ReceiptRecord[];
}

/** What the sandbox answered a message with: taken (202), or refused with a CEB900 (400). */
export type SendOutcome =
  | { readonly status: 202; readonly guid: string; readonly type: string; readonly duplicate: boolean; readonly orders: readonly string[] }
  | { readonly status: 400; readonly receipt: string };

/** The sandbox clock. */
export interface ClockState {
  /** `manual`, `real` or `xN`. */
  readonly mode: string;
  /** Epoch ms. */
  readonly now: number;
  /** The same instant, ISO with the Shanghai offset. */
  readonly at: string;
}

/** Options of {@link createSandboxClient}. */
export interface SandboxClientOptions {
  /** Sent as `X-Api-Key`. */
  readonly apiKey?: string;
  /** Sent as `Authorization: Bearer` on admin and view calls. */
  readonly adminToken?: string;
}

/** A call the sandbox answered with an error status. */
export class SandboxRequestError extends CbecError {
  override readonly name: string = 'SandboxRequestError';
  /** HTTP status. */
  readonly status: number;
  /** The answer's body. */
  readonly body: unknown;

  constructor(status: number, body: unknown, what: string) {
    const message = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : String(body);
    super('SANDBOX', `${what} was answered ${status}: ${message}`);
    this.status = status;
    this.body = body;
  }
}

/** A client of one sandbox. */
export interface SandboxClient {
  readonly url: string;
  /** Posts one CEB message (bare or in a DXP envelope); `script` goes in `X-Cbec-Script`. */
  send(xml: string, options?: { readonly script?: string }): Promise<SendOutcome>;
  /** Posts several messages in one request; one outcome each, in order. */
  sendBatch(xmls: readonly string[], options?: { readonly script?: string }): Promise<SendOutcome[]>;
  /** Receipts of `receiver` after `after` (default: its acknowledged cursor). */
  receipts(receiver: string, options?: { readonly after?: number; readonly limit?: number }): Promise<ReceiptPage>;
  /** Acknowledges the receiver's receipts up to `cursor`. */
  ack(receiver: string, cursor: number): Promise<number>;
  /** The sandbox clock. */
  clock(): Promise<ClockState>;
  /** Moves a manual clock by a duration (`'2h'`, `'31d'`, or ms) or to an instant (`{ to }`). */
  advance(by: string | number | { readonly to: string | number }): Promise<ClockState & { readonly ran: number }>;
  /** Sets an order's script (before its documents arrive, or to change what comes next). */
  setScript(orderNo: string, script: string): Promise<void>;
  /** Credits bonded stock to an account-book item. */
  addStock(emsNo: string, itemRecordNo: string, quantity: number): Promise<void>;
  /** An order's state, statechart and timeline; undefined when the sandbox has no such order. */
  order(orderNo: string): Promise<OrderView | undefined>;
  /** Orders whose orderNo, copNo, invtNo or logisticsNo contains `query`. */
  orders(query?: string): Promise<OrderSummary[]>;
  /** Registers a webhook receiving `receiver`'s receipts. */
  addWebhook(receiver: string, url: string): Promise<{ readonly id: number }>;
  /** Deliveries given up on, with their receipts' guids. */
  deadLetters(): Promise<readonly Record<string, unknown>[]>;
  /** `GET /health`: `status` is `ok` while the sandbox answers; `now` is sandbox time. */
  health(): Promise<{ readonly status: string; readonly now: number }>;
  /** `GET /metrics`: the Prometheus text. */
  metrics(): Promise<string>;
}

export type { ChartNode, OrderSummary, OrderView, TimelineEntry };

/**
 * A client of the sandbox at `url`.
 *
 * @example
 * ```ts
 * const client = createSandboxClient('http://127.0.0.1:8080');
 * await client.send(xml);
 * const { receipts } = await client.receipts('DXPENT0000000001');
 * ```
 */
export function createSandboxClient(url: string, options: SandboxClientOptions = {}): SandboxClient {
  const base = url.replace(/\/+$/, '');
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...(options.apiKey !== undefined && { 'x-api-key': options.apiKey }),
    ...(options.adminToken !== undefined && { authorization: `Bearer ${options.adminToken}` }),
    ...extra,
  });
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; body: unknown; text: string }> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: headers(body === undefined ? extra : { 'content-type': 'application/json', ...extra }),
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : text;
    return { status: response.status, body: json, text };
  };
  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await call(method, path, body);
    if (answer.status >= 300) throw new SandboxRequestError(answer.status, answer.body, `${method} ${path}`);
    return answer.body as T;
  };
  const scriptHeader = (script: string | undefined): Record<string, string> => (script === undefined ? {} : { 'x-cbec-script': script });
  return {
    url: base,
    async send(xml, sendOptions = {}) {
      const response = await fetch(`${base}/ceb/messages`, { method: 'POST', headers: headers({ 'content-type': 'application/xml', ...scriptHeader(sendOptions.script) }), body: xml });
      const text = await response.text();
      if (response.status === 202) return { status: 202, ...(JSON.parse(text) as Omit<Extract<SendOutcome, { status: 202 }>, 'status'>) };
      if (response.status === 400 && text.includes('CEB900Message')) return { status: 400, receipt: text };
      throw new SandboxRequestError(response.status, (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text, 'POST /ceb/messages');
    },
    async sendBatch(xmls, sendOptions = {}) {
      const answer = await call('POST', '/ceb/messages', { messages: xmls }, scriptHeader(sendOptions.script));
      if (answer.status !== 202 && answer.status !== 207) throw new SandboxRequestError(answer.status, answer.body, 'POST /ceb/messages');
      return (answer.body as { results: SendOutcome[] }).results;
    },
    receipts: (receiver, page = {}) => {
      const query = new URLSearchParams({ receiver, ...(page.after !== undefined && { after: String(page.after) }), ...(page.limit !== undefined && { limit: String(page.limit) }) });
      return ok<ReceiptPage>('GET', `/ceb/receipts?${query.toString()}`);
    },
    ack: async (receiver, cursor) => (await ok<{ acked: number }>('POST', '/ceb/receipts/ack', { receiver, cursor })).acked,
    clock: () => ok<ClockState>('GET', '/admin/clock'),
    advance: (by) => ok('POST', '/admin/clock/advance', typeof by === 'object' ? { to: by.to } : { by }),
    setScript: async (orderNo, script) => {
      await ok('PUT', `/admin/orders/${encodeURIComponent(orderNo)}/script`, { script });
    },
    addStock: async (emsNo, itemRecordNo, quantity) => {
      await ok('POST', '/admin/stock', { emsNo, itemRecordNo, quantity });
    },
    order: async (orderNo) => {
      const answer = await call('GET', `/api/orders/${encodeURIComponent(orderNo)}`);
      if (answer.status === 404) return undefined;
      if (answer.status >= 300) throw new SandboxRequestError(answer.status, answer.body, 'GET /api/orders');
      return answer.body as OrderView;
    },
    orders: async (query = '') => (await ok<{ orders: OrderSummary[] }>('GET', `/api/orders?q=${encodeURIComponent(query)}`)).orders,
    addWebhook: (receiver, hookUrl) => ok('POST', '/admin/webhooks', { receiver, url: hookUrl }),
    deadLetters: async () => (await ok<{ deadLetters: Record<string, unknown>[] }>('GET', '/admin/dead-letters')).deadLetters,
    health: () => ok('GET', '/health'),
    metrics: () => ok<string>('GET', '/metrics'),
  };
}
