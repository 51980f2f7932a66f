import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isTariffLine, nomenclatureEditionAt, tariffLineCount, tariffLineProblem, tariffLines } from '../../src/domain/hs/nomenclature.js';

/** SHA-256 of the sorted lines joined with commas, computed from the published 2019 and 2023 lists. */
const fingerprint = (lines: readonly string[]): string => createHash('sha256').update(lines.join(',')).digest('hex');

describe('the HS nomenclature (8-digit tariff lines by edition)', () => {
  it('unpacks the 8,557 lines of 2019 and the 8,957 of 2023, exactly as published', () => {
    expect(tariffLineCount(2019)).toBe(8557);
    expect(tariffLineCount(2023)).toBe(8957);
    expect(fingerprint(tariffLines(2019))).toBe('24caae8bf4a7432c9e5dbc85cab3179cfe994f5cc5e55520f82879e1b8290a31');
    expect(fingerprint(tariffLines(2023))).toBe('ac8044fbc24f36785f671e6088474197fdfa1f8f95b30cc1ea22ca736f9cd3b3');
  });

  it('finds every line of an edition and nothing between them', () => {
    const lines = tariffLines(2023);
    for (const line of lines) expect(isTariffLine(line, 2023)).toBe(true);
    const set = new Set(lines);
    for (let i = 0; i < lines.length - 1; i += 97) {
      const between = String(Number(lines[i]) + 1).padStart(8, '0');
      expect(isTariffLine(between, 2023)).toBe(set.has(between));
    }
    expect(isTariffLine('0101210', 2023)).toBe(false);
    expect(isTariffLine('abcdefgh', 2023)).toBe(false);
  });

  it('checks a code against the edition that stands for the day: HS 2017 lines before 2022, HS 2022 lines from then', () => {
    expect(nomenclatureEditionAt('2013-10-14')).toBe(2019);
    expect(nomenclatureEditionAt('2021-12-31')).toBe(2019);
    expect(nomenclatureEditionAt('2022-01-01')).toBe(2023);
    expect(tariffLineProblem('3304990099', '2019-11-04')).toBeUndefined();
    expect(tariffLineProblem('3304999900', '2019-11-04')).toMatch(/33049999 is not in the 2019 nomenclature/);
    // drones got their own heading (8806) in HS 2022: a 2023 line, not a 2019 one
    const drone = tariffLines(2023).find((l) => l.startsWith('8806'))!;
    expect(tariffLineProblem(`${drone}00`, '2023-03-01')).toBeUndefined();
    expect(tariffLineProblem(`${drone}00`, '2020-03-01')).toMatch(/it is a line of the 2023 edition/);
  });
});
