// Mutation testing of the rules, the customs authority and the CEB messages: `npm run mutation`
// (all three), or one folder: `npm run mutation -- --mutate 'src/rules/**/*.ts'`.
// Reports go to reports/mutation/; the break threshold is the 80% score every folder must keep.
import process from 'node:process';

// Property tests run 50 cases per mutant (200 in npm test): enough to kill, four times faster.
process.env.FC_NUM_RUNS ??= '50';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  // The message field tables are data, checked against the official XSDs by `npm run conformance`.
  mutate: ['src/rules/**/*.ts', 'src/customs/**/*.ts', 'src/messages/**/*.ts', '!src/messages/tables/**', '!src/**/index.ts'],
  // Mutants in code that runs while a module loads are left out: the vitest runner of StrykerJS
  // 9.6.1 reports one that makes a module fail to load as survived, so they cannot be measured.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  checkers: [],
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
