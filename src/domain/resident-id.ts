/**
 * PRC resident identity numbers (居民身份证号码), GB 11643-1999.
 *
 * 18 characters: a 6-digit address code, an 8-digit birth date (YYYYMMDD), a 3-digit sequence
 * (odd for men, even for women) and a check character computed with ISO 7064 MOD 11-2 (`X` = 10).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/**
 * The check character for the first 17 digits of an ID number.
 *
 * @example
 * ```ts
 * residentIdCheckChar('11010519491231002'); // 'X'
 * ```
 */
export function residentIdCheckChar(first17: string): string {
  let total = 0;
  for (let i = 0; i < 17; i++) total += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[total % 11]!;
}

/**
 * Why an ID number is not valid, or `undefined` when it is.
 *
 * Checks the shape (17 digits then a digit or `X`), a real birth date not before 1900, and the
 * check character. The address code is not checked against the administrative-division list.
 * With `asOf` (a `'YYYY-MM-DD'` date: the day the document was made, such as an order's placing
 * date in Shanghai), a birth date after it is refused too; the wall clock is never read, so the
 * same input gives the same answer on any day.
 *
 * @example
 * ```ts
 * residentIdProblem('110105209901010012', '2019-06-01'); // 'has a birth date 20990101, later than 2019-06-01; check characters 7-14.'
 * ```
 */
export function residentIdProblem(id: string, asOf?: string): string | undefined {
  if (typeof id !== 'string') return 'must be a string of 18 characters.';
  if (!SHAPE.test(id)) return 'must be 17 digits followed by a digit or an upper-case X (18 characters).';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `has an impossible birth date ${id.slice(6, 14)} (characters 7-14 must be YYYYMMDD).`;
  }
  if (asOf !== undefined && id.slice(6, 14) > asOf.replace(/-/g, '')) {
    return `has a birth date ${id.slice(6, 14)}, later than ${asOf}; check characters 7-14.`;
  }
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return `has check character ${id[17]} but the first 17 digits require ${expected}; a digit was mistyped.`;
  return undefined;
}

/** True when `id` is a valid 18-character PRC resident ID number (born on or before `asOf`, `'YYYY-MM-DD'`, when given). */
export function isValidResidentId(id: string, asOf?: string): boolean {
  return residentIdProblem(id, asOf) === undefined;
}
