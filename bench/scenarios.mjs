// The bench's scenarios, built in code from the example scenarios. The examples create about
// 10,000 orders over their horizon; the bench needs up to millions, so it scales every volume
// (arrival rates, customs capacity, buyers, bonded stock) by one factor: each order then meets
// the same queues, quota use and stock levels as in the example, only more of them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lib } from './library.mjs';

const MIXED = 'examples/scenarios/guangzhou-three-channels.json';
const PEAK = 'examples/scenarios/peak-day-11-11.json';
/** The 11.11 date of the peak example; its multiplier makes it the busiest day. */
const PEAK_DATE = '2019-11-11';
/** Rates are set this much above what the count needs, so that the count arrives before the horizon (in every shard). */
const HEADROOM = 1.1;

function readExample(path) {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8'));
}

/** The example scenario, as the library validates it (for its own runs, e.g. the replay recording). */
export function exampleScenario() {
  return lib.parseScenario(readExample(MIXED));
}

/** Orders the arrival processes bring on average within the horizon (profiles average to 1 a day). */
function expectedOrders(scenario) {
  const perDay = scenario.arrivals.reduce((n, a) => n + a.ordersPerDay, 0);
  const peaks = new Map(scenario.peaks.map((p) => [p.date, p.multiplier]));
  let days = 0;
  for (let d = 0; d < scenario.horizonDays; d++) {
    const share = Math.min(1, scenario.horizonDays - d);
    days += share * (peaks.get(lib.shanghaiDate(scenario.start + d * lib.MS.day)) ?? 1);
  }
  return perDay * days;
}

/** `input` with every volume multiplied by `factor`, validated; defaults are read from `parsed`. */
function scaled(input, parsed, factor) {
  const { buyers, customs, bonded } = parsed;
  return lib.parseScenario({
    ...input,
    arrivals: input.arrivals.map((a) => ({ ...a, ordersPerDay: a.ordersPerDay * factor })),
    customs: { ...input.customs, capacityPerHour: customs.capacityPerHour * factor },
    buyers: { ...input.buyers, population: Math.ceil(buyers.population * factor) },
    bonded: {
      ...input.bonded,
      initialStock: Math.ceil(bonded.initialStock * factor),
      reorderPoint: Math.ceil(bonded.reorderPoint * factor),
      reorderQuantity: Math.ceil(bonded.reorderQuantity * factor),
    },
  });
}

/** `input` with `extra` merged in, scaled so that `orders` arrive within its horizon, capped at `orders`. */
function scaledTo(input, orders, extra) {
  const parsed = lib.parseScenario({ ...input, ...extra });
  const factor = (orders * HEADROOM) / expectedOrders(parsed);
  const scenario = scaled({ ...input, ...extra, maxOrders: orders }, parsed, factor);
  const change = `arrival rates, customs capacityPerHour, buyers.population and bonded initialStock/reorderPoint/reorderQuantity x${factor.toFixed(2)}, maxOrders ${orders}`;
  return { scenario, change };
}

/**
 * Mixed channels (the Guangzhou example), scaled so that `orders` orders arrive in one day (its
 * first), or in `extra.horizonDays` days.
 */
export function mixedScenario(orders, extra = {}) {
  const days = { horizonDays: 1, ...extra };
  const { scenario, change } = scaledTo(readExample(MIXED), orders, days);
  const merged = Object.entries(days).map(([k, v]) => `${k} ${v}`).join(', ');
  return { scenario, change: `${MIXED}: ${merged}; ${change}` };
}

/**
 * The 11.11 peak day alone (the peak example starting on 11.11, one day of arrivals), scaled so
 * that the day brings `orders` orders, each with its inventory list.
 */
export function peakDayScenario(orders, extra = {}) {
  const example = readExample(PEAK);
  const multiplier = example.peaks.find((p) => p.date === PEAK_DATE).multiplier;
  const { scenario, change } = scaledTo({ ...example, start: `${PEAK_DATE}T00:00:00+08:00`, horizonDays: 1 }, orders, extra);
  return { scenario, change: `${PEAK}: start ${PEAK_DATE}T00:00+08:00, horizonDays 1 (the peak day alone, peak multiplier ${multiplier}); ${change}` };
}
