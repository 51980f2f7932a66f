import { copyFile } from 'node:fs/promises';
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
    // the HS nomenclature is data read on demand beside the built modules, never bundled
    onSuccess: () => copyFile('src/domain/hs/hs-nomenclature.txt', 'dist/hs-nomenclature.txt'),
  },
  {
    ...shared,
    // the entries of worker threads (shards: src/sim/shard/worker-script.ts, experiments:
    // src/experiment/pool.ts, the sandbox's reader and checkpoints: src/sandbox/intake-reader.ts, checkpointer.ts start them by these names); one ESM file serves the ESM and CJS builds alike
    entry: { cli: 'src/cli/main.ts', 'shard-worker': 'src/sim/shard/worker.ts', 'experiment-worker': 'src/experiment/worker.ts', 'intake-worker': 'src/sandbox/intake-worker.ts', 'checkpoint-worker': 'src/sandbox/checkpoint-worker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
  },
]);
