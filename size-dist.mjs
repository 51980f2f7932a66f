import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const [what, from, out] = process.argv.slice(2);
const r = await build({ stdin: { contents: `import { ${what} } from '${from}'; console.log(${what});`, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: false, platform: 'node', format: 'esm', write: false, external: ['zod', 'xstate', 'decimal.js', 'date-fns', '@date-fns/tz', 'fast-xml-parser', 'vega', 'vega-lite', 'pure-rand', 'cli-progress'] });
writeFileSync(out, r.outputFiles[0].text);
