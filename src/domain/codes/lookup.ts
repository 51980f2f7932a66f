/**
 * Look-ups into the code tables: each table is indexed by its keys on first use, so importing a
 * table costs nothing until a code is looked up (and an unused table drops out of a bundle).
 *
 * @internal
 */

/**
 * A map from every key of every row (upper-cased) to its row. Later rows never replace earlier
 * ones: a key shared by two rows finds the first.
 *
 * @internal
 */
export function indexRows<T>(rows: readonly T[], keys: (row: T) => readonly (string | undefined)[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const row of rows) {
    for (const key of keys(row)) if (key !== undefined && !index.has(key.toUpperCase())) index.set(key.toUpperCase(), row);
  }
  return index;
}

/**
 * The row a code names in `index`, written in any case and with spaces around it; `undefined`
 * for anything else (including a value that is not a string).
 *
 * @internal
 */
export function findCode<T>(index: Map<string, T>, code: unknown): T | undefined {
  return typeof code === 'string' ? index.get(code.trim().toUpperCase()) : undefined;
}
