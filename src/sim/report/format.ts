/** How numbers read in reports: the Markdown and HTML renderers share these. */

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
 * Text from a scenario (its name) made inert in Markdown: control characters and line breaks
 * become spaces, and the characters that make headings, tables, emphasis, code, links or HTML
 * (`\\ \` * _ [ ] < > # | ~ &`) are backslash-escaped, so a name can neither start a section of
 * its own nor forge a table row.
 */
export function markdownText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
}
