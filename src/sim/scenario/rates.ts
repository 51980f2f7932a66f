/**
 * A scenario's rate sources, built once per scenario: its tariff rows with exact rates, each
 * catalogue product's own rates and measure by item number, and its positive list.
 */
import type { Measure } from '../../domain/measure.js';
import { money } from '../../money/money.js';
import type { TaxCatalogue } from '../../rules/describe-tax.js';
import { positiveList, type PositiveList } from '../../rules/positive-list.js';
import type { OwnRates, RateBook } from '../../rules/product-rates.js';
import { TARIFF } from '../../rules/tariff-built-in.js';
import { ownRatesOf, tariffRowOf } from '../../rules/tariff-schema.js';
import type { Scenario } from './schema.js';

/** What a scenario's run taxes and checks goods with. */
export interface ScenarioRates extends TaxCatalogue {
  readonly book: RateBook;
  readonly products: ReadonlyMap<string, { readonly rates?: OwnRates; readonly measure?: Measure }>;
  readonly positiveList?: PositiveList;
}

const built = new WeakMap<Scenario, ScenarioRates>();

/** The rate sources of `scenario` (built on first use, then the same object). */
export function scenarioRates(scenario: Scenario): ScenarioRates {
  const known = built.get(scenario);
  if (known) return known;
  const tariff = (scenario.tariff ?? []).map(tariffRowOf);
  const products = new Map(
    scenario.catalogue.map((goods) => [
      goods.itemNo,
      {
        ...(goods.rates ? { rates: ownRatesOf(goods.rates) } : {}),
        ...(goods.measure ? { measure: { quantity: money(goods.measure.quantity), unit: goods.measure.unit } } : {}),
      },
    ]),
  );
  const rates: ScenarioRates = { book: { tariff, builtIn: TARIFF }, tariff, products, ...(scenario.positiveList ? { positiveList: positiveList(scenario.positiveList) } : {}) };
  built.set(scenario, rates);
  return rates;
}
