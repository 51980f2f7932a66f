/**
 * The sandbox database schema as numbered migrations. A database records the last migration it
 * ran (`PRAGMA user_version`); opening it runs the newer ones, each in its own transaction, and
 * refuses a database written by a newer cbec-sim. Never edit a migration that has shipped: add one.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CbecError } from '../domain/errors.js';

/** One schema step. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'messages, orders and their events, receipts, cursors, scheduled work, ledger movements',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        guid TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        sender TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        xml TEXT NOT NULL
      );
      CREATE TABLE message_orders (order_no TEXT NOT NULL, guid TEXT NOT NULL, PRIMARY KEY (order_no, guid));
      CREATE TABLE orders (
        order_no TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        input TEXT NOT NULL,
        docs TEXT NOT NULL,
        state TEXT NOT NULL,
        done INTEGER NOT NULL,
        script TEXT NOT NULL,
        cop_no TEXT,
        invt_no TEXT,
        logistics_no TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX orders_cop_no ON orders (cop_no);
      CREATE INDEX orders_invt_no ON orders (invt_no);
      CREATE INDEX orders_logistics_no ON orders (logistics_no);
      CREATE TABLE events (
        order_no TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        event TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        PRIMARY KEY (order_no, seq)
      );
      CREATE TABLE receipts (
        id INTEGER PRIMARY KEY,
        guid TEXT NOT NULL UNIQUE,
        receiver TEXT NOT NULL,
        order_no TEXT,
        type TEXT NOT NULL,
        status INTEGER NOT NULL,
        info TEXT NOT NULL,
        at INTEGER NOT NULL,
        xml TEXT NOT NULL
      );
      CREATE INDEX receipts_receiver ON receipts (receiver, id);
      CREATE INDEX receipts_order ON receipts (order_no, id);
      CREATE TABLE cursors (receiver TEXT PRIMARY KEY, acked INTEGER NOT NULL);
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        due_at INTEGER NOT NULL,
        order_no TEXT NOT NULL,
        slot TEXT NOT NULL,
        action TEXT NOT NULL,
        UNIQUE (order_no, slot)
      );
      CREATE INDEX jobs_due ON jobs (due_at, id);
      CREATE TABLE movements (id INTEGER PRIMARY KEY, movement TEXT NOT NULL);
      CREATE TABLE scripts (order_no TEXT PRIMARY KEY, script TEXT NOT NULL);
      CREATE TABLE parked_waybills (logistics_no TEXT PRIMARY KEY, sender TEXT NOT NULL, guid TEXT NOT NULL, at INTEGER NOT NULL, waybill TEXT NOT NULL);
      CREATE TABLE summary_lists (invt_no TEXT PRIMARY KEY, order_no TEXT NOT NULL, released_at INTEGER NOT NULL, summary_cop_no TEXT);
    `,
  },
  {
    version: 2,
    name: 'webhooks and their deliveries',
    sql: `
      CREATE TABLE webhooks (id INTEGER PRIMARY KEY, receiver TEXT NOT NULL, url TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE INDEX webhooks_receiver ON webhooks (receiver);
      CREATE TABLE deliveries (
        webhook_id INTEGER NOT NULL,
        receipt_id INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        next_at INTEGER NOT NULL,
        state TEXT NOT NULL,
        last_error TEXT NOT NULL,
        PRIMARY KEY (webhook_id, receipt_id)
      );
      CREATE INDEX deliveries_due ON deliveries (state, next_at);
    `,
  },
  {
    version: 3,
    // A receipt's guid is drawn from its own serial, so it is unique by construction, and nothing
    // looks a receipt up by it; the index that checked it cost a random page on every insert.
    name: 'receipts without the index on their guid',
    sql: `
      CREATE TABLE receipts_v3 (
        id INTEGER PRIMARY KEY,
        guid TEXT NOT NULL,
        receiver TEXT NOT NULL,
        order_no TEXT,
        type TEXT NOT NULL,
        status INTEGER NOT NULL,
        info TEXT NOT NULL,
        at INTEGER NOT NULL,
        xml TEXT NOT NULL
      );
      INSERT INTO receipts_v3 (id, guid, receiver, order_no, type, status, info, at, xml)
        SELECT id, guid, receiver, order_no, type, status, info, at, xml FROM receipts;
      DROP TABLE receipts;
      ALTER TABLE receipts_v3 RENAME TO receipts;
      CREATE INDEX receipts_receiver ON receipts (receiver, id);
      CREATE INDEX receipts_order ON receipts (order_no, id);
    `,
  },
  {
    version: 4,
    // An order's machine input is made from its documents, which the row keeps: stored beside them,
    // it was a second copy of the order written again with every document that came.
    name: 'orders without their machine input (made from their documents)',
    sql: 'ALTER TABLE orders DROP COLUMN input;',
  },
];

/** The schema version this cbec-sim writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings `db` to {@link SCHEMA_VERSION}, one transaction per migration.
 *
 * @throws {@link CbecError} when the database was written by a newer cbec-sim
 */
export function migrate(db: BetterSqlite3.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new CbecError('VALIDATION', `The sandbox database is at schema version ${current}, newer than this cbec-sim's ${SCHEMA_VERSION}; open it with a newer cbec-sim or start a new database.`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
