/** The charts of the HTML report, in page order. */
import type { ChartDefinition } from '../chart.js';
import { bondedStockChart } from './bonded-stock.js';
import { clearanceTimesChart } from './clearance-times.js';
import { customsQueueChart } from './customs-queue.js';
import { ordersPerHourChart } from './orders-per-hour.js';
import { outcomesChart } from './outcomes.js';
import { taxesChart } from './taxes.js';

/** Every chart of the HTML report, in the order the page shows them. */
export const REPORT_CHARTS: readonly ChartDefinition[] = [
  ordersPerHourChart,
  outcomesChart,
  clearanceTimesChart,
  customsQueueChart,
  bondedStockChart,
  taxesChart,
];
