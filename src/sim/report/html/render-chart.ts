/**
 * The one place a chart is drawn: a Vega-Lite spec is compiled to Vega and rendered to an SVG
 * string without a browser or canvas. The output depends only on the spec, so the same report
 * gives the same bytes.
 */
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { MissingDependencyError } from '../../../domain/errors.js';

/** Shared look of every chart: fonts, sizes and axis styling. */
const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 8,
  title: { fontSize: 14, anchor: 'start' },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 180 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'right', labelLimit: 260 },
  view: { stroke: '#ddd' },
} as const;

/**
 * Loads vega and vega-lite, the optional packages that draw the charts, on first use (`load`
 * stands in for the imports in tests).
 *
 * @throws {@link MissingDependencyError} naming both when either is not installed
 */
export async function chartLibraries(load: () => Promise<[typeof Vega, typeof VegaLite]> = () => Promise.all([import('vega'), import('vega-lite')])): Promise<[typeof Vega, typeof VegaLite]> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' || (error as { code?: unknown }).code === 'MODULE_NOT_FOUND') throw new MissingDependencyError(['vega', 'vega-lite'], "The HTML report's charts", { cause: error });
    throw error;
  }
}

/**
 * Renders a Vega-Lite spec to SVG text.
 *
 * @throws {@link MissingDependencyError} when vega or vega-lite is not installed
 *
 * @throws Error when Vega-Lite warns about the spec (a chart that would be drawn wrong)
 * @example
 * ```ts
 * const svg = await renderChart({ data: { values: [{ n: 1 }] }, mark: 'bar', encoding: { y: { field: 'n', type: 'quantitative' } } });
 * svg.startsWith('<svg'); // true
 * ```
 */
export async function renderChart(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await chartLibraries();
  const complaints: string[] = [];
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    complaints.push(args.map(String).join(' '));
    return logger;
  };
  const compiled = vegaLite.compile({ config: CONFIG, ...spec } as TopLevelSpec, { logger });
  if (complaints.length > 0) throw new Error(`The chart spec is not drawable as written: ${complaints.join('; ')}`);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
