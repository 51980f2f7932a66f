/**
 * Look-ups into the code tables: each table is indexed by its keys on first use, so importing a
 * table costs nothing until a code is looked up (and an unused table drops out of a bundle: the
 * look-ups are made with a pure call).
 *
 * @internal
 */

/**
 * A look-up of `rows` by each of their keys (`keys(row)`), written in any case and with spaces
 * around it; the index is built on the first call. A key shared by two rows finds the first. Not a
 * string, or no row: `undefined`.
 *
 * @internal
 */
export function codeLookup<T>(rows: readonly T[], keys: (row: T) => readonly (string | undefined)[]): (code: string) => T | undefined {
  let index: Map<string, T> | undefined;
  return (code) => {
    if (index === undefined) {
      index = new Map();
      for (const row of rows) for (const key of keys(row)) if (key !== undefined && !index.has(key.toUpperCase())) index.set(key.toUpperCase(), row);
    }
    return typeof code === 'string' ? index.get(code.trim().toUpperCase()) : undefined;
  };
}
