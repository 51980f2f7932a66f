/**
 * Runs xmllint (libxml2) over many files against one schema in a single call and reads back,
 * per file, whether it validates and the lines of the elements it rejects.
 */
import { spawnSync } from 'node:child_process';

/** What xmllint said about one file. */
export interface LintVerdict {
  readonly valid: boolean;
  /** Lines of the elements xmllint reports, in report order. */
  readonly lines: readonly number[];
  /** The error lines as xmllint printed them. */
  readonly errors: readonly string[];
}

/** Validates `files` against `schema`; one verdict per file. */
export function xmllint(schema: string, files: readonly string[]): Map<string, LintVerdict> {
  const verdicts = new Map<string, { valid: boolean; lines: number[]; errors: string[] }>();
  for (const f of files) verdicts.set(f, { valid: false, lines: [], errors: [] });
  for (let start = 0; start < files.length; start += 200) {
    const batch = files.slice(start, start + 200);
    const run = spawnSync('xmllint', ['--noout', '--schema', schema, ...batch], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error) throw new Error(`xmllint could not run (${run.error.message}); install it (Debian: apt-get install libxml2-utils).`);
    for (const line of run.stderr.split('\n')) {
      const ok = /^(.*) validates$/.exec(line);
      if (ok) {
        verdicts.get(ok[1]!)!.valid = true;
        continue;
      }
      const error = /^(.*?):(\d+): element [^:]*: Schemas validity error : (.*)$/.exec(line);
      const verdict = error && verdicts.get(error[1]!);
      if (verdict) {
        verdict.lines.push(Number(error[2]));
        verdict.errors.push(error[3]!);
      } else {
        const parser = /^(.*?):(\d+): parser error/.exec(line);
        const broken = parser && verdicts.get(parser[1]!);
        if (broken) broken.errors.push(line);
      }
    }
  }
  return verdicts;
}
