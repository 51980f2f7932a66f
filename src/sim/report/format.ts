/** How numbers and sentences read in reports: the Markdown and HTML renderers share these. */
import type { Report } from './types.js';

/** A share as a percentage with two decimals, e.g. `3.10%`. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

/** Minutes as text: `42.5 min`, or hours from two hours up, `3.2 h`. */
export function minutesText(minutes: number): string {
  const one = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return minutes >= 120 ? `${one(minutes / 60)} h` : `${one(minutes)} min`;
}

/**
 * A percentile in minutes as text at the precision the report's histograms support (three
 * significant digits): `4.83 min`, `53.0 h`, `156 h`, `1230 h`.
 */
export function percentileText(minutes: number): string {
  const hours = minutes >= 120;
  const value = hours ? minutes / 60 : minutes;
  const text = value === 0 ? '0' : value >= 1000 ? String(Number(value.toPrecision(3))) : value.toPrecision(3);
  return `${text} ${hours ? 'h' : 'min'}`;
}

/** What the lead times measure, naming the international leg of 9610 import parcels when the run has any. */
export function leadTimeNote(report: Report): string {
  const leg = report.scenario.directMail;
  const parcels = leg === undefined ? '' : ` 9610 import parcels first travel to the port: ${leg.carrier} by ${leg.mode}, from ${leg.origin}; bonded goods already sit in the zone.`;
  return `Lead time: order placed to delivery (import) or departure (export).${parcels}`;
}

/**
 * Text from a scenario (its name) made inert in Markdown: control characters and line breaks
 * become spaces, and the characters that make headings, tables, emphasis, code, links or HTML
 * (`\\ \` * _ [ ] < > # | ~ &`) are backslash-escaped, so a name can neither start a section of
 * its own nor forge a table row.
 */
export function markdownText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
}
