/**
 * The packages only the sandbox server needs (SQLite, with a native build, and the HTTP server)
 * are optional peers of cbec-sim: a library user who never starts a sandbox installs none of
 * them. They are loaded when a sandbox starts; when one is missing, the error names all three,
 * with the versions that fit, so one command installs what is needed.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type * as FastifyModule from 'fastify';
import type * as RateLimitModule from '@fastify/rate-limit';
import { MissingDependencyError } from '../domain/errors.js';

/** What to install for the sandbox server, with the versions cbec-sim is built against. */
export const SANDBOX_PACKAGES: readonly string[] = ['better-sqlite3@^12.11.1', 'fastify@^5.12.8', '@fastify/rate-limit@^11.2.0'];

const FEATURE = "The sandbox's HTTP server and database (cbec-sim serve, startSandbox)";

function notFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/** The SQLite driver's constructor (`load` stands in for loading it in tests). */
export type SqliteConstructor = typeof BetterSqlite3;

/**
 * Loads better-sqlite3.
 *
 * @throws {@link MissingDependencyError} naming the sandbox's packages when it is not installed
 */
export function loadSqlite(load: () => unknown = () => createRequire(import.meta.url)('better-sqlite3')): SqliteConstructor {
  try {
    return load() as SqliteConstructor;
  } catch (error) {
    if (notFound(error)) throw new MissingDependencyError(SANDBOX_PACKAGES, FEATURE, { cause: error });
    throw error;
  }
}

/** The HTTP server modules. */
export interface HttpModules {
  readonly fastify: typeof FastifyModule.default;
  readonly rateLimit: typeof RateLimitModule.default;
}

/**
 * Loads fastify and @fastify/rate-limit.
 *
 * @throws {@link MissingDependencyError} naming the sandbox's packages when either is not installed
 */
export async function loadHttp(load: () => Promise<[typeof FastifyModule, typeof RateLimitModule]> = () => Promise.all([import('fastify'), import('@fastify/rate-limit')])): Promise<HttpModules> {
  try {
    const [fastify, rateLimit] = await load();
    return { fastify: fastify.default, rateLimit: rateLimit.default };
  } catch (error) {
    if (notFound(error)) throw new MissingDependencyError(SANDBOX_PACKAGES, FEATURE, { cause: error });
    throw error;
  }
}
