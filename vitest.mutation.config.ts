import { defineConfig } from 'vitest/config';

// The tests that exercise the mutated folders (src/rules, src/customs, src/messages): StrykerJS
// runs them once per mutant, so the slow end-to-end suites stay out.
export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/customs/**/*.test.ts', 'test/messages/**/*.test.ts', 'test/domain/**/*.test.ts', 'test/hostile/library-rules.test.ts', 'test/hostile/messages-*.test.ts'],
    setupFiles: ['test/setup.ts'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
