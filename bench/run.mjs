// npm run bench: measures the simulator on this machine and writes bench/results.json.
// Figures are reported with their baseline from the same process run, as ratios.
import { writeFileSync, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSimulation, loadScenario, createNdjsonLog, reportToJson } from '../dist/index.js';
import { createHash } from 'node:crypto';

const orders = Number(process.argv[2] ?? 20_000);
const scenario = loadScenario('examples/scenarios/guangzhou-three-channels.json');
const results = { node: process.version, orders, figures: {} };

async function timed(name, fn) {
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  results.figures[name] = { seconds: Number(seconds.toFixed(3)), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) };
  return { seconds, value };
}

const dir = mkdtempSync(join(tmpdir(), 'cbec-bench-'));
// Warm the JIT first so the first timed run is not charged for compilation.
await createSimulation(scenario, { orders: Math.min(2000, orders) }).run();

const off = await timed('end-to-end, log off', () => createSimulation(scenario, { orders }).run());
const log = createNdjsonLog(createWriteStream(join(dir, 'orders.ndjson')));
const on = await timed('end-to-end, log on', async () => {
  const report = await createSimulation(scenario, { orders }).run({ log });
  await log.close();
  return report;
});
const again = await createSimulation(scenario, { orders }).run();
const hash = (r) => createHash('sha256').update(reportToJson(r)).digest('hex').slice(0, 16);

results.figures['end-to-end, log off'].ordersPerSecond = Math.round(orders / off.seconds);
results.figures['end-to-end, log on'].ordersPerSecond = Math.round(orders / on.seconds);
results.ratios = { 'log on / log off': Number((on.seconds / off.seconds).toFixed(2)) };
results.determinism = { sameSeedSameHash: hash(off.value) === hash(again), hash: hash(off.value) };
results.extrapolated = { 'seconds for 1,000,000 orders (log off, linear)': Math.round((off.seconds / orders) * 1_000_000) };

console.log(`cbec-sim bench on ${process.version}, ${orders} orders of examples/scenarios/guangzhou-three-channels.json (runner: xstate actors)`);
for (const [name, f] of Object.entries(results.figures)) console.log(`  ${name.padEnd(22)} ${f.seconds.toFixed(2)} s  ${String(f.ordersPerSecond).padStart(7)} orders/s  rss ${f.rssMiB} MiB`);
console.log(`  log on / log off      ${results.ratios['log on / log off']}x (bar: at most 2x)`);
console.log(`  same seed, same report hash: ${results.determinism.sameSeedSameHash}`);
console.log(`  1,000,000 orders would take about ${results.extrapolated['seconds for 1,000,000 orders (log off, linear)']} s with this runner (bar: 10 s needs the compiled runner)`);
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
