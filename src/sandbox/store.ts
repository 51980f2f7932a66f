/**
 * Where the sandbox keeps everything: SQLite through better-sqlite3 in WAL mode. The engine does
 * each acknowledged message, and each piece of scheduled work, in one {@link Store.transaction}
 * (a savepoint inside the transaction of its group): the message row, the order's events, the
 * receipts and ledger movements they cause and the work they schedule are kept together or not
 * at all.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Checkpointer } from './checkpointer.js';
import { migrate } from './migrations.js';
import { loadSqlite } from './optional.js';

/** A stored message. */
export interface MessageRow {
  readonly seq: number;
  readonly guid: string;
  readonly type: string;
  readonly sender: string;
  readonly receivedAt: number;
  readonly outcome: string;
  readonly xml: string;
}

/** A stored order: its channel, documents (which make its machine input) and where its machine stands. */
export interface OrderRow {
  readonly orderNo: string;
  readonly channel: string;
  /** Codec JSON of the documents and who sent them. */
  readonly docs: string;
  readonly state: string;
  readonly done: boolean;
  /** Script words, space-separated ('' when none). */
  readonly script: string;
  readonly copNo: string | null;
  readonly invtNo: string | null;
  readonly logisticsNo: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One event an order's machine accepted. */
export interface EventRow {
  readonly orderNo: string;
  readonly seq: number;
  readonly at: number;
  /** Codec JSON of the channel event. */
  readonly event: string;
  readonly fromState: string;
  readonly toState: string;
}

/** A stored receipt; `id` is the receiver's cursor. */
export interface ReceiptRow {
  readonly id: number;
  readonly guid: string;
  readonly receiver: string;
  readonly orderNo: string | null;
  readonly type: string;
  readonly status: number;
  readonly info: string;
  readonly at: number;
  readonly xml: string;
}

/** Scheduled work: an action due on the sandbox clock, one per order and slot. */
export interface JobRow {
  readonly id: number;
  readonly dueAt: number;
  readonly orderNo: string;
  readonly slot: string;
  /** Codec JSON of the action. */
  readonly action: string;
}

/** A registered webhook. */
export interface WebhookRow {
  readonly id: number;
  readonly receiver: string;
  readonly url: string;
  readonly createdAt: number;
}

/** One receipt's delivery to one webhook. */
export interface DeliveryRow {
  readonly webhookId: number;
  readonly receiptId: number;
  readonly attempts: number;
  /** Wall-clock epoch ms of the next attempt. */
  readonly nextAt: number;
  readonly state: 'pending' | 'delivered' | 'dead';
  readonly lastError: string;
}

/** Options of {@link Store.open}. */
export interface StoreOptions {
  /** `':memory:'` for a database that lives as long as the process. */
  readonly path: string;
  /** Checkpoint a database file on a thread of its own instead of in the commits (default false). */
  readonly checkpointThread?: boolean;
}

/** How long a connection waits for a lock held by another (the checkpoint thread's), ms. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Whether `error` is SQLite's "database is locked" (SQLITE_BUSY and its variants): another
 * connection, such as a checkpoint restarting the log, held a lock this one needed. The
 * transaction that met it kept nothing, and may succeed if tried again a moment later.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** SQLite's own: a commit that grows the log past this many pages checkpoints it. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

const ORDER_COLUMNS = 'order_no AS orderNo, channel, docs, state, done, script, cop_no AS copNo, invt_no AS invtNo, logistics_no AS logisticsNo, created_at AS createdAt, updated_at AS updatedAt';
const RECEIPT_COLUMNS = 'id, guid, receiver, order_no AS orderNo, type, status, info, at, xml';

/** The sandbox database. */
export class Store {
  readonly db: BetterSqlite3.Database;
  readonly path: string;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  /** Webhook ids by receiver, read once and kept until webhooks change (or a rollback). */
  #hooks: Map<string, number[]> | undefined;
  #checkpointer: Checkpointer | undefined;
  /** Runs a function in a transaction (a savepoint when one is open); made once, not per call. */
  readonly #inTransaction: BetterSqlite3.Transaction<(fn: () => unknown) => unknown>;

  private constructor(db: BetterSqlite3.Database, path: string) {
    this.db = db;
    this.path = path;
    this.#inTransaction = db.transaction((fn: () => unknown) => fn());
  }

  /**
   * Opens (creating if needed) and migrates the database at `options.path`.
   *
   * @throws {@link MissingDependencyError} when better-sqlite3 is not installed
   */
  static open(options: StoreOptions): Store {
    const Database = loadSqlite();
    const db = new Database(options.path);
    try {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives the process being killed; only a power cut can lose the last ones.
      db.pragma('synchronous = NORMAL');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('temp_store = MEMORY');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    const store = new Store(db, options.path);
    if (options.checkpointThread === true && options.path !== ':memory:' && db.pragma('journal_mode', { simple: true }) === 'wal') {
      db.pragma('wal_autocheckpoint = 0');
      store.#checkpointer = new Checkpointer(options.path, () => {
        if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
      });
    }
    return store;
  }

  /**
   * Runs `fn` in one transaction: all of it is committed, or none (inside a transaction, a
   * savepoint). The transaction takes the write lock as it begins (BEGIN IMMEDIATE), so a lock
   * another connection holds too long fails it before `fn` has done anything ({@link isDatabaseBusy}),
   * never between two of its writes.
   */
  transaction<T>(fn: () => T): T {
    return this.#inTransaction.immediate(fn) as T;
  }

  /**
   * Closes the database now; resolves once the checkpoint thread, if any, has closed its
   * connection too (the last connection to close checkpoints what the log still holds).
   */
  close(): Promise<void> {
    if (this.db.open) this.db.close();
    const checkpointer = this.#checkpointer;
    this.#checkpointer = undefined;
    return checkpointer?.stop() ?? Promise.resolve();
  }

  #sql(text: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  getMeta(key: string): string | undefined {
    return (this.#sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Stores a message; false when its guid was seen before (nothing is written then). */
  insertMessage(row: Omit<MessageRow, 'seq'>): boolean {
    const result = this.#sql('INSERT OR IGNORE INTO messages (guid, type, sender, received_at, outcome, xml) VALUES (?, ?, ?, ?, ?, ?)').run(row.guid, row.type, row.sender, row.receivedAt, row.outcome, row.xml);
    return result.changes === 1;
  }

  linkMessage(orderNo: string, guid: string): void {
    this.#sql('INSERT OR IGNORE INTO message_orders (order_no, guid) VALUES (?, ?)').run(orderNo, guid);
  }

  messagesOf(orderNo: string): MessageRow[] {
    return this.#sql(
      'SELECT m.seq, m.guid, m.type, m.sender, m.received_at AS receivedAt, m.outcome, m.xml FROM message_orders o JOIN messages m ON m.guid = o.guid WHERE o.order_no = ? ORDER BY m.seq',
    ).all(orderNo) as MessageRow[];
  }

  getOrder(orderNo: string): OrderRow | undefined {
    const row = this.#sql(`SELECT ${ORDER_COLUMNS} FROM orders WHERE order_no = ?`).get(orderNo) as (Omit<OrderRow, 'done'> & { done: number }) | undefined;
    return row && { ...row, done: row.done === 1 };
  }

  /** The order whose list, or waybill, carries `value` in `field`. */
  findOrderNo(field: 'cop_no' | 'invt_no' | 'logistics_no', value: string): string | undefined {
    return (this.#sql(`SELECT order_no AS orderNo FROM orders WHERE ${field} = ? ORDER BY created_at LIMIT 1`).get(value) as { orderNo: string } | undefined)?.orderNo;
  }

  putOrder(row: OrderRow): void {
    this.#sql(
      `INSERT INTO orders (order_no, channel, docs, state, done, script, cop_no, invt_no, logistics_no, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_no) DO UPDATE SET channel = excluded.channel, docs = excluded.docs, state = excluded.state,
         done = excluded.done, script = excluded.script, cop_no = excluded.cop_no, invt_no = excluded.invt_no, logistics_no = excluded.logistics_no,
         updated_at = excluded.updated_at`,
    ).run(row.orderNo, row.channel, row.docs, row.state, row.done ? 1 : 0, row.script, row.copNo, row.invtNo, row.logisticsNo, row.createdAt, row.updatedAt);
  }

  /** Orders whose orderNo, copNo, invtNo or logisticsNo contains `query` (all when empty), newest first. */
  searchOrders(query: string, limit: number): OrderRow[] {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.#sql(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE ? = '' OR order_no LIKE ? ESCAPE '\\' OR cop_no LIKE ? ESCAPE '\\' OR invt_no LIKE ? ESCAPE '\\' OR logistics_no LIKE ? ESCAPE '\\'
       ORDER BY updated_at DESC, order_no LIMIT ?`,
    ).all(query, like, like, like, like, limit) as (Omit<OrderRow, 'done'> & { done: number })[];
    return rows.map((row) => ({ ...row, done: row.done === 1 }));
  }

  /** Orders by state, for the metrics. */
  orderStates(): { channel: string; state: string; count: number }[] {
    return this.#sql('SELECT channel, state, COUNT(*) AS count FROM orders GROUP BY channel, state ORDER BY channel, state').all() as { channel: string; state: string; count: number }[];
  }

  appendEvent(row: EventRow): void {
    this.#sql('INSERT INTO events (order_no, seq, at, event, from_state, to_state) VALUES (?, ?, ?, ?, ?, ?)').run(row.orderNo, row.seq, row.at, row.event, row.fromState, row.toState);
  }

  eventsOf(orderNo: string): EventRow[] {
    return this.#sql('SELECT order_no AS orderNo, seq, at, event, from_state AS fromState, to_state AS toState FROM events WHERE order_no = ? ORDER BY seq').all(orderNo) as EventRow[];
  }

  insertReceipt(row: Omit<ReceiptRow, 'id'>): number {
    const result = this.#sql('INSERT INTO receipts (guid, receiver, order_no, type, status, info, at, xml) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.guid, row.receiver, row.orderNo, row.type, row.status, row.info, row.at, row.xml,
    );
    return Number(result.lastInsertRowid);
  }

  /** The highest receipt id (0 when none). */
  lastReceiptId(): number {
    return (this.#sql('SELECT COALESCE(MAX(id), 0) AS id FROM receipts').get() as { id: number }).id;
  }

  receiptsFor(receiver: string, after: number, limit: number): ReceiptRow[] {
    return this.#sql(`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE receiver = ? AND id > ? ORDER BY id LIMIT ?`).all(receiver, after, limit) as ReceiptRow[];
  }

  receiptsOf(orderNo: string): ReceiptRow[] {
    return this.#sql(`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE order_no = ? ORDER BY id`).all(orderNo) as ReceiptRow[];
  }

  getReceipt(id: number): ReceiptRow | undefined {
    return this.#sql(`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE id = ?`).get(id) as ReceiptRow | undefined;
  }

  /** Receipts by type and status, for the metrics. */
  receiptCounts(): { type: string; status: number; count: number }[] {
    return this.#sql('SELECT type, status, COUNT(*) AS count FROM receipts GROUP BY type, status ORDER BY type, status').all() as { type: string; status: number; count: number }[];
  }

  messageCounts(): { type: string; outcome: string; count: number }[] {
    return this.#sql('SELECT type, outcome, COUNT(*) AS count FROM messages GROUP BY type, outcome ORDER BY type, outcome').all() as { type: string; outcome: string; count: number }[];
  }

  ackedCursor(receiver: string): number {
    return (this.#sql('SELECT acked FROM cursors WHERE receiver = ?').get(receiver) as { acked: number } | undefined)?.acked ?? 0;
  }

  /** Moves the receiver's acknowledged cursor forward (never back). */
  ack(receiver: string, cursor: number): number {
    this.#sql('INSERT INTO cursors (receiver, acked) VALUES (?, ?) ON CONFLICT (receiver) DO UPDATE SET acked = MAX(acked, excluded.acked)').run(receiver, cursor);
    return this.ackedCursor(receiver);
  }

  putJob(orderNo: string, slot: string, dueAt: number, action: string): void {
    this.#sql('INSERT INTO jobs (due_at, order_no, slot, action) VALUES (?, ?, ?, ?) ON CONFLICT (order_no, slot) DO UPDATE SET due_at = excluded.due_at, action = excluded.action').run(dueAt, orderNo, slot, action);
  }

  deleteJob(orderNo: string, slot: string): void {
    this.#sql('DELETE FROM jobs WHERE order_no = ? AND slot = ?').run(orderNo, slot);
  }

  deleteJobsOf(orderNo: string): void {
    this.#sql('DELETE FROM jobs WHERE order_no = ?').run(orderNo);
  }

  deleteJobById(id: number): void {
    this.#sql('DELETE FROM jobs WHERE id = ?').run(id);
  }

  /** The earliest job due at or before `until` (ties in scheduling order). */
  nextJob(until: number): JobRow | undefined {
    return this.#sql('SELECT id, due_at AS dueAt, order_no AS orderNo, slot, action FROM jobs WHERE due_at <= ? ORDER BY due_at, id LIMIT 1').get(until) as JobRow | undefined;
  }

  jobsOf(orderNo: string): JobRow[] {
    return this.#sql('SELECT id, due_at AS dueAt, order_no AS orderNo, slot, action FROM jobs WHERE order_no = ? ORDER BY due_at, id').all(orderNo) as JobRow[];
  }

  jobCount(): number {
    return (this.#sql('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n;
  }

  insertMovement(movement: string): void {
    this.#sql('INSERT INTO movements (movement) VALUES (?)').run(movement);
  }

  movements(): string[] {
    return (this.#sql('SELECT movement FROM movements ORDER BY id').all() as { movement: string }[]).map((r) => r.movement);
  }

  getScript(orderNo: string): string | undefined {
    return (this.#sql('SELECT script FROM scripts WHERE order_no = ?').get(orderNo) as { script: string } | undefined)?.script;
  }

  setScript(orderNo: string, script: string): void {
    this.#sql('INSERT INTO scripts (order_no, script) VALUES (?, ?) ON CONFLICT (order_no) DO UPDATE SET script = excluded.script').run(orderNo, script);
  }

  parkWaybill(logisticsNo: string, sender: string, guid: string, at: number, waybill: string): void {
    this.#sql('INSERT INTO parked_waybills (logistics_no, sender, guid, at, waybill) VALUES (?, ?, ?, ?, ?) ON CONFLICT (logistics_no) DO UPDATE SET sender = excluded.sender, guid = excluded.guid, at = excluded.at, waybill = excluded.waybill').run(logisticsNo, sender, guid, at, waybill);
  }

  /** Takes the waybill parked under `logisticsNo` out of the park. */
  takeWaybill(logisticsNo: string): { sender: string; guid: string; at: number; waybill: string } | undefined {
    const row = this.#sql('SELECT sender, guid, at, waybill FROM parked_waybills WHERE logistics_no = ?').get(logisticsNo) as { sender: string; guid: string; at: number; waybill: string } | undefined;
    if (row) this.#sql('DELETE FROM parked_waybills WHERE logistics_no = ?').run(logisticsNo);
    return row;
  }

  addSummaryList(invtNo: string, orderNo: string, releasedAt: number): void {
    this.#sql('INSERT OR IGNORE INTO summary_lists (invt_no, order_no, released_at) VALUES (?, ?, ?)').run(invtNo, orderNo, releasedAt);
  }

  summaryList(invtNo: string): { orderNo: string; releasedAt: number; summaryCopNo: string | null } | undefined {
    return this.#sql('SELECT order_no AS orderNo, released_at AS releasedAt, summary_cop_no AS summaryCopNo FROM summary_lists WHERE invt_no = ?').get(invtNo) as
      | { orderNo: string; releasedAt: number; summaryCopNo: string | null }
      | undefined;
  }

  markSummarised(invtNo: string, copNo: string): void {
    this.#sql('UPDATE summary_lists SET summary_cop_no = ? WHERE invt_no = ?').run(copNo, invtNo);
  }

  addWebhook(receiver: string, url: string, createdAt: number): WebhookRow {
    this.#hooks = undefined;
    const id = Number(this.#sql('INSERT INTO webhooks (receiver, url, created_at) VALUES (?, ?, ?)').run(receiver, url, createdAt).lastInsertRowid);
    return { id, receiver, url, createdAt };
  }

  webhooks(receiver?: string): WebhookRow[] {
    const columns = 'id, receiver, url, created_at AS createdAt';
    return (receiver === undefined ? this.#sql(`SELECT ${columns} FROM webhooks ORDER BY id`).all() : this.#sql(`SELECT ${columns} FROM webhooks WHERE receiver = ? ORDER BY id`).all(receiver)) as WebhookRow[];
  }

  /** The ids of the receiver's webhooks. */
  webhooksOf(receiver: string): readonly number[] {
    if (this.#hooks === undefined) {
      this.#hooks = new Map();
      for (const hook of this.webhooks()) this.#hooks.set(hook.receiver, [...(this.#hooks.get(hook.receiver) ?? []), hook.id]);
    }
    return this.#hooks.get(receiver) ?? [];
  }

  /** Forgets what is kept from earlier reads (after a rollback). */
  forgetCached(): void {
    this.#hooks = undefined;
  }

  deleteWebhook(id: number): boolean {
    this.#hooks = undefined;
    this.#sql('DELETE FROM deliveries WHERE webhook_id = ?').run(id);
    return this.#sql('DELETE FROM webhooks WHERE id = ?').run(id).changes === 1;
  }

  addDelivery(webhookId: number, receiptId: number, nextAt: number): void {
    this.#sql("INSERT OR IGNORE INTO deliveries (webhook_id, receipt_id, attempts, next_at, state, last_error) VALUES (?, ?, 0, ?, 'pending', '')").run(webhookId, receiptId, nextAt);
  }

  /** The oldest pending delivery of each webhook that is due at `wall` (one per webhook keeps them in order). */
  dueDeliveries(wall: number): DeliveryRow[] {
    return this.#sql(
      `SELECT webhook_id AS webhookId, receipt_id AS receiptId, attempts, next_at AS nextAt, state, last_error AS lastError FROM deliveries d
       WHERE state = 'pending' AND receipt_id = (SELECT MIN(receipt_id) FROM deliveries WHERE webhook_id = d.webhook_id AND state = 'pending') AND next_at <= ?
       ORDER BY webhook_id`,
    ).all(wall) as DeliveryRow[];
  }

  updateDelivery(row: DeliveryRow): void {
    this.#sql('UPDATE deliveries SET attempts = ?, next_at = ?, state = ?, last_error = ? WHERE webhook_id = ? AND receipt_id = ?').run(row.attempts, row.nextAt, row.state, row.lastError, row.webhookId, row.receiptId);
  }

  deliveries(state: DeliveryRow['state']): DeliveryRow[] {
    return this.#sql('SELECT webhook_id AS webhookId, receipt_id AS receiptId, attempts, next_at AS nextAt, state, last_error AS lastError FROM deliveries WHERE state = ? ORDER BY webhook_id, receipt_id').all(state) as DeliveryRow[];
  }

  deliveryCounts(): { state: string; count: number }[] {
    return this.#sql('SELECT state, COUNT(*) AS count FROM deliveries GROUP BY state ORDER BY state').all() as { state: string; count: number }[];
  }
}
