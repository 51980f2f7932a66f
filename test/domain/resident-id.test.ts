import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isValidResidentId, residentIdCheckChar, residentIdProblem } from '../../src/domain/resident-id.js';
import { residentId } from '../../src/testing/resident-id.js';

describe('resident ID number (GB 11643 MOD 11-2 check character)', () => {
  it('computes the check character of the standard example 11010519491231002X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('440106199003071231')).toBe(true);
  });

  it('explains each kind of refusal', () => {
    expect(residentIdProblem('11010519491231002x')).toMatch(/upper-case X/);
    expect(residentIdProblem('1101051949123100')).toMatch(/18 characters/);
    expect(residentIdProblem('110105194902301234')).toMatch(/impossible birth date 19490230/);
    expect(residentIdProblem('110105189912310023')).toMatch(/impossible birth date/);
    expect(residentIdProblem('110105194912310021')).toMatch(/check character 1 but .* require X/);
  });

  test.prop([residentId()])('accepts every generated valid number', (id) => {
    expect(residentIdProblem(id)).toBeUndefined();
  });

  test.prop([residentId(), fc.nat({ max: 16 }), fc.integer({ min: 1, max: 9 })])(
    'rejects every single-digit corruption of the first 17 digits',
    (id, position, delta) => {
      const digit = (Number(id[position]) + delta) % 10;
      const corrupted = id.slice(0, position) + String(digit) + id.slice(position + 1);
      expect(isValidResidentId(corrupted)).toBe(false);
    },
  );

  test.prop([residentId(), fc.constantFrom(...'0123456789X')])('rejects every other check character', (id, check) => {
    fc.pre(check !== id[17]);
    expect(isValidResidentId(id.slice(0, 17) + check)).toBe(false);
  });
});
