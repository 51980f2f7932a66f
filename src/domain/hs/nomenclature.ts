/**
 * The HS nomenclature of China's Customs Tariff (税则号列): which 8-digit tariff lines exist in an
 * edition, a business-level check that an HS code names real goods rather than just well-formed
 * digits.
 *
 * Source: the 8-digit commodity codes of 2019 (8,557 lines) and 2023 (8,957 lines) published by the
 * China Customs statistics platform, as collected in the repository turbanisch/chinautils (MIT
 * licence). The 2019 edition follows HS 2017 and the 2023 edition HS 2022.
 *
 * The lists ship as a packed data file beside the built package (`hs-nomenclature.txt`: sorted
 * codes as base-36 gaps), read on the first check and never bundled into code: a program that only
 * computes tax does not carry them.
 */
import { readFileSync } from 'node:fs';
import { CbecError } from '../errors.js';

/** An edition of the nomenclature cbec-sim ships: the tariff lines of 2019 and of 2023. */
export type NomenclatureEdition = 2019 | 2023;

/** The editions cbec-sim ships, oldest first. */
export const NOMENCLATURE_EDITIONS: readonly NomenclatureEdition[] = [2019, 2023];

/** The first day the 2023 edition (HS 2022) stands for: HS 2022 came into force on 2022-01-01. */
const HS_2022_FROM = '2022-01-01';

/**
 * The edition that stands for the tariff on `day` (`'YYYY-MM-DD'`): 2019 before 2022-01-01 (the
 * HS 2017 years; lines from before 2019 are checked against it too), 2023 from then (HS 2022).
 * An approximation: lines added or split within those years are only in the later edition.
 *
 * @example
 * ```ts
 * nomenclatureEditionAt('2021-06-01'); // 2019
 * nomenclatureEditionAt('2022-01-01'); // 2023
 * ```
 */
export function nomenclatureEditionAt(day: string): NomenclatureEdition {
  return day < HS_2022_FROM ? 2019 : 2023;
}

let editions: ReadonlyMap<NomenclatureEdition, Uint32Array> | undefined;

/** Reads and unpacks the data file, once. */
function loadEditions(): ReadonlyMap<NomenclatureEdition, Uint32Array> {
  if (editions) return editions;
  const file = new URL('./hs-nomenclature.txt', import.meta.url);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CbecError('INTERNAL', `The HS nomenclature data file ${file.pathname} cannot be read (${(e as Error).message}); it ships with cbec-sim: reinstall the package.`);
  }
  const unpacked = new Map<NomenclatureEdition, Uint32Array>();
  for (const line of text.split('\n').slice(1)) {
    const [edition, count, gaps] = line.split(' ');
    if (edition === undefined || count === undefined || gaps === undefined) continue;
    const codes = new Uint32Array(Number(count));
    let code = 0;
    gaps.split(',').forEach((gap, i) => {
      code += parseInt(gap, 36);
      codes[i] = code;
    });
    unpacked.set(Number(edition) as NomenclatureEdition, codes);
  }
  editions = unpacked;
  return unpacked;
}

function linesOf(edition: NomenclatureEdition): Uint32Array {
  const lines = loadEditions().get(edition);
  if (!lines) throw new CbecError('INTERNAL', `The HS nomenclature data file has no ${edition} edition; reinstall cbec-sim.`);
  return lines;
}

/** The number of 8-digit tariff lines in an edition (8,557 in 2019, 8,957 in 2023). */
export function tariffLineCount(edition: NomenclatureEdition): number {
  return linesOf(edition).length;
}

/**
 * Every tariff line of an edition, 8 digits each, in ascending order.
 *
 * @example
 * ```ts
 * tariffLines(2023).filter((line) => line.startsWith('3304')); // ['33041000', '33042000', ...]
 * ```
 */
export function tariffLines(edition: NomenclatureEdition): string[] {
  return Array.from(linesOf(edition), (code) => String(code).padStart(8, '0'));
}

/**
 * True when `line` (8 digits) is a tariff line of `edition`.
 *
 * @example
 * ```ts
 * isTariffLine('33049900', 2023); // true (other beauty or skin-care preparations)
 * isTariffLine('33049999', 2023); // false
 * ```
 */
export function isTariffLine(line: string, edition: NomenclatureEdition): boolean {
  if (!/^\d{8}$/.test(line)) return false;
  const lines = linesOf(edition);
  const wanted = Number(line);
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = lines[mid]!;
    if (at === wanted) return true;
    if (at < wanted) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Why an HS code of 8 or 10 digits does not name a tariff line in force on `day`, or `undefined`
 * when its first 8 digits are a line of the edition for that day ({@link nomenclatureEditionAt}).
 * The last two digits of a 10-digit code are China's statistical extension, which the
 * nomenclature does not list.
 *
 * @example
 * ```ts
 * tariffLineProblem('3304990099', '2023-05-01'); // undefined
 * tariffLineProblem('3304999900', '2023-05-01'); // "is not a tariff line: 33049999 is not in the 2023 nomenclature ..."
 * ```
 */
export function tariffLineProblem(hsCode: string, day: string): string | undefined {
  const edition = nomenclatureEditionAt(day);
  const line = hsCode.slice(0, 8);
  if (isTariffLine(line, edition)) return undefined;
  const other = NOMENCLATURE_EDITIONS.find((e) => e !== edition && isTariffLine(line, e));
  const elsewhere = other === undefined ? '' : ` (it is a line of the ${other} edition: the goods were reclassified between the editions)`;
  return `is not a tariff line: ${line} is not in the ${edition} nomenclature of China's Customs Tariff, which stands for ${day}${elsewhere}; check the code against the tariff.`;
}
