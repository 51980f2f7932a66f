/**
 * What a chart of the HTML report is: a title, a caption that says how to read it, and a
 * Vega-Lite spec made from the report, or nothing when the run has no data for it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../types.js';

/** One chart of the HTML report. */
export interface ChartDefinition {
  /** Anchor id in the page, e.g. `orders-per-hour`. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences on how to read the chart. */
  readonly caption: string;
  /** Shown instead of the chart when {@link ChartDefinition.spec} returns `undefined`. */
  readonly emptyNote: string;
  /** The Vega-Lite spec for `report`, or `undefined` when the run has nothing to draw. */
  spec(report: Report): TopLevelSpec | undefined;
}

/** Width of every chart's plot area, pixels. */
export const CHART_WIDTH = 720;

/**
 * A Shanghai wall-clock time from the report (`2019-11-04 10:00` or `2019-11-04`) as epoch ms of
 * the same wall-clock time in UTC, so charts read the hours as written on any machine.
 *
 * @example
 * ```ts
 * wallClock('2019-11-04 10:00'); // Date.UTC(2019, 10, 4, 10)
 * ```
 */
export function wallClock(text: string): number {
  const [date = '', time = '00:00'] = text.split(' ');
  return Date.parse(`${date}T${time}:00Z`);
}

/** The x encoding of hourly series: one band per Shanghai hour. */
export const HOUR_AXIS = {
  field: 'time',
  type: 'temporal',
  timeUnit: 'utcyearmonthdatehours',
  title: 'Hour (Shanghai time)',
  axis: { format: '%d %b %H:%M', labelAngle: -40, labelOverlap: true },
} as const;
