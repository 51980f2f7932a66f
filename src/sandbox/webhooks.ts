/**
 * Receipts pushed to webhooks: each receipt for a receiver with webhooks is queued for each of
 * them in the transaction that wrote it, then POSTed as `application/xml` with its guid in
 * `Idempotency-Key` and `X-Cbec-Receipt-Guid` (a receiver that sees a guid twice has it already).
 * One delivery per webhook is in flight at a time, so receipts arrive in order. A failed delivery
 * is retried after 0.5 s, 1 s, 2 s, ... (doubling, at most an hour); after the last attempt it
 * is a dead letter, listed at `GET /admin/dead-letters` and retried on request.
 */
import type { SandboxEngine } from './engine.js';
import type { DeliveryRow } from './store.js';
import { wallNow } from './wall-clock.js';

/** How receipts are pushed to webhooks: attempts, back-off and time-outs. */
export interface WebhookOptions {
  /** Attempts before a delivery becomes a dead letter (default 8). */
  readonly maxAttempts?: number;
  /** Delay before the first retry, doubling each time (default 500 ms). */
  readonly baseDelayMs?: number;
  /** How long one POST may take (default 5 s). */
  readonly timeoutMs?: number;
  /** How often due deliveries are looked for (default 200 ms). */
  readonly intervalMs?: number;
}

/** Pushes receipts to webhooks. */
export class WebhookDeliverer {
  readonly #engine: SandboxEngine;
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #timeoutMs: number;
  readonly #intervalMs: number;
  readonly #inFlight = new Set<number>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(engine: SandboxEngine, options: WebhookOptions = {}) {
    this.#engine = engine;
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#baseDelayMs = options.baseDelayMs ?? 500;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#intervalMs = options.intervalMs ?? 200;
  }

  /** Starts looking for due deliveries. */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Looks for due deliveries now (after a commit that wrote receipts). */
  nudge(): void {
    if (!this.#stopped) this.#schedule(0);
  }

  /** Stops; deliveries in flight finish, nothing new starts. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** Makes every dead letter pending again; returns how many. */
  retryDead(): number {
    const dead = this.#engine.store.deliveries('dead');
    this.#engine.transaction(() => {
      for (const d of dead) this.#engine.store.updateDelivery({ ...d, attempts: 0, state: 'pending', nextAt: wallNow() });
    });
    this.nudge();
    return dead.length;
  }

  #schedule(delay: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), delay);
    this.#timer.unref();
  }

  #tick(): void {
    if (this.#stopped) return;
    try {
      for (const delivery of this.#engine.store.dueDeliveries(wallNow())) {
        if (this.#inFlight.has(delivery.webhookId)) continue;
        this.#inFlight.add(delivery.webhookId);
        void this.#deliver(delivery).finally(() => {
          this.#inFlight.delete(delivery.webhookId);
          this.nudge();
        });
      }
    } catch {
      // the database is busy or read-only: try again on the next tick
    }
    if (!this.#stopped) this.#schedule(this.#intervalMs);
  }

  async #deliver(delivery: DeliveryRow): Promise<void> {
    const store = this.#engine.store;
    const receipt = store.getReceipt(delivery.receiptId);
    const hook = store.webhooks().find((w) => w.id === delivery.webhookId);
    if (receipt === undefined || hook === undefined) return;
    let error: string;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/xml; charset=utf-8', 'idempotency-key': receipt.guid, 'x-cbec-receipt-guid': receipt.guid, 'x-cbec-receipt-type': receipt.type, 'x-cbec-cursor': String(receipt.id), 'x-cbec-receiver': receipt.receiver },
        body: receipt.xml,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      error = response.ok ? '' : `HTTP ${response.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const attempts = delivery.attempts + 1;
    const next: DeliveryRow =
      error === ''
        ? { ...delivery, attempts, state: 'delivered', lastError: '' }
        : { ...delivery, attempts, state: attempts >= this.#maxAttempts ? 'dead' : 'pending', nextAt: wallNow() + Math.min(3_600_000, this.#baseDelayMs * 2 ** (attempts - 1)), lastError: error.slice(0, 500) };
    try {
      store.updateDelivery(next);
    } catch {
      // not recorded: the delivery stays pending and is sent again (the guid makes that harmless)
    }
  }
}
