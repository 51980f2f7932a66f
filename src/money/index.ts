export { MoneyDecimal, money, cny, toFen, ZERO, sum, formatCny } from './money.js';
export type { Money, MoneyInput } from './money.js';
export { allocate } from './allocate.js';
export { createFxTable } from './fx.js';
export type { FxRates, FxTable } from './fx.js';
