/**
 * Starting a sandbox: the core on its database, the HTTP server, and the workers a running
 * sandbox needs (due work on a moving clock, webhook delivery, the folder exchange).
 */
import type { AddressInfo } from 'node:net';
import { ValidationError } from '../domain/errors.js';
import { loadScenario } from '../sim/scenario/load.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { toEpoch } from '../sim/clock.js';
import { checkExposure } from './access.js';
import { createSandboxClient, type SandboxClient } from './client.js';
import { clockModeText, parseClockMode } from './clock.js';
import { FolderExchange } from './exchange.js';
import { openEngine } from './open.js';
import { createServer } from './server.js';
import { Ticker } from './ticker.js';
import { WebhookDeliverer, type WebhookOptions } from './webhooks.js';

/** Options of {@link startSandbox}; every one has a default fit for a test. */
export interface SandboxOptions {
  /** Address to bind (default `127.0.0.1`); any other address needs `apiKeys` and `adminToken`. */
  readonly host?: string;
  /** Port (default 0: any free port; read it from `url`). */
  readonly port?: number;
  /** SQLite database file (default `':memory:'`, gone when the sandbox closes). */
  readonly db?: string;
  /** Seed of the outcomes drawn and the receipt guids (default 1). */
  readonly seed?: number;
  /** `manual` (default), `real` or `xN`. */
  readonly clock?: string;
  /** Rates, durations and customs district: a scenario file path or a parsed scenario. */
  readonly scenario?: string | Scenario;
  /** Where a new manual or scaled clock starts (ISO with zone, or epoch ms; default the scenario's start). */
  readonly start?: string | number;
  /** Folder exchange directory: `send/` is read, `receive/` and `failed/` written. */
  readonly exchange?: string;
  /** API key to the DXP id it stands for; when any is given, every CEB call needs one. */
  readonly apiKeys?: Readonly<Record<string, string>>;
  /** Admin token for the clock, scripts, webhooks and views. */
  readonly adminToken?: string;
  /** Requests per second each sender may post (default 5000; 0: no limit). */
  readonly rateLimit?: number;
  readonly webhooks?: WebhookOptions;
  /**
   * Work beside the thread that drives the orders, on threads of its own: reading posted
   * messages (XML and schema check), and checkpointing a database file's write-ahead log (default
   * false; `cbec-sim serve` turns them on where there is more than one core). They raise
   * throughput under load; a sandbox inside a test starts quicker without.
   */
  readonly threads?: boolean;
}

/** A running sandbox. */
export interface Sandbox {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  /** A client of this sandbox (with the admin token, if one was set). */
  readonly client: SandboxClient;
  /** The clock: `manual`, `real` or `xN`, and sandbox time now (epoch ms). */
  clock(): { readonly mode: string; readonly now: number };
  /** Stops the workers and the server, and closes the database. */
  close(): Promise<void>;
}

function scenarioOf(value: SandboxOptions['scenario']): Scenario | undefined {
  return typeof value === 'string' ? loadScenario(value) : value;
}

/**
 * Starts a sandbox: for a test, `await startSandbox()` gives an in-memory sandbox on a manual
 * clock at a free loopback port.
 *
 * @throws `ValidationError` for a bad clock, seed, start or an unprotected non-loopback host
 * @throws `MissingDependencyError` when better-sqlite3, fastify or @fastify/rate-limit (optional
 *   peers of cbec-sim) is not installed
 * @example
 * ```ts
 * const sandbox = await startSandbox();
 * await sandbox.client.send(xml);
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const access = { apiKeys: new Map(Object.entries(options.apiKeys ?? {})), adminToken: options.adminToken };
  checkExposure(host, access);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new ValidationError([{ path: ['seed'], value: seed, reason: 'must be a whole number.' }], 'Invalid option');
  const engine = openEngine({
    db: options.db ?? ':memory:',
    seed,
    clock: parseClockMode(options.clock ?? 'manual'),
    scenario: scenarioOf(options.scenario),
    start: options.start === undefined ? undefined : toEpoch(options.start, 'start'),
    checkpointThread: options.threads ?? false,
  });
  const deliverer = new WebhookDeliverer(engine, options.webhooks);
  const ticker = new Ticker(engine);
  const exchange = options.exchange === undefined ? undefined : new FolderExchange(engine, options.exchange);
  engine.onReceipts(() => deliverer.nudge());
  let app: Awaited<ReturnType<typeof createServer>>;
  try {
    app = await createServer({ engine, access, rateLimit: options.rateLimit ?? 5000, deliverer, readerThread: options.threads ?? false });
    await app.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await engine.store.close();
    throw error;
  }
  deliverer.start();
  ticker.start();
  exchange?.start();
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    client: createSandboxClient(url, options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
    clock: () => ({ mode: clockModeText(engine.clock.mode), now: engine.clock.now() }),
    async close() {
      exchange?.stop();
      ticker.stop();
      deliverer.stop();
      await app.close();
      await engine.store.close();
    },
  };
}
