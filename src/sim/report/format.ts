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
