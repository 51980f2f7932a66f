import { defineConfig } from 'tsup';

const shared = { target: 'node20', sourcemap: true, treeshake: true } as const;

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', messages: 'src/messages/index.ts', testing: 'src/testing/index.ts', sandbox: 'src/sandbox/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    // the CJS build starts shard worker threads beside itself: `import.meta.url` needs the shim there
    shims: true,
    // fast-check is an optional peer of cbec-sim/testing only; never bundle it
    external: ['fast-check'],
  },
  {
    ...shared,
    // the entry of shard worker threads (src/sim/shard/worker-script.ts starts it by this name);
    // one ESM file serves the ESM and CJS builds alike
    entry: { cli: 'src/cli/main.ts', 'shard-worker': 'src/sim/shard/worker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
  },
]);
