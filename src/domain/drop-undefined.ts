import { Decimal } from 'decimal.js';

/** Optional keys made to hold `undefined` (as zod output has them) become absent keys. */
export type WithoutUndefined<T> = T extends Decimal | readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T as undefined extends T[K] ? never : K]: WithoutUndefined<T[K]> } & {
        [K in keyof T as undefined extends T[K] ? K : never]?: WithoutUndefined<Exclude<T[K], undefined>>;
      }
    : T;

/**
 * Removes keys whose value is `undefined`, deeply through plain objects (not arrays' items'
 * identity, not Decimals), so parsed data satisfies `exactOptionalPropertyTypes` model types.
 *
 * @internal
 */
export function dropUndefined<T>(value: T): WithoutUndefined<T> {
  if (Array.isArray(value)) return value.map((v: unknown) => dropUndefined(v)) as WithoutUndefined<T>;
  if (value === null || typeof value !== 'object' || Decimal.isDecimal(value)) return value as WithoutUndefined<T>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = dropUndefined(v);
  return out as WithoutUndefined<T>;
}
