import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/package/**'],
    setupFiles: ['test/setup.ts'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
