/**
 * Resident ID numbers (居民身份证号码) for buyers and payers: valid ones, and ones broken in one
 * chosen way, so a test can check that each kind of corruption is refused.
 */
import fc from 'fast-check';
import { residentIdCheckChar } from '../domain/resident-id.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * How an invalid ID number is broken:
 * - `check-character`: the last character is not the MOD 11-2 check of the first 17 digits
 * - `birth-date`: characters 7-14 are not a real date (month 13, or 30 February)
 * - `length`: one character too few or too many
 * - `non-digit`: a letter among the first 17 digits
 * - `lower-case-x`: the check character `X` written as `x`
 */
export type IdCorruption = 'check-character' | 'birth-date' | 'length' | 'non-digit' | 'lower-case-x';

/** Every {@link IdCorruption}, for `describe.each` and `fc.constantFrom`. */
export const ID_CORRUPTIONS: readonly IdCorruption[] = ['check-character', 'birth-date', 'length', 'non-digit', 'lower-case-x'];

/** The first 17 digits of an ID: area code, birth date (1930-2007), sequence. */
function first17(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 110000, max: 659999 }),
      fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2007-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([area, birth, seq]) => `${area}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(seq, 3)}`);
}

/**
 * Valid 18-character PRC resident ID numbers: a 6-digit area code, a real birth date between
 * 1930 and 2007, a 3-digit sequence and the correct check character.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(residentId(), (id) => isValidResidentId(id)));
 * ```
 */
export function residentId(): fc.Arbitrary<string> {
  return first17().map((digits) => digits + residentIdCheckChar(digits));
}

/**
 * ID numbers broken in the way `corruption` names (any way when absent); `isValidResidentId`
 * refuses every one.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(invalidResidentId('birth-date'), (id) => residentIdProblem(id)?.includes('birth date')));
 * ```
 */
export function invalidResidentId(corruption?: IdCorruption): fc.Arbitrary<string> {
  if (corruption === undefined) return fc.constantFrom(...ID_CORRUPTIONS).chain((kind) => invalidResidentId(kind));
  switch (corruption) {
    case 'check-character':
      return fc.tuple(first17(), fc.integer({ min: 1, max: 10 })).map(([digits, shift]) => {
        const right = '10X98765432'.indexOf(residentIdCheckChar(digits));
        return digits + '10X98765432'[(right + shift) % 11]!;
      });
    case 'birth-date':
      return fc.tuple(residentId(), fc.constantFrom('1301', '0230', '0000', '0432')).map(([id, monthDay]) => {
        const digits = `${id.slice(0, 10)}${monthDay}${id.slice(14, 17)}`;
        return digits + residentIdCheckChar(digits);
      });
    case 'length':
      return fc.tuple(residentId(), fc.boolean()).map(([id, shorter]) => (shorter ? id.slice(0, 17) : `${id}0`));
    case 'non-digit':
      return fc.tuple(residentId(), fc.integer({ min: 0, max: 16 }), fc.constantFrom('A', 'O', 'l', ' ')).map(([id, at, c]) => `${id.slice(0, at)}${c}${id.slice(at + 1)}`);
    case 'lower-case-x':
      return first17()
        .filter((digits) => residentIdCheckChar(digits) === 'X')
        .map((digits) => `${digits}x`);
  }
}
