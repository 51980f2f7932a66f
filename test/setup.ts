import fc from 'fast-check';

// A fixed seed in CI makes property runs reproducible; locally a fresh seed explores more.
// On failure fast-check prints the seed and path, so any run can be replayed.
fc.configureGlobal({
  ...(process.env['CI'] ? { seed: 20140210 } : {}),
  numRuns: Number(process.env['FC_NUM_RUNS'] ?? 200),
});
