/**
 * Paths into JSON documents, as users write them: `customs.capacityPerHour`,
 * `arrivals[0].ordersPerDay`, `channels[9610-import].clearance.p90`.
 *
 * A path is dot-separated field names; `[key]` after a name picks an element of a list or a field
 * of an object. An element is picked by its identifying field (the first of {@link ID_FIELDS} that
 * equals the key: `channels[9610-import]` is the channel whose `channel` is `9610-import`), or, when
 * none matches and the key is a whole number, by its position. On an object, `[key]` is the field
 * named `key`, which may contain dots (`byState[in flight: delivery.outbound]`).
 */

/** One step of a path: a field by name, or an element (or field) by key. */
export type PathStep = { readonly field: string } | { readonly key: string };

/** The fields that identify an element of a list, tried in this order. */
export const ID_FIELDS: readonly string[] = ['channel', 'name', 'id', 'itemNo', 'date', 'hour'];

/** A path read from text, or why it cannot be read. */
export type ParsedPath = { readonly steps: readonly PathStep[] } | { readonly problem: string };

/**
 * Reads a path.
 *
 * @example
 * ```ts
 * parsePath('channels[9610-import].clearance.p90');
 * // { steps: [{ field: 'channels' }, { key: '9610-import' }, { field: 'clearance' }, { field: 'p90' }] }
 * ```
 */
export function parsePath(text: string): ParsedPath {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && !'.[]'.includes(text[i]!)) i++;
    if (i === start) return { problem: `has no field name at character ${i + 1}; write fields as a.b and elements as a[key].` };
    steps.push({ field: text.slice(start, i) });
    while (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return { problem: `has a '[' at character ${i + 1} that is never closed.` };
      if (close === i + 1) return { problem: `has an empty [] at character ${i + 1}; put a key or a position inside.` };
      steps.push({ key: text.slice(i + 1, close) });
      i = close + 1;
    }
    if (i === text.length) break;
    if (text[i] !== '.') return { problem: `has '${text[i]!}' at character ${i + 1} where a '.' or the end was expected.` };
    i++;
    if (i === text.length) return { problem: 'ends with a dot.' };
  }
  if (steps.length === 0) return { problem: 'is empty.' };
  return { steps };
}

/** What a path leads to in a document, or where it stops and why. */
export type Resolved = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly problem: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (names: readonly string[]) => (names.length > 12 ? `${names.slice(0, 12).join(', ')}, ... (${names.length} in all)` : names.join(', '));

/** The identifying value of a list element, as text, for messages. */
function elementId(element: unknown, position: number): string {
  if (!isRecord(element)) return String(position);
  const field = ID_FIELDS.find((f) => typeof element[f] === 'string' || typeof element[f] === 'number');
  return field === undefined ? String(position) : String(element[field]);
}

/** The position of the element `key` picks in `items`, or -1. */
export function elementIndex(items: readonly unknown[], key: string): number {
  for (const field of ID_FIELDS) {
    const found = items.findIndex((e) => isRecord(e) && (typeof e[field] === 'string' || typeof e[field] === 'number') && String(e[field]) === key);
    if (found >= 0) return found;
  }
  return /^\d+$/.test(key) && Number(key) < items.length ? Number(key) : -1;
}

/** The name of the step, as written. */
function stepText(step: PathStep): string {
  return 'field' in step ? step.field : `[${step.key}]`;
}

/** One step down from `value`, or why not. */
function down(value: unknown, step: PathStep): Resolved {
  const name = 'field' in step ? step.field : step.key;
  if (Array.isArray(value)) {
    if ('field' in step) return { found: false, problem: `is a list: pick an element with [key] before '${name}'.` };
    const index = elementIndex(value, name);
    if (index >= 0) return { found: true, value: value[index] };
    const ids = value.map(elementId);
    return { found: false, problem: ids.length === 0 ? `is an empty list, so it has no element '${name}'.` : `has no element '${name}'; its elements are ${list(ids)}.` };
  }
  if (isRecord(value)) {
    if (Object.hasOwn(value, name)) return { found: true, value: value[name] };
    return { found: false, problem: `has no field '${name}'; its fields are ${list(Object.keys(value).sort())}.` };
  }
  return { found: false, problem: `is ${value === null ? 'null' : `a ${typeof value}`}, so it has no '${name}'.` };
}

/** Writes `steps` back as text: `formatSteps(parsePath(t).steps) === t` for any path written with dots and brackets. */
export function formatSteps(steps: readonly PathStep[]): string {
  return steps.map((s, i) => ('key' in s ? stepText(s) : i === 0 ? s.field : `.${s.field}`)).join('');
}

/**
 * Follows `steps` into `document`.
 *
 * @example
 * ```ts
 * resolvePath({ a: [{ channel: 'x', n: 1 }] }, [{ field: 'a' }, { key: 'x' }, { field: 'n' }]); // { found: true, value: 1 }
 * ```
 */
export function resolvePath(document: unknown, steps: readonly PathStep[]): Resolved {
  let value = document;
  for (let i = 0; i < steps.length; i++) {
    const next = down(value, steps[i]!);
    if (!next.found) return { found: false, problem: `${i === 0 ? 'the document' : formatSteps(steps.slice(0, i))} ${next.problem}` };
    value = next.value;
  }
  return { found: true, value };
}

/**
 * A copy of `document` with the value at `steps` replaced by `value`. Objects missing on the way
 * are created (a field left to its default in a file); lists and their elements must exist.
 *
 * @throws Error when the path crosses a list element that does not exist or a value that is not an object
 */
export function withValueAt(document: unknown, steps: readonly PathStep[], value: unknown): unknown {
  const [step, ...rest] = steps;
  if (step === undefined) return value;
  const name = 'field' in step ? step.field : step.key;
  if (Array.isArray(document)) {
    const index = 'key' in step ? elementIndex(document, name) : -1;
    if (index < 0) throw new Error(`no element '${name}' in the list`);
    return document.map((e, i) => (i === index ? withValueAt(e, rest, value) : e));
  }
  if (document !== undefined && !isRecord(document)) throw new Error(`'${name}' is under a value that is not an object`);
  const record = document ?? {};
  return { ...record, [name]: withValueAt(record[name], rest, value) };
}
