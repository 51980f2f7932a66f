/**
 * Who may do what: per-sender API keys (`X-Api-Key`), each bound to the DXP id it may send as and
 * pull receipts for, and an admin token (`Authorization: Bearer ...`) for the clock, scripts,
 * webhooks and the order views. Both are optional on a loopback address and required on any other.
 */
import { timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../domain/errors.js';

/** The keys and token a sandbox checks. */
export interface AccessRules {
  /** API key to the sender (DXP id) it stands for; empty: no key needed. */
  readonly apiKeys: ReadonlyMap<string, string>;
  /** The admin token; undefined: admin calls are open. */
  readonly adminToken?: string | undefined;
}

/** Loopback hosts, on which keys and token are optional. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks that a sandbox bound to `host` is protected.
 *
 * @throws {@link ValidationError} naming `--api-key` or `--admin-token` when a non-loopback host lacks them
 */
export function checkExposure(host: string, rules: AccessRules): void {
  if (isLoopback(host)) return;
  const issues = [
    ...(rules.apiKeys.size === 0 ? [{ path: ['--api-key'], value: undefined, reason: `is required when binding to ${host}, which is not a loopback address: give each sender a key (KEY=DXPID).` }] : []),
    ...(rules.adminToken === undefined ? [{ path: ['--admin-token'], value: undefined, reason: `is required when binding to ${host}, which is not a loopback address.` }] : []),
  ];
  if (issues.length > 0) throw new ValidationError(issues, 'Unprotected sandbox');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The sender an API key stands for; undefined for an unknown or missing key. */
export function senderOfKey(rules: AccessRules, key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  for (const [known, sender] of rules.apiKeys) if (same(known, key)) return sender;
  return undefined;
}

/** True when the admin token is open or `given` is it. */
export function adminAllowed(rules: AccessRules, given: string | undefined): boolean {
  return rules.adminToken === undefined || (given !== undefined && same(rules.adminToken, given));
}

/**
 * Reads `KEY=DXPID` pairs.
 *
 * @throws {@link ValidationError} naming `--api-key` for a pair without `=` or with an empty side
 */
export function parseApiKeys(pairs: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>();
  pairs.forEach((pair, i) => {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) throw new ValidationError([{ path: ['--api-key', i], value: pair.replace(/=.*/, '=…'), reason: "must be KEY=DXPID, e.g. 's3cret=DXPENT0000458763'." }], 'Invalid option');
    keys.set(pair.slice(0, at), pair.slice(at + 1));
  });
  return keys;
}
