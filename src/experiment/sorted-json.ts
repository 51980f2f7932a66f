/** JSON with every object's keys sorted, so equal values give equal text. */

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `value` as JSON with its objects' keys sorted; `indent` spaces per level (none by default).
 *
 * @example
 * ```ts
 * sortedJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 */
export function sortedJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, sortKeys, indent);
}
