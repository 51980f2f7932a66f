/**
 * JSON for what the sandbox stores: orders, channel events and ledger movements carry exact
 * amounts ({@link Money}), which plain JSON would turn into strings. Amounts are written as
 * `{"$money":"12.30"}` and read back as Money, so a stored event replays exactly.
 */
import { Decimal } from 'decimal.js';
import { money } from '../money/money.js';

const TAG = '$money';

/**
 * `value` with every amount replaced by its tagged form: plain objects and arrays are copied,
 * anything else (text, numbers, objects with their own JSON form) is left to `JSON.stringify`.
 */
function tagged(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Decimal.isDecimal(value)) return { [TAG]: value.toString() };
  if (Array.isArray(value)) return value.map(tagged);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  // no prototype: a field named `__proto__` is a field like any other, as JSON.stringify writes it
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, field] of Object.entries(value)) out[key] = tagged(field);
  return out;
}

/**
 * Writes `value` as JSON, amounts tagged (copied with the tags first, then written without a
 * replacer: a replacer is called back for every field, which costs more than the copy).
 */
export function encode(value: unknown): string {
  return JSON.stringify(tagged(value));
}

/** Reads JSON written by {@link encode}, amounts back as Money. */
export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, raw: unknown) => {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const tagged = (raw as Record<string, unknown>)[TAG];
      if (typeof tagged === 'string' && Object.keys(raw).length === 1) return money(tagged);
    }
    return raw;
  }) as T;
}

/** Texts of values never changed once made, kept with the value. */
const keptTexts = /* @__PURE__ */ new WeakMap<object, string>();

/**
 * {@link encode} of a value that is never changed once made (a received document, an order's
 * machine input): written once, and the text kept with the value for the next time.
 */
export function encodeUnchanging(value: object): string {
  let text = keptTexts.get(value);
  if (text === undefined) {
    text = encode(value);
    keptTexts.set(value, text);
  }
  return text;
}

/**
 * {@link encode} of a plain object whose object fields are never changed once made (an order's
 * dossier: a new object whenever a document arrives, the documents in it the same; a channel
 * event carrying a document): each field is written by {@link encodeUnchanging}, so only the
 * object around them is written again.
 */
export function encodeOverUnchanging(value: object): string {
  const parts: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    parts.push(`${JSON.stringify(key)}:${typeof field === 'object' && field !== null ? encodeUnchanging(field as object) : JSON.stringify(field)}`);
  }
  return `{${parts.join(',')}}`;
}
