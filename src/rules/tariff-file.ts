/**
 * Tariff files: CSV or JSON, read into checked rows (`docs/tariff.md` describes both formats).
 *
 * JSON is an array of rows as {@link TariffRowInput}. CSV has a header row naming its columns
 * (any order, any subset but `prefix` and `source`): `prefix, description, duty, vatBand,
 * consumption, specific, highEnd.from, highEnd.consumption, highEnd.specific,
 * highEnd.postalCategory, exportRebate, postalCategory, from, until, source`. An empty cell is an
 * absent field. Quantities are written `AMOUNT/PER UNIT`: `specific` `0.5/0.5 l` is 0.5 CNY per
 * 0.5 l, and `highEnd.from` lists price tests joined by `;` (`10/1 ml; 15/1 piece`). Lines
 * starting with `#` are comments.
 */
import { readTextFile } from '../io/read-file.js';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { TariffError, type ValidationIssue } from '../domain/errors.js';
import { issuesFromZod } from '../domain/zod-issues.js';
import type { TariffRow } from './tariff.js';
import { tariffRowOf, tariffRowSchema, type TariffRowData } from './tariff-schema.js';

const CSV_COLUMNS = [
  'prefix',
  'description',
  'duty',
  'vatBand',
  'consumption',
  'specific',
  'highEnd.from',
  'highEnd.consumption',
  'highEnd.specific',
  'highEnd.postalCategory',
  'exportRebate',
  'postalCategory',
  'from',
  'until',
  'source',
] as const;

/** `AMOUNT/PER UNIT` (`0.5/0.5 l`) as an object with the given name for the amount; the text itself when it does not parse (zod then says why). */
function quantityCell(text: string, amountKey: 'amount' | 'price'): unknown {
  const match = /^\s*([^/\s]+)\s*\/\s*([^\s]+)\s+(\S+)\s*$/.exec(text);
  return match ? { [amountKey]: match[1], per: match[2], unit: match[3] } : text;
}

/** One CSV record (column -> cell) as a row object in the JSON shape. */
function rowFromCells(record: Readonly<Record<string, string>>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const highEnd: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(record)) {
    const cell = raw.trim();
    if (cell === '') continue;
    if (column === 'specific') row[column] = quantityCell(cell, 'amount');
    else if (column === 'highEnd.from') highEnd['from'] = cell.split(';').map((test) => quantityCell(test, 'price'));
    else if (column === 'highEnd.specific') highEnd['specific'] = quantityCell(cell, 'amount');
    else if (column === 'highEnd.postalCategory') highEnd['postalCategory'] = /^\d$/.test(cell) ? Number(cell) : cell;
    else if (column.startsWith('highEnd.')) highEnd[column.slice('highEnd.'.length)] = cell;
    else if (column === 'postalCategory') row[column] = /^\d$/.test(cell) ? Number(cell) : cell;
    else row[column] = cell;
  }
  if (Object.keys(highEnd).length > 0) row['highEnd'] = highEnd;
  return row;
}

/** Checks rows in the JSON shape; `originOf(i)` names where row i was read (`'tariff.csv line 3'`). */
export function checkTariffRows(rows: readonly unknown[], originOf: (i: number) => string, path: readonly (string | number)[] = []): { rows: TariffRowData[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const checked: TariffRowData[] = [];
  rows.forEach((row, i) => {
    const parsed = tariffRowSchema.safeParse(row, { reportInput: true });
    if (parsed.success) checked.push({ ...parsed.data, origin: originOf(i) });
    else issues.push(...issuesFromZod(parsed.error).map((issue) => ({ ...issue, path: [...path, i, ...issue.path], reason: `${originOf(i)}: ${issue.reason}` })));
  });
  return { rows: checked, issues };
}

function csvRecords(text: string, name: string): { records: Record<string, string>[]; lines: number[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, comment: '#', skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: false });
  } catch (e) {
    throw new TariffError([{ path: [name], value: undefined, reason: `is not valid CSV: ${(e as Error).message}` }]);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new TariffError([{ path: [name], value: unknown, reason: `has unknown columns ${unknown.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}.` }]);
  return { records: records.map((r) => r.record), lines: records.map((r) => r.info.lines) };
}

/**
 * Reads a tariff from text: JSON (an array of rows) when it starts with `[`, CSV otherwise.
 * `name` names the source in errors and in each row's `origin`.
 *
 * @throws {@link TariffError} listing every bad cell with its row and column
 */
export function readTariff(text: string, name: string): TariffRowData[] {
  const body = text.replace(/^\uFEFF/, '');
  let rows: unknown[];
  let originOf: (i: number) => string;
  if (body.trimStart().startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      throw new TariffError([{ path: [name], value: undefined, reason: `is not valid JSON: ${(e as Error).message}` }]);
    }
    rows = z.array(z.unknown()).parse(json);
    originOf = (i) => `${name} row ${i + 1}`;
  } else {
    const { records, lines } = csvRecords(body, name);
    rows = records.map(rowFromCells);
    originOf = (i) => `${name} line ${lines[i] ?? i + 2}`;
  }
  const { rows: checked, issues } = checkTariffRows(rows, originOf);
  if (issues.length > 0) throw new TariffError(issues);
  if (checked.length === 0) throw new TariffError([{ path: [name], value: undefined, reason: 'has no rows.' }]);
  return checked;
}

/**
 * Reads a tariff file (CSV or JSON, told apart by content) into rows with exact rates, each
 * naming where it was read (`origin`, e.g. `tariff.csv line 4`), ready for `retailImportTax`'s
 * `tariff` or `productRates`.
 *
 * @throws {@link TariffError} for an unreadable file or any bad row, naming the line and column
 * @example
 * ```ts
 * const tariff = loadTariff('examples/tariffs/catalogue-200.csv');
 * retailImportTax({ date: '2024-03-01', tariff, lines: [{ hsCode: '8510100000', quantity: 1, unitPrice: '399.00' }] });
 * ```
 */
export function loadTariff(path: string): TariffRow[] {
  return readTariffFile(path).map(tariffRowOf);
}

/** The checked rows of a tariff file, still as text (what a scenario carries). */
export function readTariffFile(path: string): TariffRowData[] {
  const file = readTextFile(path);
  if (file.problem !== undefined) throw new TariffError([{ path: [path], value: undefined, reason: file.problem }]);
  return readTariff(file.text, basename(path));
}
