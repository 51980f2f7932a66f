// What a bundler ships for one function: `retailImportTax` alone, bundled from the built package
// with esbuild and minified, must stay under 150 KB. Module-level machines and zod schemas are
// built in calls marked /* @__PURE__ */, so a bundle that does not use them drops them.
import assert from 'node:assert/strict';
import { build } from 'esbuild';

const BUDGET = 150 * 1024;

async function bundleSize(name, entry) {
  const result = await build({
    stdin: { contents: `import { ${name} } from '${entry}';\nconsole.log(${name});\n`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents.length;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const tax = await bundleSize('retailImportTax', './dist/index.js');
assert.ok(tax < BUDGET, `retailImportTax alone bundles to ${kb(tax)} minified, over the ${kb(BUDGET)} budget: a module-level value it does not use is no longer dropped (mark its construction /* @__PURE__ */).`);
console.log(`Bundle size: retailImportTax alone ${kb(tax)} minified (budget ${kb(BUDGET)}): ok`);
