/**
 * Counts by key as plain records, the form figures take to cross threads, and their sum.
 */

/** Counts by key (a state, a reason, an hour). */
export type Counts = Readonly<Record<string, number>>;

/**
 * The key-by-key sum of `records`; keys appear in the order first seen.
 *
 * @example
 * ```ts
 * addCounts([{ a: 1 }, { a: 2, b: 1 }]); // { a: 3, b: 1 }
 * ```
 */
export function addCounts(records: readonly Counts[]): Record<string, number> {
  const total = new Map<string, number>();
  for (const record of records) for (const [key, n] of Object.entries(record)) total.set(key, (total.get(key) ?? 0) + n);
  return Object.fromEntries(total);
}
