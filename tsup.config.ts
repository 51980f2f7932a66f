import { defineConfig } from 'tsup';

const shared = { target: 'node20', sourcemap: true, treeshake: true } as const;

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', messages: 'src/messages/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    // fast-check is an optional peer of cbec-sim/testing only; never bundle it
    external: ['fast-check'],
  },
  {
    ...shared,
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
  },
]);
