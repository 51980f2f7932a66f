import { build } from 'esbuild';
const [what, from] = process.argv.slice(2);
const r = await build({ stdin: { contents: `import { ${what} } from '${from}'; console.log(${what});`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
console.log(what, r.outputFiles[0].contents.length);
const inputs = Object.entries(Object.values(r.metafile.outputs)[0].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput);
for (const [f, i] of inputs.filter(([f])=>f.startsWith('src')).slice(0,60)) console.log('  ', f, i.bytesInOutput);
console.log('  node_modules:', inputs.filter(([f])=>!f.startsWith('src')).reduce((n,[,i])=>n+i.bytesInOutput,0));
const pk = {}; for (const [f,i] of inputs.filter(([f])=>!f.startsWith('src'))) { const m=/node_modules\/((@[^/]+\/)?[^/]+)/.exec(f); pk[m?.[1]??f]=(pk[m?.[1]??f]??0)+i.bytesInOutput; } console.log(pk);
