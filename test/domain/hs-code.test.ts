import { describe, expect, it } from 'vitest';
import { hsCodeProblem, hsHeading } from '../../src/domain/hs-code.js';

describe('HS code', () => {
  it('accepts a 10-digit code on lists', () => {
    expect(hsCodeProblem('3304990099')).toBeUndefined();
  });

  it('accepts 4 or 6 digits only where the field allows them (pilot-zone lists)', () => {
    expect(hsCodeProblem('3304', [4, 10])).toBeUndefined();
    expect(hsCodeProblem('330499', [6, 10])).toBeUndefined();
    expect(hsCodeProblem('3304')).toMatch(/has 4 digits; this field needs 10/);
  });

  it('explains the refusal of dots, letters, chapters out of range and non-strings', () => {
    expect(hsCodeProblem('3304.99.00.99')).toMatch(/digits only/);
    expect(hsCodeProblem('33049900AB')).toMatch(/digits only/);
    expect(hsCodeProblem('9912345678')).toMatch(/chapter 99/);
    expect(hsCodeProblem('0012345678')).toMatch(/chapter 00/);
    expect(hsCodeProblem(3304990099)).toMatch(/must be a string/);
  });

  it('gives the heading', () => {
    expect(hsHeading('3304990099')).toBe('3304');
  });
});
