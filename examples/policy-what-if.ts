/**
 * Policy what-if: the same orders taxed under the 2016 and the 2019 retail-import rules, side by
 * side. The 2019 rules raised the single-transaction limit from 2,000 to 5,000 CNY and the annual
 * limit from 20,000 to 26,000 CNY; orders above the limits leave the CBEC route (taxed in full, or
 * refused as retail and sent to general trade).
 *
 * Both columns are taxed on the same day (2019-06-01, VAT 13%), so the only difference is the rule
 * set. Run: `npx tsx examples/policy-what-if.ts`.
 */
import { fileURLToPath } from 'node:url';
import { createRng, loadScenario, retailImportTax, RULES_2016, RULES_2019, sum, type RuleSet, type TaxAssessment, type TaxInput } from '../src/index.js';
import { runIfMain } from './run-if-main.js';

const SCENARIO = fileURLToPath(new URL('./scenarios/guangzhou-three-channels.json', import.meta.url));
const TAX_DAY = '2019-06-01';

/** A generated order: what the buyer buys and how much of the annual limit they have used. */
interface WhatIfOrder {
  readonly orderNo: string;
  readonly input: Omit<TaxInput, 'rules'>;
  readonly value: number;
}

/** `count` orders from the demo catalogue's import goods, the same for every seed run. */
export function generateOrders(count: number, seed = 2019): WhatIfOrder[] {
  const goods = loadScenario(SCENARIO).catalogue.filter((g) => g.channels?.includes('9610-import') ?? true);
  const rng = createRng(seed).stream('what-if');
  return Array.from({ length: count }, (_, i) => {
    const lines = Array.from({ length: rng.int(1, 2) }, () => {
      const g = goods[rng.int(0, goods.length - 1)]!;
      const price = rng.uniform(Number(g.minPrice), Number(g.maxPrice)).toFixed(2);
      return { hsCode: g.hsCode, quantity: rng.int(1, 2), unitPrice: price };
    });
    const value = lines.reduce((n, l) => n + l.quantity * Number(l.unitPrice), 0);
    const buyerAnnualUsed = rng.uniform(0, 22_000).toFixed(2);
    return { orderNo: `WHATIF-${String(i + 1).padStart(3, '0')}`, value, input: { date: TAX_DAY, lines, freight: '15.00', buyerAnnualUsed } };
  });
}

/** Why an order is refused as retail, by the limit it is over. */
const OVER: Readonly<Record<NonNullable<TaxAssessment['overLimit']>, string>> = { single: 'single limit', annual: 'annual limit', parcel: 'parcel limit' };

/**
 * An order's outcome under one rule set: the route and the CBEC tax, or, for an order refused as
 * retail, the limit it is over (its tax is charged outside the CBEC channel, as general trade).
 */
function outcome(tax: TaxAssessment): string {
  if (tax.route !== 'general-trade') return `${tax.route.padEnd(9)} ${tax.total.toFixed(2).padStart(9)}`;
  return `refused: ${tax.overLimit === undefined ? 'general trade' : `over ${OVER[tax.overLimit]}`}`;
}

const CELL = 'refused: over single limit'.length;
const cell = (tax: TaxAssessment) => outcome(tax).padEnd(CELL);

function totals(rules: RuleSet, taxes: readonly TaxAssessment[]): string {
  const count = (route: TaxAssessment['route']) => taxes.filter((t) => t.route === route).length;
  const retail = taxes.filter((t) => t.route !== 'general-trade');
  return `${rules.id}: CBEC tax ${sum(retail.map((t) => t.total)).toFixed(2)} CNY on ${retail.length} orders (cbec ${count('cbec')}, cbec-full ${count('cbec-full')}); ${count('general-trade')} refused as retail, taxed as general trade instead`;
}

/** Taxes 20 generated orders under both rule sets and returns the printed comparison. */
export function main(): string {
  const orders = generateOrders(20);
  const under = (rules: RuleSet) => orders.map((o) => retailImportTax({ ...o.input, rules }));
  const old = under(RULES_2016);
  const current = under(RULES_2019);
  const lines = [
    `Same ${orders.length} orders, taxed on ${TAX_DAY} under ${RULES_2016.id} and ${RULES_2019.id}`,
    '',
    `${'order'.padEnd(11)} ${'goods CNY'.padStart(10)} ${'used CNY'.padStart(9)} | ${RULES_2016.id.padEnd(CELL)} | ${RULES_2019.id}`,
    ...orders.map((o, i) => {
      const changed = old[i]!.route !== current[i]!.route ? '  <- route changes' : '';
      return `${o.orderNo.padEnd(11)} ${o.value.toFixed(2).padStart(10)} ${Number(o.input.buyerAnnualUsed).toFixed(0).padStart(9)} | ${cell(old[i]!)} | ${outcome(current[i]!)}${changed}`;
    }),
    '',
    totals(RULES_2016, old),
    totals(RULES_2019, current),
  ];
  const first = orders.findIndex((_, i) => old[i]!.route !== current[i]!.route);
  if (first >= 0) lines.push('', `Why ${orders[first]!.orderNo} changes route:`, `  ${old[first]!.reason ?? old[first]!.route}`, `  ${RULES_2019.id}: ${current[first]!.route}, tax ${current[first]!.total.toFixed(2)} CNY`);
  return lines.join('\n');
}

await runIfMain(import.meta.url, main);
