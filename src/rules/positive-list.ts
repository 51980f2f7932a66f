/**
 * The CBEC retail-import positive list (跨境电子商务零售进口商品清单): the 8-digit tariff lines that
 * may be imported through the retail channels (9610 and 1210/1239 import). The list is not public
 * as data, so cbec-sim ships none: a user who has one passes it (a scenario's `positiveList`, the
 * library option of the same name). Without a list, nothing is refused on that ground.
 *
 * Format (JSON): `{ "version": "2022-03-01", "lines": ["33049900", ...] }`: the day the list (or
 * its latest adjustment) came into force, and its tariff lines. Goods are checked from the
 * version day on.
 */
import { readTextFile } from '../io/read-file.js';
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { issuesFromZod } from '../domain/zod-issues.js';

/** The positive list as written. */
export const positiveListSchema = /* @__PURE__ */ (() =>
  z
  .object({
    /** The day the list came into force, `'YYYY-MM-DD'`. */
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be the day the list came into force, 'YYYY-MM-DD'"),
    /** The tariff lines on the list, 8 digits each. */
    lines: z.array(z.string().regex(/^\d{8}$/, 'must be an 8-digit tariff line, e.g. 33049900')).min(1, 'must list at least one tariff line'),
  })
  .strict())();

/** A positive list as plain data (what a scenario carries). */
export type PositiveListData = z.output<typeof positiveListSchema>;

/** A positive list ready for checks. */
export interface PositiveList {
  readonly version: string;
  readonly lines: ReadonlySet<string>;
}

/**
 * A positive list from its data.
 *
 * @throws {@link ValidationError} naming the bad field
 * @example
 * ```ts
 * const list = positiveList({ version: '2022-03-01', lines: ['33049900', '19011010'] });
 * positiveListRefusal(list, ['3304990099'], '2023-01-01'); // undefined: on the list
 * ```
 */
export function positiveList(data: unknown): PositiveList {
  const parsed = positiveListSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error), 'Invalid positive list');
  return { version: parsed.data.version, lines: new Set(parsed.data.lines) };
}

/**
 * Reads a positive-list file (JSON).
 *
 * @throws {@link ValidationError} for an unreadable file, bad JSON or a bad field
 */
export function readPositiveListFile(path: string): PositiveListData {
  const file = readTextFile(path);
  if (file.problem !== undefined) throw new ValidationError([{ path: [path], value: undefined, reason: file.problem }], 'Invalid positive list');
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (e) {
    throw new ValidationError([{ path: [path], value: undefined, reason: `cannot be read as a JSON positive list: ${(e as Error).message}` }], 'Invalid positive list');
  }
  const parsed = positiveListSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error).map((i) => ({ ...i, path: [path, ...i.path] })), 'Invalid positive list');
  return parsed.data;
}

/**
 * Why goods with these HS codes may not be imported at retail on `day` under `list`, or
 * `undefined` when every one is on it (or the list is not yet in force).
 */
export function positiveListRefusal(list: PositiveList, hsCodes: readonly string[], day: string): string | undefined {
  if (day < list.version) return undefined;
  const off = [...new Set(hsCodes.map((code) => code.slice(0, 8)).filter((line) => !list.lines.has(line)))];
  if (off.length === 0) return undefined;
  return `${off.join(', ')} ${off.length === 1 ? 'is' : 'are'} not on the positive list of ${list.version}`;
}
