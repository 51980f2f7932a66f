import { afterEach } from 'vitest';
import fc from 'fast-check';

// A fixed seed in CI makes property runs reproducible; locally a fresh seed explores more.
// On failure fast-check prints the seed and path, so any run can be replayed.
fc.configureGlobal({
  ...(process.env['CI'] ? { seed: 20140210 } : {}),
  numRuns: Number(process.env['FC_NUM_RUNS'] ?? 200),
});

// `npm test` prints no warnings: a test that makes a library (or our code) warn fails, naming it.
const warnings: string[] = [];
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
};
afterEach(() => {
  const seen = warnings.splice(0);
  if (seen.length > 0) throw new Error(`The test printed ${seen.length} warning${seen.length === 1 ? '' : 's'}; the first: ${seen[0]}`);
});
