/**
 * Quantities of goods in units of measure, for the taxes that depend on them: specific
 * consumption taxes (per litre, per stick) and per-quantity price tests (per ml of cosmetics).
 */
import type { Money } from '../money/money.js';

/**
 * Units a measure, a specific consumption tax or a high-end price test is stated in. Litres and
 * kilograms are read alike, as the consumption-tax table does ("500 g or 500 ml"): a measure in g
 * meets a rate per ml, one in kg a rate per l. `stick` and `piece` count (cigarettes, sheet
 * masks): goods given no measure count as one piece each.
 */
export type MeasureUnit = 'l' | 'ml' | 'kg' | 'g' | 'stick' | 'piece';

/** Every {@link MeasureUnit}. */
export const MEASURE_UNITS: readonly MeasureUnit[] = ['l', 'ml', 'kg', 'g', 'stick', 'piece'];

/** A quantity in a unit of measure: what one unit of goods holds (a bottle: 0.75 l). */
export interface Measure {
  readonly quantity: Money;
  readonly unit: MeasureUnit;
}
